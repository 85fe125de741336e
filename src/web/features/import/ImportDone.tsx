import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { AccountJson, ImportBatchJson } from '../../api/types.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { batchCounts } from './batch.ts';
import { useUndoImport } from './queries.ts';

/**
 * What the last import did, said where the focus lands after it, with the way back: Undo deletes
 * every transaction it wrote.
 */
export function ImportDone({
  bookId,
  batch,
  accounts,
  onClose,
}: {
  bookId: number;
  batch: ImportBatchJson;
  accounts: readonly AccountJson[];
  onClose: () => void;
}) {
  const undo = useUndoImport(bookId);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const account = accounts.find((a) => a.id === batch.accountId);
  const undone = undo.data?.undoneAt ?? batch.undoneAt;

  return (
    <div className="card import-done" ref={box} tabIndex={-1} role="status">
      {undone ? (
        <p>
          <strong>Import of {batch.fileName} undone:</strong> its {batchCounts(batch).written} removed.
        </p>
      ) : (
        <p>
          <strong>
            Imported {batchCounts(batch).written} from {batch.fileName}
            {account ? ` into ${account.name}` : ''}.
          </strong>{' '}
          {batchCounts(batch).skipped}
        </p>
      )}
      <ErrorNotice error={undo.error} />
      <div className="form-actions wrap">
        {account && !undone && (
          <Link className="button" to={`/books/${bookId}/accounts/${account.id}`}>
            Open {account.name}
          </Link>
        )}
        {!undone && (
          <button
            type="button"
            className="button"
            disabled={undo.isPending}
            onClick={() => undo.mutate(batch.id)}
          >
            Undo this import
          </button>
        )}
        <button type="button" className="button ghost" onClick={onClose}>
          Close<span className="visually-hidden"> this message</span>
        </button>
      </div>
    </div>
  );
}
