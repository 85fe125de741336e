import { ApiError } from '../../api/http.ts';
import type { ImportPreviewJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError } from '../../ui/formErrors.ts';
import type { Summary } from './choices.ts';

/**
 * The counts with the person's choices, an optional name for the CSV layout, and the button that
 * writes the rows; why it cannot be pressed, in words.
 */
export function CommitBar({
  format,
  summary,
  question,
  profileName,
  onProfileName,
  pending,
  error,
  onImport,
}: {
  format: ImportPreviewJson['format'];
  summary: Summary;
  question: boolean;
  profileName: string;
  onProfileName: (name: string) => void;
  pending: boolean;
  error: unknown;
  onImport: () => void;
}) {
  const locale = useLocale();
  const count = summary.toImport;
  const blocked = question
    ? 'Answer the question about the date format first.'
    : count === 0
      ? 'No row is left to import.'
      : null;
  // The date question and the rows show their own errors.
  const notice =
    error instanceof ApiError && error.code === 'AMBIGUOUS_DATE_FORMAT'
      ? null
      : fieldError(error, '/profileName')
        ? null
        : error;

  return (
    <section className="card import-commit" aria-label="Import">
      <dl className="import-summary">
        <div>
          <dt>Rows in the file</dt>
          <dd>{summary.rows}</dd>
        </div>
        <div>
          <dt>To import</dt>
          <dd>{count}</dd>
        </div>
        <div>
          <dt>Already imported</dt>
          <dd>{summary.exactDuplicates}</dd>
        </div>
        <div>
          <dt>Likely duplicates</dt>
          <dd>{summary.likelyDuplicates}</dd>
        </div>
        <div>
          <dt>With errors</dt>
          <dd>{summary.errors}</dd>
        </div>
        <div>
          <dt>Left out by you</dt>
          <dd>{summary.excluded}</dd>
        </div>
      </dl>
      {format === 'csv' && (
        <Field
          label="Remember this CSV layout as (optional)"
          hint="Files of this layout are then read the same way; without a name it is kept for the account."
          error={fieldError(error, '/profileName')}
        >
          {(props) => (
            <input {...props} value={profileName} onChange={(event) => onProfileName(event.target.value)} />
          )}
        </Field>
      )}
      <ErrorNotice error={notice} />
      <div className="form-actions wrap">
        <button
          type="button"
          className="button primary"
          disabled={pending || blocked !== null}
          aria-describedby={blocked ? 'import-blocked' : undefined}
          onClick={onImport}
        >
          Import {count.toLocaleString(locale)} {count === 1 ? 'transaction' : 'transactions'}
        </button>
        {blocked && (
          <p className="hint" id="import-blocked">
            {blocked}
          </p>
        )}
      </div>
    </section>
  );
}
