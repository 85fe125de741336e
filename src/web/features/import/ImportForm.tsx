import { useCallback, useRef, useState } from 'react';
import type { DateFormat } from '../../../core/import/types.ts';
import type {
  AccountJson,
  CategoryJson,
  ImportBatchJson,
  ImportPreviewJson,
  ImportPreviewRowJson,
} from '../../api/types.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formError } from '../../ui/formErrors.ts';
import { type ChosenFile, readChosenFile } from './base64.ts';
import { CommitBar } from './CommitBar.tsx';
import { type Choices, carryChoices, commitChoices, NO_CHOICES, summariseWithServer } from './choices.ts';
import { DateQuestion } from './DateQuestion.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { useCommitImport, usePreviewImport } from './queries.ts';
import { fileErrorOf, SourceFields } from './SourceFields.tsx';
import { StatementList } from './StatementList.tsx';
import { bodyOf, freshSource, type Source } from './source.ts';

const EMPTY_SUMMARY = { rows: 0, toImport: 0, exactDuplicates: 0, likelyDuplicates: 0, errors: 0 };

/** Errors the page shows beside one of its parts rather than as a notice. */
const PLACED = ['/accountId', '/content', '/fileName', '/mapping', '/statementAccounts', '/format'];

/**
 * The import itself: the account and the file, the preview (read again whenever how to read it
 * changes), the person's choices per row, and the commit.
 */
