import { ApiError } from '../../api/http.ts';
import type { BulkTransactionChangeJson, TransactionJson } from '../../api/types.ts';
import { formatDay } from '../../ui/formatDay.ts';

/**
 * What a bulk change says to a person: its toast, and its refusals with the transactions they are
 * about named as the list shows them (not by id). Pure: the bar renders it, the tests check it.
 */

const transactions = (count: number) => `${count} transaction${count === 1 ? '' : 's'}`;

/** The toast after a change: "3 transactions moved to Groceries." */
export function doneMessage(
  count: number,
  set: BulkTransactionChangeJson | 'delete',
  names: { category?: string; payee?: string; tag?: string; date?: string | undefined },
): string {
  const what = transactions(count);
  if (set === 'delete') return `${what} deleted.`;
  if (set.categoryId !== undefined) return `${what} moved to ${names.category ?? 'the category'}.`;
  if (set.payeeId === null) return `${what} now without a payee.`;
  if (set.payeeId !== undefined || set.payeeName !== undefined)
    return `${what} now paid to ${names.payee ?? set.payeeName}.`;
  if (set.status !== undefined) return `${what} marked ${set.status}.`;
  if (set.date !== undefined) return `${what} dated ${names.date ?? set.date}.`;
  if (set.addTagIds) return `${what} tagged ${names.tag ?? ''}.`;
  return `${what} no longer tagged ${names.tag ?? ''}.`;
}

/** "the transaction of 3 Mar 2026 (Corner Shop)" */
export function transactionName(transaction: TransactionJson, locale: string): string {
  const who = transaction.payee?.name || transaction.description;
  return `the transaction of ${formatDay(transaction.date, locale)}${who ? ` (${who})` : ''}`;
}

/**
 * The reasons a bulk request was refused, one per transaction it names (`/ids/<i>` is the i-th id
 * sent), as sentences: "The transaction of 3 Mar 2026 (Corner Shop) is split: change it on its
 * own." Empty when the refusal is about no transaction in particular.
 */
export function refusals(
  error: unknown,
  ids: readonly number[],
  byId: ReadonlyMap<number, TransactionJson>,
  locale: string,
): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.flatMap((problem) => {
    const index = /^\/ids\/(\d+)$/.exec(problem.field)?.[1];
    const transaction = index === undefined ? undefined : byId.get(ids[Number(index)] ?? 0);
    if (!transaction) return [];
    const name = transactionName(transaction, locale);
    const said = problem.message.replace(/^Transaction \d+ /, '');
    const sentence = said === problem.message ? `${name}: ${said}` : `${name} ${said}`;
    return [sentence.charAt(0).toUpperCase() + sentence.slice(1)];
  });
}
