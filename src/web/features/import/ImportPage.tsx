import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportBatchJson } from '../../api/types.ts';
import { Announcer } from '../../ui/Announcer.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { PageLoading } from '../../ui/PageLoading.tsx';
import { useAccounts } from '../accounts/queries.ts';
import { useBookId } from '../books/queries.ts';
import { useCategoryList } from '../categories/queries.ts';
import { ImportDone } from './ImportDone.tsx';
import { ImportForm } from './ImportForm.tsx';
import { ImportHistory } from './ImportHistory.tsx';

/**
 * /books/:bookId/import: a bank file in, previewed row by row, committed as one batch that can be
 * undone; below, the imports made so far.
 */
export function ImportPage() {
  const bookId = useBookId();
  const accounts = useAccounts(bookId);
  const categories = useCategoryList(bookId);
  const [done, setDone] = useState<ImportBatchJson | null>(null);
  const [lastAccountId, setLastAccountId] = useState<number | null>(null);
  const [round, setRound] = useState(0);

  if (accounts.isPending || categories.isPending) return <PageLoading title="Import" what="your accounts" />;
  if (accounts.error || categories.error) return <ErrorNotice error={accounts.error ?? categories.error} />;
  const targets = accounts.data.filter(
    (account) => (account.type === 'asset' || account.type === 'liability') && !account.archived,
  );

  return (
    <Announcer>
      <div className="import-page">
        <div className="page-header">
          <h1>Import</h1>
        </div>
        {targets.length === 0 ? (
          <EmptyState title="No account to import into">
            <p>Add the bank account or card the file comes from, then bring its statement in here.</p>
            <Link className="button primary" to={`/books/${bookId}/accounts`}>
              Go to your accounts
            </Link>
          </EmptyState>
        ) : (
          <>
            {done && (
              <ImportDone
                key={done.id}
                bookId={bookId}
                batch={done}
                accounts={accounts.data}
                onClose={() => setDone(null)}
              />
            )}
            <ImportForm
              key={round}
              bookId={bookId}
              accounts={targets}
              categories={categories.data}
              initialAccountId={lastAccountId ?? targets[0]!.id}
              onImported={(batch, accountId) => {
                setDone(batch);
                setLastAccountId(accountId);
                setRound((n) => n + 1);
              }}
            />
          </>
        )}
        <ImportHistory bookId={bookId} accounts={accounts.data} />
      </div>
    </Announcer>
  );
}
