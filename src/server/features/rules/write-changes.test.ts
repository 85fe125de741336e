import { expect, it } from 'vitest';
import { signUpWithBook, testApp } from '../../../../test/support/api.ts';
import { budgetLedger } from '../../../../test/support/budget-ledger.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { balancePostings, type PostingAccount } from '../../../core/ledger/transaction.ts';
import type { CurrencyCode } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { checkIntegrity } from '../integrity/check.ts';
import { replaceTransaction } from '../transactions/ledger-writes.ts';
import { type Candidate, loadCandidates } from './candidates.ts';
import { type ChangeWrite, writeChanges } from './write-changes.ts';

const NOW = '2026-11-21T10:00:00.000Z';
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const EUR = 'EUR' as CurrencyCode;

/** What a transaction is, without its id: every column a change may touch, its postings and tags. */
async function contentOf(db: Db, id: number) {
  const transaction = await db
    .selectFrom('transactions')
    .select([
      'date',
      'currency',
      'total',
      'payee_id',
      'description',
      'notes',
      'search_text',
      'status',
      'updated_by',
      'updated_at',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const postings = await db
    .selectFrom('postings')
    .select(['account_id', 'date', 'amount', 'value', 'memo', 'position'])
    .where('transaction_id', '=', id)
    .orderBy('position')
    .execute();
  const tags = await db
    .selectFrom('transaction_tags')
    .select('tag_id')
    .where('transaction_id', '=', id)
    .orderBy('tag_id')
    .execute();
  return { ...transaction, total: String(transaction.total), postings: postings.map(String), tags };
}

describeEachDatabase('writing rules’ changes in bulk', (ctx) => {
  it('leaves each transaction, the cached figures and the search index as one-by-one writes do', async () => {
    const app = await testApp(ctx.database);
    const db = ctx.database.db;
    const { client, base, book } = await signUpWithBook(app);
    const { ids, post } = await budgetLedger(client, base);
    const scope: BookScope = { bookId: book.id, userId: client.user!.id, role: 'owner', baseCurrency: 'EUR' };
    const home = await post('/tags', { name: 'Home' });
    const treat = await post('/tags', { name: 'Treat' });
    const shop = await post('/payees', { name: 'Corner Shop' });
    /** The same four transactions twice: one copy changes in bulk, the other one by one. */
    const make = async () => [
      await post('/transactions', {
        date: '2026-03-02',
        payeeName: 'REWE Markt',
        description: 'Card 1111',
        postings: [
          { accountId: ids.checking, amount: eur('-40.00') },
          { accountId: ids.food, amount: eur('40.00'), memo: 'weekly' },
        ],
      }),
      await post('/transactions', {
        date: '2026-03-31',
        description: 'Lastschrift',
        notes: 'old note',
        tagIds: [treat],
        postings: [
          { accountId: ids.checking, amount: eur('-12.50') },
          { accountId: ids.fun, amount: eur('12.50') },
        ],
      }),
      await post('/transactions', {
        date: '2026-04-01',
        description: 'Split',
        postings: [
          { accountId: ids.checking, amount: eur('-100.00') },
          { accountId: ids.food, amount: eur('60.00') },
          { accountId: ids.fun, amount: eur('40.00') },
        ],
      }),
      await post('/transactions', {
        date: '2026-04-15',
        description: 'Only the payee changes',
        postings: [
          { accountId: ids.checking, amount: eur('-5.00') },
          { accountId: ids.fun, amount: eur('5.00') },
        ],
      }),
    ];
    const bulk = await make();
    const single = await make();
    const accounts = new Map<number, PostingAccount>(
      [ids.checking, ids.food, ids.fun, ids.rent].map((id) => [id, { id, currency: EUR, archived: false }]),
    );
    const money = (minor: bigint) => ({ minor, currency: EUR });
    /** Recategorise, re-tag, rename and annotate, differently for each transaction. */
    const changesOf = (candidates: Candidate[]): ChangeWrite[] =>
      candidates.map((candidate, index) => {
        const sheet = candidate.postings[0]!;
        const categories =
          index === 0
            ? [{ accountId: ids.rent, amount: -sheet.amount, memo: 'weekly' }]
            : index === 2
              ? [
                  { accountId: ids.rent, amount: 7000n, memo: null },
                  { accountId: ids.food, amount: 3000n, memo: 'part' },
                ]
              : candidate.postings
                  .slice(1)
                  .map((p) => ({ accountId: p.accountId, amount: p.amount, memo: p.memo }));
        const drafts = [sheet, ...categories].map((p) => ({
          accountId: p.accountId,
          amount: money(p.amount),
          memo: p.memo,
        }));
        return {
          candidate,
          payeeId: index === 3 ? shop : candidate.payeeId,
          notes: index === 1 ? null : index === 0 ? 'from a rule' : candidate.notes,
          tagIds: index === 1 ? [home, treat] : index === 0 ? [home] : candidate.tagIds,
          balanced: balancePostings(drafts, accounts, { currency: EUR }),
        };
      });

    await writeChanges(db, scope, changesOf(await loadCandidates(db, book.id, bulk)), NOW);
    for (const write of changesOf(await loadCandidates(db, book.id, single))) {
      const { candidate } = write;
      await replaceTransaction(
        db,
        book.id,
        scope.userId,
        candidate.id,
        {
          date: candidate.date,
          payeeId: write.payeeId,
          description: candidate.description,
          notes: write.notes,
          status: candidate.status,
        },
        write.balanced,
        write.tagIds,
        NOW,
      );
    }

    for (const [index, id] of bulk.entries()) {
      expect(await contentOf(db, id)).toEqual(await contentOf(db, single[index]!));
    }
    expect((await contentOf(db, bulk[0]!)).search_text).toContain('from a rule');
    expect((await checkIntegrity(db, { bookId: book.id })).problems).toEqual([]);
    const categories = (await client.get(`${base}/categories`)).body as any[];
    expect(Object.fromEntries(categories.map((c) => [c.name, c.balance.amount]))).toMatchObject({
      Rent: '220.00',
      Food: '60.00',
    });
  });
});
