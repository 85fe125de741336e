import { ApiError } from '../../api/http.ts';
import type { AccountJson, ImportPreviewJson } from '../../api/types.ts';
import { Field } from '../../ui/Field.tsx';
import { fieldError } from '../../ui/formErrors.ts';
import { FORMAT_NAMES } from './batch.ts';
import { FileDrop } from './FileDrop.tsx';
import { useImportProfiles } from './queries.ts';
import type { Source } from './source.ts';

type Format = ImportPreviewJson['format'];

/** What the API said about the file itself (unreadable, not base64), shown under the file input. */
export function fileErrorOf(error: unknown): string | undefined {
  if (error instanceof ApiError && error.code === 'UNREADABLE_FILE') return error.detail;
  return fieldError(error, '/content') ?? fieldError(error, '/fileName');
}

/** Where the file goes and the file itself, plus how to read it when detection needs help. */
export function SourceFields({
  bookId,
  accounts,
  source,
  format,
  reading,
  fileProblem,
  error,
  onSource,
  onFile,
}: {
  bookId: number;
  accounts: readonly AccountJson[];
  source: Source;
  /** The format the last preview found. */
  format: Format | undefined;
  reading: boolean;
  fileProblem: string | undefined;
  error: unknown;
  onSource: (next: Source) => void;
  onFile: (file: File) => void;
}) {
  const profiles = useImportProfiles(bookId);
  const fileError = fileProblem ?? fileErrorOf(error);

  return (
    <section className="card import-source" aria-labelledby="import-source-title">
      <h2 id="import-source-title">Your bank’s file</h2>
      <div className="form-grid">
        <Field label="Import into" error={fieldError(error, '/accountId')}>
          {(props) => (
            <select
              {...props}
              value={source.accountId}
              onChange={(event) => onSource({ ...source, accountId: Number(event.target.value) })}
            >
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name} ({account.currency})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Format"
          hint="Found from the file’s content; choose one if it is read wrongly."
          error={fieldError(error, '/format')}
        >
          {(props) => (
            <select
              {...props}
              value={source.format ?? ''}
              onChange={(event) =>
                onSource({ ...source, format: (event.target.value || undefined) as Format | undefined })
              }
            >
              <option value="">Detect{format ? ` (found ${FORMAT_NAMES[format]})` : ''}</option>
              {(Object.keys(FORMAT_NAMES) as Format[]).map((value) => (
                <option key={value} value={value}>
                  {FORMAT_NAMES[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {format === 'csv' && (profiles.data?.length ?? 0) > 0 && (
          <Field label="Saved CSV layout">
            {(props) => (
              <select
                {...props}
                value={source.profileId ?? ''}
                onChange={(event) =>
                  onSource({
                    ...source,
                    profileId: event.target.value ? Number(event.target.value) : undefined,
                    mapping: undefined,
                  })
                }
              >
                <option value="">The account’s own, or detect</option>
                {profiles.data?.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {profile.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {format === 'qif' && (
          <Field label="QIF dates are written" hint="QIF files do not say; most US banks write month first.">
            {(props) => (
              <select
                {...props}
                value={source.qifDateOrder ?? ''}
                onChange={(event) =>
                  onSource({
                    ...source,
                    qifDateOrder: (event.target.value || undefined) as Source['qifDateOrder'],
                  })
                }
              >
                <option value="">Detect</option>
                <option value="MDY">Month first (03/05/26 is 5 March)</option>
                <option value="DMY">Day first (05/03/26 is 5 March)</option>
              </select>
            )}
          </Field>
        )}
      </div>
      <FileDrop reading={reading} error={fileError} onFile={onFile} />
    </section>
  );
}
