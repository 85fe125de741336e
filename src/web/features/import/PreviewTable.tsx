import { useId, useMemo, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import type {
  AccountJson,
  CategoryJson,
  ImportPreviewRowJson,
  ImportStatementJson,
} from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import type { Choices } from './choices.ts';
import { PreviewRow } from './PreviewRow.tsx';
import { matchesFilter, pageOf, ROW_FILTERS, type RowFilter } from './rowView.ts';

const PAGE_SIZE = 50;

/**
 * The file's rows as they would be written, a page at a time (a file of 10,000 rows renders 50), with
 * a filter to find the duplicates and the problems.
 */
export function PreviewTable({
  rows,
  statements,
  accounts,
  categories,
  choices,
  error,
  onChoices,
}: {
  rows: readonly ImportPreviewRowJson[];
  statements: readonly ImportStatementJson[];
  accounts: readonly AccountJson[];
  categories: readonly CategoryJson[];
  choices: Choices;
  /** The commit's error: its per-row messages (`/rows/3`) show on their rows. */
  error: unknown;
  onChoices: (update: (current: Choices) => Choices) => void;
}) {
  const filterId = useId();
  const locale = useLocale();
  const count = (n: number) => n.toLocaleString(locale);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [page, setPage] = useState(0);
  const shown = useMemo(
    () => (filter === 'all' ? rows : rows.filter((row) => matchesFilter(row, filter, choices))),
    [rows, filter, choices],
  );
  const bounds = pageOf(shown.length, page, PAGE_SIZE);
  const visible = shown.slice(bounds.start, bounds.end);
  const usable = useMemo(
    () =>
      categories
        .filter((c) => !c.archived && (c.type === 'expense' || c.type === 'income'))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [categories],
  );
  const accountNames = new Map(accounts.map((account) => [account.id, account.name]));
  const statementAccount =
    statements.length > 1
      ? (statement: number) => accountNames.get(statements[statement]?.accountId ?? 0) ?? ''
      : null;
  const rowError = (index: number) =>
    error instanceof ApiError ? error.errors.find((e) => e.field === `/rows/${index}`)?.message : undefined;

  return (
    <section className="import-rows" aria-labelledby={`${filterId}-title`}>
      <h3 id={`${filterId}-title`}>Rows</h3>
      <div className="import-rows-bar">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value as RowFilter);
            setPage(0);
          }}
        >
          {ROW_FILTERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <p className="muted" aria-live="polite">
          {shown.length === 0
            ? 'No row to show.'
            : `Rows ${count(bounds.start + 1)}–${count(bounds.end)} of ${count(shown.length)}${filter === 'all' ? '' : ` (of ${count(rows.length)} in the file)`}.`}
        </p>
      </div>
      {visible.length > 0 && (
        <div className="table-scroll import-table-scroll">
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">Line</th>
                {statementAccount && <th scope="col">Account</th>}
                <th scope="col">Date</th>
                <th scope="col">Payee</th>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Category</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => (
                <PreviewRow
                  key={row.index}
                  row={row}
                  account={statementAccount?.(row.statement) ?? null}
                  categories={usable}
                  choices={choices}
                  error={rowError(row.index)}
                  onChoices={onChoices}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {bounds.pages > 1 && (
        <nav className="import-pages" aria-label="Pages of rows">
          <button
            type="button"
            className="button small"
            disabled={bounds.current === 0}
            onClick={() => setPage(bounds.current - 1)}
          >
            Previous<span className="visually-hidden"> {PAGE_SIZE} rows</span>
          </button>
          <span>
            Page {bounds.current + 1} of {bounds.pages}
          </span>
          <button
            type="button"
            className="button small"
            disabled={bounds.current >= bounds.pages - 1}
            onClick={() => setPage(bounds.current + 1)}
          >
            Next<span className="visually-hidden"> {PAGE_SIZE} rows</span>
          </button>
        </nav>
      )}
    </section>
  );
}
