/**
 * Writes the benchmark book straight into a database: the user, book, accounts and categories
 * through the services, then the transactions through the bulk writer the import uses, 10,000 per
 * database transaction. Every transaction is balanced by the ledger core on the way.
 */

import {
  balancePostings,
  type PostingAccount,
  type PostingDraft,
} from '../../src/core/ledger/transaction.ts';
import { type CurrencyCode, currency, money } from '../../src/core/money/index.ts';
import type { Db } from '../../src/db/connect.ts';
import { nameColumns } from '../../src/db/named.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { insertAccount } from '../../src/server/features/accounts/service.ts';
import { createUser } from '../../src/server/features/auth/service.ts';
import { createBook } from '../../src/server/features/books/service.ts';
import { createGroup } from '../../src/server/features/category-groups/service.ts';
import { insertTransactionsInBulk } from '../../src/server/features/transactions/bulk-writes.ts';
import type { BookScope } from '../../src/server/types.ts';
import { BENCH_ACCOUNTS, BENCH_GROUPS, type BenchAccountKey } from './catalogue.ts';
import { writeBenchEnvelope } from './envelope.ts';
import { type BenchOptions, type BenchPosting, benchPlan } from './plan.ts';

export const BENCH_EMAIL = 'bench@example.com';
export const BENCH_PASSWORD = 'moneta-bench-password';

export interface WrittenBook {
  bookId: number;
  accountIds: Record<BenchAccountKey, number>;
  transactions: number;
}

export async function writeBenchBook(
  db: Db,
  options: BenchOptions,
  now: string,
  onProgress?: (written: number) => void,
): Promise<WrittenBook> {
  const user = await createUser(db, { email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' }, now);
  const book = await createBook(db, user.id, { name: 'Reference book', baseCurrency: 'EUR' }, now);
  const scope: BookScope = { bookId: book.id, userId: user.id, role: 'owner', baseCurrency: 'EUR' };
  const plan = benchPlan(options);
  const accounts = new Map<number, PostingAccount>();
  const accountIds = {} as Record<BenchAccountKey, number>;
  const categoryIds: number[] = [];
  const remember = (id: number, code: string) =>
    accounts.set(id, { id, currency: code as CurrencyCode, archived: false });

  await inTransaction(db, async (trx) => {
    for (const account of BENCH_ACCOUNTS) {
      const row = await insertAccount(trx, scope, { ...account, subtype: account.subtype as never }, now);
      accountIds[account.key] = row.id;
      remember(row.id, row.currency);
    }
    for (const [position, group] of BENCH_GROUPS.entries()) {
      const { id: groupId } = await createGroup(
        trx,
        scope,
        { name: group.name, kind: group.kind, position },
        now,
      );
      for (const [name] of group.categories) {
        const row = await insertAccount(trx, scope, { name, type: group.kind, groupId }, now);
        categoryIds.push(row.id);
        remember(row.id, row.currency);
      }
    }
  });
  const payeeIds: number[] = [];
  await inTransaction(db, async (trx) => {
    for (let start = 0; start < plan.payees.length; start += 500) {
      const rows = await trx
        .insertInto('payees')
        .values(
          plan.payees.slice(start, start + 500).map((payee) => ({
            book_id: book.id,
            ...nameColumns(payee.name),
            default_category_id: categoryIds[12 + payee.category]!,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute();
      payeeIds.push(...rows.map((row) => row.id).sort((a, b) => a - b));
    }
  });

  const idOf = (posting: BenchPosting) =>
    'account' in posting.target ? accountIds[posting.target.account] : categoryIds[posting.target.category]!;
  let written = 0;
  for (const chunk of plan.chunks()) {
    const items = chunk.map((planned) => {
      const drafts: PostingDraft[] = planned.postings.map((posting) => {
        const id = idOf(posting);
        const code = accounts.get(id)!.currency;
        return {
          accountId: id,
          amount: money(posting.amount, code),
          value: posting.value === undefined ? undefined : money(posting.value, currency('EUR')),
          memo: posting.memo ?? null,
        };
      });
      return {
        header: {
          date: planned.date,
          payeeId: planned.payee === null ? null : payeeIds[planned.payee]!,
          description: planned.description,
          notes: null,
          status: planned.status,
        },
        balanced: balancePostings(drafts, accounts, { currency: currency('EUR') }),
        tagIds: [],
        importKey: null,
      };
    });
    await inTransaction(db, (trx) => insertTransactionsInBulk(trx, book.id, user.id, null, items, now));
    written += items.length;
    onProgress?.(written);
  }
  await writeBenchEnvelope(db, book.id, options, now);
  return { bookId: book.id, accountIds, transactions: written };
}
