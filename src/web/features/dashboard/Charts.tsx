import { formatLocaleAmount } from '../../../core/money/locale.ts';
import { BarChart } from '../../ui/BarChart.tsx';
import { labelStep, niceCeiling, plotValue } from '../../ui/chart-scale.ts';
import type { CategorySpending, MonthFlow } from './summaries.ts';

/**
 * The dashboard's charts as plain SVG: a few hundred bytes instead of a charting library's hundred
 * kilobytes, which on a phone cost more main-thread time than the whole app (Lighthouse, mobile:
 * total blocking time 680 ms with Recharts). Bar lengths come from plain numbers; every label
 * prints the exact amount. Screen readers get the same figures as a table beside each chart.
 */
const money = (amount: string, currency: string, locale: string) =>
  formatLocaleAmount(amount, locale, { currency });

export function SpendingChart({ data, locale }: { data: CategorySpending[]; locale: string }) {
  const rows = data
    .slice(0, 10)
    .map((entry) => ({ key: String(entry.categoryId), label: entry.name, value: entry.spent }));
  return <BarChart rows={rows} locale={locale} />;
}

export function IncomeExpenseChart({ data, locale }: { data: MonthFlow[]; locale: string }) {
  const code = data[0]?.income.currency ?? 'EUR';
  const max = niceCeiling(Math.max(...data.flatMap((d) => [plotValue(d.income), plotValue(d.expense)]), 0));
  const height = 200;
  const left = 64;
  const slot = (600 - left) / Math.max(1, data.length);
  const bar = Math.min(18, slot / 2 - 3);
  const scale = (value: number) => (Math.max(0, value) / max) * height;
  const ticks = [0, 0.5, 1].map((f) => f * max);
  const monthName = (month: string) =>
    new Date(`${month}-01T00:00:00`).toLocaleDateString(locale, { month: 'short' });
  const step = labelStep(
    data.map((d) => monthName(d.month)),
    slot,
  );
  return (
    <svg
      className="chart"
      viewBox={`0 0 600 ${height + 56}`}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={left}
            x2="600"
            y1={height - scale(tick) + 4}
            y2={height - scale(tick) + 4}
            className="chart-grid"
          />
          <text x={left - 6} y={height - scale(tick) + 8} textAnchor="end" className="chart-value">
            {money(String(tick), code, locale).replace(/[.,]00(?=\D*$)/, '')}
          </text>
        </g>
      ))}
      {data.map((month, index) => {
        const x = left + index * slot + slot / 2;
        const income = scale(plotValue(month.income));
        const expense = scale(plotValue(month.expense));
        return (
          <g key={month.month}>
            <rect
              x={x - bar - 1}
              y={height - income + 4}
              width={bar}
              height={income}
              className="bar-income"
            />
            <rect x={x + 1} y={height - expense + 4} width={bar} height={expense} className="bar-expense" />
            {index % step === 0 && (
              <text x={x} y={height + 22} textAnchor="middle" className="chart-label chart-axis-label">
                {monthName(month.month)}
              </text>
            )}
          </g>
        );
      })}
      <g transform={`translate(${left}, ${height + 40})`}>
        <rect width="12" height="12" y="-10" className="bar-income" />
        <text x="18" className="chart-label">
          Income
        </text>
        <rect x="90" width="12" height="12" y="-10" className="bar-expense" />
        <text x="108" className="chart-label">
          Expense
        </text>
      </g>
    </svg>
  );
}
