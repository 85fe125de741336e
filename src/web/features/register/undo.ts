import type { NewTransactionJson, TransactionJson } from '../../api/types.ts';

/** The request that writes a deleted transaction back exactly as it was (under a new id). */
export function recreation(transaction: TransactionJson): NewTransactionJson {
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
