import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { createAccount, insertAccount } from '../accounts/service.ts';
import { insertUser } from '../auth/users.ts';
import { createBook } from '../books/service.ts';
import { createTransaction } from '../transactions/service.ts';
import { checkIntegrity, type IntegrityProblem } from './check.ts';
import { formatAmount } from './problems.ts';

const NOW = '2026-03-01T12:00:00.000Z';
let books = 0;

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** A small sound ledger in a book of its own: an opening balance, a purchase, a EUR→USD transfer. */
async function ledger(db: Db) {
  books += 1;
  const user = await insertUser(
    db,
    {
      email: `owner-${books}-${process.pid}@example.com`,
      name: 'Owner',
      passwordHash: 'not-a-hash',
      isAdmin: false,
    },
    NOW,
  );
  const book = await createBook(db, user.id, { name: `Book ${books}`, baseCurrency: 'EUR' }, NOW);
  const scope: BookScope = { bookId: book.id, userId: user.id, role: 'owner', baseCurrency: 'EUR' };
  const opening = { openingBalance: eur('1000.00'), openingDate: '2026-01-01' };
  const checking = await createAccount(db, scope, { name: 'Checking', type: 'asset', ...opening }, NOW);
  const dollars = await createAccount(db, scope, { name: 'Dollars', type: 'asset', currency: 'USD' }, NOW);
  const groceries = await insertAccount(db, scope, { name: 'Groceries', type: 'expense' }, NOW);
  const shop = await createTransaction(
    db,
    scope,
    {
      date: '2026-01-05',
      payeeName: 'Rewe',
      status: 'cleared',
      postings: [
        { accountId: checking.id, amount: eur('-12.34') },
        { accountId: groceries.id, amount: eur('12.34') },
      ],
    },
    NOW,
  );
  const exchange = await createTransaction(
    db,
    scope,
    {
      date: '2026-01-06',
      description: 'EUR → USD',
      postings: [
        { accountId: checking.id, amount: eur('-100.00') },
        { accountId: dollars.id, amount: { amount: '108.00', currency: 'USD' }, value: eur('100.00') },
      ],
    },
    NOW,
  );
  const postingOf = (transaction: typeof shop, accountId: number) =>
    transaction.postings.find((p) => p.accountId === accountId)!.id;
  return { bookId: book.id, checking, dollars, groceries, shop, exchange, postingOf };
}

function kinds(problems: readonly IntegrityProblem[]): string[] {
  return problems.map((p) => p.kind).sort();
}

describe('formatAmount', () => {
  it('prints minor units in the currency, and survives a corrupt code', () => {
    expect(formatAmount(-1n, 'EUR')).toBe('-0.01 EUR');
    expect(formatAmount(1500n, 'JPY')).toBe('1500 JPY');
    expect(formatAmount(7n, 'XXQ')).toBe("7 minor units of 'XXQ'");
  });
});

