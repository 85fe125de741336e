/** The seven reports, one file each; the page (`ReportsPage.tsx`) routes between them. */
export { CashFlowReport } from './CashFlowReport.tsx';
export { IncomeExpenseReport } from './IncomeExpenseReport.tsx';
export { NetWorthReport } from './NetWorthReport.tsx';
export { SpendingReport } from './SpendingReport.tsx';
export { BalanceSheetReport, IncomeStatementReport } from './StatementReports.tsx';
export { TrendReport } from './TrendReport.tsx';
