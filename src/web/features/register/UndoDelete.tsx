import { useEffect, useState } from 'react';
import { recreation } from '../../../contract/recreation.ts';
import type { TransactionJson } from '../../api/types.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSaveTransaction } from './queries.ts';

/**
 * The ten seconds after a transaction is deleted, when it can be written back: `deleted` records
 * it, `toast` offers the Undo (null when there is nothing to undo).
 */
export function useUndoDelete(bookId: number) {
  const undo = useSaveTransaction(bookId);
  const [gone, setGone] = useState<TransactionJson | null>(null);

  useEffect(() => {
    if (!gone) return;
    const timer = setTimeout(() => setGone(null), 10_000);
    return () => clearTimeout(timer);
  }, [gone]);

  const toast = gone && (
    <div className="toast" role="status">
      Transaction deleted.{' '}
      <button
        type="button"
        className="button small"
        disabled={undo.isPending}
        onClick={() => undo.mutate({ id: null, body: recreation(gone) }, { onSuccess: () => setGone(null) })}
      >
        Undo
      </button>
      <ErrorNotice error={undo.error} />
    </div>
  );
  return { deleted: setGone, toast };
}
