import type { Static } from 'typebox';
import type { NewTransaction, Transaction } from './transactions.ts';

/**
 * The request that writes `transaction` back exactly as it is: what an undo sends (POST, a new id,
 * for a deleted one; or bulk-restore, over its own id). Shared by the server's bulk `previous` and
 * the web app's undo of a delete, so the two can never disagree on what "as it was" holds.
 */
export function recreation(transaction: Static<typeof Transaction>): Static<typeof NewTransaction> {
  return {
    date: transaction.date,
    currency: transaction.currency,
    payeeId: transaction.payee?.id ?? null,
    description: transaction.description,
    notes: transaction.notes,
    status: transaction.status,
    tagIds: transaction.tags.map((tag) => tag.id),
    postings: transaction.postings.map((posting) => ({
      accountId: posting.accountId,
      amount: posting.amount,
      ...(posting.value.currency !== posting.amount.currency && { value: posting.value }),
      memo: posting.memo,
    })),
  };
}