describeEachDatabase('checkIntegrity', (ctx) => {
  it('passes a sound ledger and counts what it checked', async () => {
    const { bookId } = await ledger(ctx.database.db);
    const report = await checkIntegrity(ctx.database.db, { bookId });
    expect(report.problems).toEqual([]);
    // opening balance, purchase, exchange; Checking and Dollars, Groceries, Opening Balances
    expect(report.counts).toEqual({
      books: 1,
      transactions: 3,
      postings: 6,
      accounts: 2,
      categories: 1,
      equityAccounts: 1,
    });
  });

  it('names a transaction whose posting value was changed', async () => {
    const db = ctx.database.db;
    const { bookId, shop, groceries, postingOf } = await ledger(db);
    const postingId = postingOf(shop, groceries.id);
    await db.updateTable('postings').set({ value: 1300 }).where('id', '=', postingId).execute();

    const { problems } = await checkIntegrity(db, { bookId });
    expect(kinds(problems)).toEqual(['cached-total', 'unbalanced-transaction', 'value-not-amount']);
    const unbalanced = problems.find((p) => p.kind === 'unbalanced-transaction')!;
    expect(unbalanced.ids).toEqual({ bookId, transactionId: shop.id });
    expect(unbalanced.message).toBe(
      `Transaction ${shop.id} (book ${bookId}, 2026-01-05) does not balance: its postings' values sum to 0.66 EUR, not zero.`,
    );
    const valueProblem = problems.find((p) => p.kind === 'value-not-amount')!;
    expect(valueProblem.ids).toEqual({ bookId, transactionId: shop.id, postingId, accountId: groceries.id });
    expect(valueProblem.message).toContain('amount 12.34 EUR differs from its value 13.00 EUR');
  });

  it('names an account whose cached balance is off', async () => {
    const db = ctx.database.db;
    const { bookId, checking } = await ledger(db);
    await db.updateTable('accounts').set({ balance: 88_767 }).where('id', '=', checking.id).execute();

    const { problems } = await checkIntegrity(db, { bookId });
    expect(problems).toEqual([
      {
        kind: 'cached-balance',
        message: `Account ${checking.id} “Checking” (book ${bookId}) has a cached balance of 887.67 EUR; its postings sum to 887.66 EUR.`,
        ids: { bookId, accountId: checking.id },
      },
    ]);
  });

  it('names a transaction left with one posting, and the balance that no longer adds up', async () => {
    const db = ctx.database.db;
    const { bookId, shop, groceries, postingOf } = await ledger(db);
    await db.deleteFrom('postings').where('id', '=', postingOf(shop, groceries.id)).execute();

    const { problems } = await checkIntegrity(db, { bookId });
    expect(kinds(problems)).toEqual([
      'cached-balance',
      'cached-month',
      'cached-total',
      'too-few-postings',
      'unbalanced-transaction',
    ]);
    expect(problems.find((p) => p.kind === 'too-few-postings')).toEqual({
      kind: 'too-few-postings',
      message: `Transaction ${shop.id} (book ${bookId}, 2026-01-05) has 1 posting; a transaction needs at least two.`,
      ids: { bookId, transactionId: shop.id },
    });
    expect(problems.find((p) => p.kind === 'unbalanced-transaction')!.message).toContain('sum to -12.34 EUR');
    const balance = problems.find((p) => p.kind === 'cached-balance')!;
    expect(balance.ids).toEqual({ bookId, accountId: groceries.id });
    expect(balance.message).toContain('cached balance of 12.34 EUR; its postings sum to 0.00 EUR');
  });

  it('names a posting whose date differs from its transaction', async () => {
    const db = ctx.database.db;
    const { bookId, exchange, dollars, postingOf } = await ledger(db);
    const postingId = postingOf(exchange, dollars.id);
    await db.updateTable('postings').set({ date: '2026-02-01' }).where('id', '=', postingId).execute();

    const { problems } = await checkIntegrity(db, { bookId });
    expect(problems).toEqual([
      // The posting left January's roll-up of Dollars and arrived in February's.
      {
        kind: 'cached-month',
        message: `Account ${dollars.id} (book ${bookId}) in 2026-01: the monthly roll-up holds 108.00 USD in 1 posting; its postings say no row.`,
        ids: { bookId, accountId: dollars.id },
      },
      {
        kind: 'cached-month',
        message: `Account ${dollars.id} (book ${bookId}) in 2026-02: the monthly roll-up holds no row; its postings say 108.00 USD in 1 posting.`,
        ids: { bookId, accountId: dollars.id },
      },
      {
        kind: 'posting-header-mismatch',
        message: `Posting ${postingId} of transaction ${exchange.id} (book ${bookId}) says date 2026-02-01, book ${bookId}; its transaction says date 2026-01-06, book ${bookId}.`,
        ids: { bookId, transactionId: exchange.id, postingId, accountId: dollars.id },
      },
    ]);
  });

  it('names postings into another book, with opposite signs, or with a wrong total', async () => {
    const db = ctx.database.db;
    const mine = await ledger(db);
    const theirs = await ledger(db);
    const shopPosting = mine.postingOf(mine.shop, mine.groceries.id);
    await db
      .updateTable('postings')
      .set({ account_id: theirs.groceries.id })
      .where('id', '=', shopPosting)
      .execute();
    const usdPosting = mine.postingOf(mine.exchange, mine.dollars.id);
    await db.updateTable('postings').set({ amount: -10_800 }).where('id', '=', usdPosting).execute();

    const { problems } = await checkIntegrity(db, { bookId: mine.bookId });
    const foreign = problems.find((p) => p.kind === 'foreign-account')!;
    expect(foreign.ids).toEqual({
      bookId: mine.bookId,
      transactionId: mine.shop.id,
      postingId: shopPosting,
      accountId: theirs.groceries.id,
    });
    expect(foreign.message).toContain(`which belongs to book ${theirs.bookId}`);
    expect(problems.find((p) => p.kind === 'sign-mismatch')!.ids.postingId).toBe(usdPosting);
    // Both books' Groceries balances and Dollars' balance no longer match their postings.
    expect(problems.filter((p) => p.kind === 'cached-balance').map((p) => p.ids.accountId)).toEqual([
      mine.dollars.id,
      mine.groceries.id,
    ]);
  });

  it('keeps to the book asked for, and reports every book when none is', async () => {
    const db = ctx.database.db;
    const broken = await ledger(db);
    const sound = await ledger(db);
    await db.updateTable('transactions').set({ total: 1 }).where('id', '=', broken.shop.id).execute();

    expect((await checkIntegrity(db, { bookId: sound.bookId })).problems).toEqual([]);
    const all = await checkIntegrity(db);
    expect(
      all.problems.some((p) => p.kind === 'cached-total' && p.ids.transactionId === broken.shop.id),
    ).toBe(true);
    expect(all.counts.books).toBeGreaterThanOrEqual(2);
  });

  it('runs inside a transaction it is given', async () => {
    const db = ctx.database.db;
    const { bookId } = await ledger(db);
    const report = await db.transaction().execute((trx) => checkIntegrity(trx, { bookId }));
    expect(report.problems).toEqual([]);
  });
});