export function ImportForm({
  bookId,
  accounts,
  categories,
  initialAccountId,
  onImported,
}: {
  bookId: number;
  accounts: readonly AccountJson[];
  categories: readonly CategoryJson[];
  initialAccountId: number;
  onImported: (batch: ImportBatchJson, accountId: number) => void;
}) {
  const previewing = usePreviewImport(bookId);
  const commit = useCommitImport(bookId);
  const [source, setSource] = useState<Source>(() => freshSource(initialAccountId));
  const [preview, setPreview] = useState<ImportPreviewJson | null>(null);
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [reading, setReading] = useState(false);
  const [fileProblem, setFileProblem] = useState<string>();
  const [profileName, setProfileName] = useState('');
  const announce = useAnnounce();
  const title = useRef<HTMLHeadingElement>(null);

  // The rows of the preview the page has shown (the person decides only about those), by index.
  const seen = useRef(new Map<number, ImportPreviewRowJson>());
  const onRows = useCallback((rows: readonly ImportPreviewRowJson[]) => {
    for (const row of rows) seen.current.set(row.index, row);
  }, []);
  // Read at every render: a row is seen before anyone can decide about it.
  for (const row of preview?.rows ?? []) seen.current.set(row.index, row);
  const seenRows = [...seen.current.values()];
  const summary = summariseWithServer(preview?.summary ?? EMPTY_SUMMARY, seenRows, choices);

  /** Reads the file again as `next` says; choices stay on rows whose source line is unchanged. */
  function update(next: Source, sameFile = true, after?: (data: ImportPreviewJson) => void) {
    setSource(next);
    commit.reset();
    if (!sameFile) {
      setPreview(null);
      setChoices(NO_CHOICES);
    }
    if (!next.file) return;
    const before = sameFile ? preview : null;
    previewing.mutate(bodyOf({ ...next, file: next.file }), {
      onSuccess: (data) => {
        setChoices((current) => (before ? carryChoices(before.rows, current, data.rows) : NO_CHOICES));
        seen.current = new Map();
        setPreview(data);
        after?.(data);
      },
    });
  }

  async function chooseFile(file: File) {
    setFileProblem(undefined);
    setReading(true);
    let chosen: ChosenFile;
    try {
      chosen = await readChosenFile(file);
    } catch (error) {
      setFileProblem(error instanceof Error ? error.message : String(error));
      setPreview(null);
      return;
    } finally {
      setReading(false);
    }
    update({ ...freshSource(source.accountId), file: chosen }, false);
  }

  function importRows() {
    if (!preview || !source.file) return;
    const name = profileName.trim();
    // The kept preview is written: the file is not sent again. Rows with errors are left out.
    commit.mutate(
      {
        previewId: preview.previewId,
        choices: {
          ...commitChoices(seenRows, choices),
          skipErrors: true,
          ...(name !== '' && preview.format === 'csv' && { profileName: name }),
        },
      },
      { onSuccess: (batch) => onImported(batch, source.accountId) },
    );
  }

  const question = preview?.questions[0];
  // An open question is asked below; its issue would say the same twice.
  const fileIssues = (preview?.issues ?? []).filter((issue) => !(question && issue.code === question.code));
  const previewError = previewing.error;
  const busy = previewing.isPending || reading;

  return (
    <>
      <SourceFields
        bookId={bookId}
        accounts={accounts}
        source={source}
        format={preview?.format}
        reading={reading}
        fileProblem={fileProblem}
        error={previewError}
        onSource={(next) => update(next)}
        onFile={(file) => void chooseFile(file)}
      />
      <p className="import-progress" role="status">
        {reading
          ? 'Reading the file…'
          : previewing.isPending
            ? `Reading ${source.file?.name ?? 'the file'} for the preview…`
            : ''}
      </p>
      <ErrorNotice error={fileErrorOf(previewError) ? null : formError(previewError, PLACED)} />
      {preview && source.file && (
        <section className="import-preview" aria-labelledby="import-preview-title" aria-busy={busy}>
          <h2 id="import-preview-title" ref={title} tabIndex={-1}>
            Preview of {preview.fileName}
          </h2>
          <p className="muted">
            Read as {preview.variant}
            {preview.profile ? `, with the saved layout “${preview.profile.name}”` : ''}. Nothing is written
            until you import.
          </p>
          {fileIssues.length > 0 && (
            <ul className="import-file-issues" aria-label="About the whole file">
              {fileIssues.map((issue) => (
                <li
                  key={`${issue.code}-${issue.line}-${issue.message}`}
                  className={`import-issue-${issue.severity}`}
                >
                  {issue.line !== null && `Line ${issue.line}: `}
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
          {question && (
            <DateQuestion
              question={question}
              error={commit.error}
              onAnswer={(option) =>
                // The question goes once answered: the focus goes to the preview's title.
                update(
                  preview.format === 'qif'
                    ? { ...source, qifDateOrder: option as Source['qifDateOrder'] }
                    : { ...source, dateFormat: option as DateFormat },
                  true,
                  () => announce(`Dates read as ${option}.`, title.current),
                )
              }
            />
          )}
          <StatementList
            statements={preview.statements}
            rows={seenRows}
            choices={choices}
            accounts={accounts}
            source={source}
            error={previewError}
            onAccount={(statement, accountId) =>
              update({
                ...source,
                statementAccounts: new Map(source.statementAccounts).set(statement, accountId),
              })
            }
          />
          {preview.mapping && (
            <MappingEditor
              key={preview.sha256}
              mapping={preview.mapping}
              header={preview.header}
              samples={preview.rows.slice(0, 20).map((row) => row.raw)}
              error={previewError}
              pending={previewing.isPending}
              custom={source.mapping !== undefined}
              onApply={(mapping) => update({ ...source, mapping })}
            />
          )}
          <PreviewTable
            key={preview.previewId}
            bookId={bookId}
            preview={preview}
            onRows={onRows}
            statements={preview.statements}
            accounts={accounts}
            categories={categories}
            choices={choices}
            error={commit.error}
            onChoices={setChoices}
          />
          <CommitBar
            format={preview.format}
            summary={summary}
            question={question !== undefined}
            profileName={profileName}
            onProfileName={setProfileName}
            pending={commit.isPending || busy}
            error={commit.error}
            onImport={importRows}
          />
        </section>
      )}
    </>
  );
}
