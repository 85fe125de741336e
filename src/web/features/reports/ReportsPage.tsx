import { type FormEvent, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { useLocale } from '../../app/preferences.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { localToday } from '../../ui/localDate.ts';
import { useBookId } from '../books/queries.ts';
import {
  BalanceSheetReport,
  CashFlowReport,
  IncomeExpenseReport,
  IncomeStatementReport,
  NetWorthReport,
  SpendingReport,
  TrendReport,
} from './Reports.tsx';
import { type DateRange, matchingPreset, presetRange, presets, readRange } from './range.ts';

const reports: readonly [string, string][] = [
  ['spending', 'Spending'],
  ['income-expense', 'Income vs expense'],
  ['net-worth', 'Net worth'],
  ['cash-flow', 'Cash flow'],
  ['balance-sheet', 'Balance sheet'],
  ['income-statement', 'Income statement'],
  ['trend', 'Category trend'],
];

/** Every report of a book under one sub-navigation, sharing a date range kept in the address. */
export function ReportsPage() {
  const bookId = useBookId();
  const { search } = useLocation();
  return (
    <>
      <h1>Reports</h1>
      <nav className="report-nav" aria-label="Reports">
        <ul>
          {reports.map(([path, name]) => (
            <li key={path}>
              <NavLink to={`/books/${bookId}/reports/${path}${search}`}>{name}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <RangeControl />
      <Routes>
        <Route index element={<Navigate replace to={`spending${search}`} />} />
        <Route path="spending" element={<SpendingReport />} />
        <Route path="income-expense" element={<IncomeExpenseReport />} />
        <Route path="net-worth" element={<NetWorthReport />} />
        <Route path="cash-flow" element={<CashFlowReport />} />
        <Route path="balance-sheet" element={<BalanceSheetReport />} />
        <Route path="income-statement" element={<IncomeStatementReport />} />
        <Route path="trend" element={<TrendReport />} />
        <Route path="*" element={<Navigate replace to={`/books/${bookId}/reports/spending${search}`} />} />
      </Routes>
    </>
  );
}

/** The range in the address: `?from=&to=`, the last 12 months when absent. */
export function useReportRange(): DateRange {
  const [search] = useSearchParams();
  return readRange(search, localToday());
}

function RangeControl() {
  const [search] = useSearchParams();
  const range = readRange(search, localToday());
  // Keyed by the range: a preset or the back button starts the inputs afresh.
  return <RangeForm key={`${range.from}/${range.to}`} range={range} />;
}

function RangeForm({ range }: { range: DateRange }) {
  const [, setSearch] = useSearchParams();
  const today = localToday();
  const [draft, setDraft] = useState(range);
  const locale = useLocale();
  const apply = (next: DateRange) =>
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        params.set('from', next.from);
        params.set('to', next.to);
        return params;
      },
      { replace: true },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to)
      apply(readRange(new URLSearchParams(draft as unknown as Record<string, string>), today));
  };
  const active = matchingPreset(range, today);
  return (
    <form className="report-range" aria-label="Date range" onSubmit={submit}>
      <div className="field">
        <label htmlFor="report-from">From</label>
        <DateInput
          id="report-from"
          value={draft.from}
          locale={locale}
          onValueChange={(iso) => iso !== null && setDraft({ ...draft, from: iso })}
        />
      </div>
      <div className="field">
        <label htmlFor="report-to">To</label>
        <DateInput
          id="report-to"
          value={draft.to}
          locale={locale}
          onValueChange={(iso) => iso !== null && setDraft({ ...draft, to: iso })}
        />
      </div>
      <button type="submit" className="button">
        Apply
      </button>
      <fieldset className="report-presets">
        <legend className="visually-hidden">Presets</legend>
        {presets.map(([preset, name]) => (
          <button
            key={preset}
            type="button"
            className="button small"
            aria-pressed={active === preset}
            onClick={() => apply(presetRange(preset, today))}
          >
            {name}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
