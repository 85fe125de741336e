/**
 * The aggregate checks of the ledger: each is one SQL pass (GROUP BY … HAVING) that returns only
 * the culprits, so a sound ledger of a million transactions costs a few scans and no JS loop.
 * Sums are read as text (`sumMinor`) and compared as bigints: exact on both databases.
 */
import { sql } from 'kysely';
import type { AccountType } from '../../../core/ledger/account.ts';
import type { Db } from '../../../db/connect.ts';
import { sumMinor, toCount, toMinor } from '../../../db/values.ts';
import { formatAmount, type IntegrityCounts, type IntegrityProblem } from './problems.ts';

/**
 * Transactions whose postings do not balance, that have fewer than two postings, or whose
 * cached `total` (Σ of the positive values) is wrong: one pass over the postings.
 */
export async function transactionProblems(db: Db, bookId: number | undefined): Promise<IntegrityProblem[]> {
  const positive = sql`case when p.value > 0 then p.value else 0 end`;
  let query = db
    .selectFrom('transactions as t')
    .leftJoin('postings as p', 'p.transaction_id', 't.id')
    .select((eb) => [
      't.id',
      't.book_id',
      't.date',
      't.currency',
      sql<string>`cast(t.total as text)`.as('cached_total'),
      eb.fn.count<number | string>('p.id').as('postings'),
      sumMinor(eb.ref('p.value')).as('residual'),
      sumMinor(positive).as('computed_total'),
    ])
    .groupBy(['t.id', 't.book_id', 't.date', 't.currency', 't.total'])
    .having((eb) =>
      eb.or([
        eb(eb.fn.count('p.id'), '<', 2),
        eb(sql`coalesce(sum(p.value), 0)`, '<>', 0),
        eb('t.total', '<>', sql<number | string>`coalesce(sum(${positive}), 0)`),
      ]),
    )
    .orderBy('t.id');
  if (bookId !== undefined) query = query.where('t.book_id', '=', bookId);

  const problems: IntegrityProblem[] = [];
  for (const row of await query.execute()) {
    const ids = { bookId: row.book_id, transactionId: row.id };
    const where = `Transaction ${row.id} (book ${row.book_id}, ${row.date})`;
    const count = toCount(row.postings);
    const residual = toMinor(row.residual);
    if (count < 2) {
      problems.push({
        kind: 'too-few-postings',
        message: `${where} has ${count} posting${count === 1 ? '' : 's'}; a transaction needs at least two.`,
        ids,
      });
    }
    if (residual !== 0n) {
      problems.push({
        kind: 'unbalanced-transaction',
        message: `${where} does not balance: its postings' values sum to ${formatAmount(residual, row.currency)}, not zero.`,
        ids,
      });
    }
    const cached = toMinor(row.cached_total);
    const computed = toMinor(row.computed_total);
    if (cached !== computed) {
      problems.push({
        kind: 'cached-total',
        message: `${where} has a cached total of ${formatAmount(cached, row.currency)}; its positive values sum to ${formatAmount(computed, row.currency)}.`,
        ids,
      });
    }
  }
  return problems;
}

/** Accounts whose cached `balance` is not the sum of their postings' amounts. */
export async function balanceProblems(db: Db, bookId: number | undefined): Promise<IntegrityProblem[]> {
  let query = db
    .selectFrom('accounts as a')
    .leftJoin('postings as p', 'p.account_id', 'a.id')
    .select((eb) => [
      'a.id',
      'a.book_id',
      'a.name',
      'a.currency',
      sql<string>`cast(a.balance as text)`.as('cached'),
      sumMinor(eb.ref('p.amount')).as('computed'),
    ])
    .groupBy(['a.id', 'a.book_id', 'a.name', 'a.currency', 'a.balance'])
    .having('a.balance', '<>', sql<number | string>`coalesce(sum(p.amount), 0)`)
    .orderBy('a.id');
  if (bookId !== undefined) query = query.where('a.book_id', '=', bookId);

  return (await query.execute()).map((row) => {
    const cached = formatAmount(toMinor(row.cached), row.currency);
    const computed = formatAmount(toMinor(row.computed), row.currency);
    return {
      kind: 'cached-balance',
      message: `Account ${row.id} “${row.name}” (book ${row.book_id}) has a cached balance of ${cached}; its postings sum to ${computed}.`,
      ids: { bookId: row.book_id, accountId: row.id },
    };
  });
}

/** How much was checked: rows of the book (or of every book), accounts by what they are to the user. */
export async function countRows(db: Db, bookId: number | undefined): Promise<IntegrityCounts> {
  const count = async (table: 'books' | 'transactions' | 'postings') => {
    const column = table === 'books' ? 'id' : 'book_id';
    let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n'));
    if (bookId !== undefined) query = query.where(column, '=', bookId);
    return toCount((await query.executeTakeFirstOrThrow()).n);
  };
  let accounts = db
    .selectFrom('accounts')
    .select((eb) => ['type', eb.fn.countAll<number | string>().as('n')])
    .groupBy('type');
  if (bookId !== undefined) accounts = accounts.where('book_id', '=', bookId);
  const byType = await accounts.execute();
  const ofType = (...types: AccountType[]) =>
    byType.filter((row) => types.includes(row.type)).reduce((sum, row) => sum + toCount(row.n), 0);
  return {
    books: await count('books'),
    transactions: await count('transactions'),
    postings: await count('postings'),
    accounts: ofType('asset', 'liability'),
    categories: ofType('income', 'expense'),
    equityAccounts: ofType('equity'),
  };
}
