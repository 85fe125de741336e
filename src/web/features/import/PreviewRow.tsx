import type { CategoryJson, ImportPreviewRowJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { type Choices, canToggle, rowWillImport, setCategory, setImport } from './choices.ts';
import { categoryValue, choiceOf, SOURCE_WORDS } from './rowView.ts';

/** One row of the file: ticked in or out, its category changeable, its problems and source line shown. */
export function PreviewRow({
  row,
  account,
  categories,
  choices,
  error,
  onChoices,
}: {
  row: ImportPreviewRowJson;
  /** The account of the row's statement, when the file has several. */
  account: string | null;
  categories: readonly CategoryJson[];
  choices: Choices;
  error: string | undefined;
  onChoices: (update: (current: Choices) => Choices) => void;
}) {
  const locale = useLocale();
  const importing = rowWillImport(row, choices);
  const likely = row.duplicate?.kind === 'likely';
  const value = categoryValue(row, choices);
  const chosen = choices.categories.has(row.index);
  const what = `line ${row.line}`;
  const known = new Set(categories.map((c) => String(c.id)));
  const date = /^\d{4}-\d{2}-\d{2}$/.test(row.date) ? formatDay(row.date, locale, 'short') : row.date;
  const source = chosen ? SOURCE_WORDS.user : row.category ? SOURCE_WORDS[row.category.source] : null;
  const suggestions = row.suggestions.filter((s) => String(s.categoryId) !== value).slice(0, 3);
  const errors = row.issues.filter((issue) => issue.severity === 'error');
  const warnings = row.issues.filter((issue) => issue.severity === 'warning');

  return (
    <tr className={importing ? undefined : 'is-skipped'} data-row={row.index}>
      <td>
        <input
          type="checkbox"
          className="import-check"
          checked={importing}
          disabled={!canToggle(row)}
          aria-label={likely ? `Import ${what} anyway` : `Import ${what}`}
          onChange={(event) => {
            const on = event.target.checked;
            onChoices((current) => setImport(current, row, on));
          }}
        />
      </td>
      <td>{row.line}</td>
      {account !== null && <td>{account}</td>}
      <td className="nowrap">{date}</td>
      <td>{row.payee ?? ''}</td>
      <td className="import-description">{row.description}</td>
      <td className="num">{row.amount ? <Amount value={row.amount} /> : <span className="muted">—</span>}</td>
      <td className="import-category">
        <select
          aria-label={`Category of ${what}`}
          value={value}
          disabled={!importing}
          onChange={(event) => {
            const next = choiceOf(row, event.target.value);
            onChoices((current) => setCategory(current, row.index, next));
          }}
        >
          {row.transferAccount && <option value="keep">Transfer: {row.transferAccount.name}</option>}
          {!row.transferAccount && row.split.length > 0 && (
            <option value="keep">Split in {row.split.length} parts</option>
          )}
          <option value="none">Uncategorised</option>
          {row.category && !known.has(String(row.category.id)) && (
            <option value={row.category.id}>{row.category.name}</option>
          )}
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
        {source && <span className="import-source-words">{source}</span>}
        {importing && suggestions.length > 0 && (
          <span className="import-suggestions">
            {suggestions.map((s) => (
              <button
                key={s.categoryId}
                type="button"
                className="button ghost small"
                onClick={() =>
                  onChoices((current) => setCategory(current, row.index, choiceOf(row, String(s.categoryId))))
                }
              >
                Use {s.name}
                <span className="visually-hidden"> for {what}</span> ({Math.round(s.confidence * 100)} %)
              </button>
            ))}
          </span>
        )}
      </td>
      <td className="import-notes">
        {row.duplicate?.kind === 'exact' && <span className="import-badge">Already imported</span>}
        {likely && (
          <>
            <span className="import-badge import-badge-likely">Likely duplicate</span>
            <span className="muted">
              {' '}
              of a transaction already in the account; tick it to import it anyway.
            </span>
          </>
        )}
        {row.status === 'pending' && <span className="import-badge">Pending</span>}
        {!importing && canToggle(row) && !likely && <span className="import-badge">Left out</span>}
        {[...errors, ...(error ? [{ message: error, line: null, code: 'COMMIT' }] : [])].map((issue) => (
          <p key={`${issue.code}-${issue.message}`} className="import-row-error">
            {issue.line !== null ? `Line ${issue.line}: ` : ''}
            {issue.message}
          </p>
        ))}
        {warnings.map((issue) => (
          <p key={`${issue.code}-${issue.message}`} className="import-row-warning">
            {issue.message}
          </p>
        ))}
        <details className="import-raw">
          <summary>
            Source<span className="visually-hidden"> of {what}</span>
          </summary>
          <pre>{row.raw}</pre>
        </details>
      </td>
    </tr>
  );
}
