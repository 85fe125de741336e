import { useState } from 'react';
import type { AccountJson, ImportBatchJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { batchCounts, FORMAT_NAMES } from './batch.ts';
import { useImportBatches, useUndoImport } from './queries.ts';

/** The imports made so far, newest first; one that is not undone can be, after a confirmation. */
export function ImportHistory({ bookId, accounts }: { bookId: number; accounts: readonly AccountJson[] }) {
  const batches = useImportBatches(bookId);
  const names = new Map(accounts.map((account) => [account.id, account.name]));
  return (
    <section className="import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">Past imports</h2>
      {batches.isPending ? (
        <p className="muted">Loading past imports…</p>
      ) : batches.error ? (
        <ErrorNotice error={batches.error} />
      ) : batches.data.length === 0 ? (
        <p className="muted">No file imported yet.</p>
      ) : (
        <ul className="import-batches" aria-label="Past imports, newest first">
          {batches.data.map((batch) => (
            <BatchItem
              key={batch.id}
              bookId={bookId}
              batch={batch}
              account={batch.accountId === null ? null : (names.get(batch.accountId) ?? null)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function BatchItem({
  bookId,
  batch,
  account,
}: {
  bookId: number;
  batch: ImportBatchJson;
  account: string | null;
}) {
  const locale = useLocale();
  const announce = useAnnounce();
  const undo = useUndoImport(bookId);
  const [confirming, setConfirming] = useState(false);
  const when = (instant: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  const counts = batchCounts(batch);

  return (
    <li className={batch.undoneAt ? 'is-undone' : undefined}>
      <div className="import-batch">
        <span className="import-batch-what">
          <span className="item-name">{batch.fileName}</span>
          <span className="muted">
            {FORMAT_NAMES[batch.format]}
            {account ? ` · ${account}` : ''} · {when(batch.createdAt)}
          </span>
          <span>
            {counts.written} imported, {batch.skippedCount} skipped
          </span>
          {batch.undoneAt && <span className="import-undone">Undone {when(batch.undoneAt)}</span>}
        </span>
        {!batch.undoneAt && !confirming && (
          <button type="button" className="button small" onClick={() => setConfirming(true)}>
            Undo<span className="visually-hidden"> the import of {batch.fileName}</span>
          </button>
        )}
      </div>
      {confirming && !batch.undoneAt && (
        <section className="import-confirm" aria-label={`Undo the import of ${batch.fileName}`}>
          <p>
            Undo the import of {batch.fileName}? Its {counts.written} are deleted, also those you edited
            since.
          </p>
          <ErrorNotice error={undo.error} />
          <div className="form-actions wrap">
            <button
              type="button"
              className="button small danger-solid"
              disabled={undo.isPending}
              // biome-ignore lint/a11y/noAutofocus: the confirmation opens on the person's request; the focus goes to it
              autoFocus
              onClick={() =>
                undo.mutate(batch.id, {
                  onSuccess: () => {
                    setConfirming(false);
                    announce(`Import of ${batch.fileName} undone.`, false);
                  },
                })
              }
            >
              Delete {counts.written}
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => {
                undo.reset();
                setConfirming(false);
              }}
            >
              Keep them
            </button>
          </div>
        </section>
      )}
    </li>
  );
}
