/**
 * The roll-up read against the postings themselves: after any mix of writes (new transactions,
 * edits that move them between months, deletions), Σ per account and per (account, month) over
 * any range equals a GROUP BY over the postings of that range.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { addDays, type IsoDate, isoDate } from '../../../core/calendar/date.ts';
import { formatMinor } from '../../../core/money/money.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';
import type { BookScope } from '../../types.ts';
import { insertUser } from '../auth/users.ts';
import { createBook } from '../books/service.ts';
import { createTransaction, removeTransaction, updateTransaction } from '../transactions/service.ts';
import { accountSums, typeSums } from './account-sums.ts';
import { createAccount, insertAccount } from './service.ts';

const NOW = '2026-03-01T12:00:00.000Z';
const START = isoDate('2025-11-20');
const DAYS = 420;
const eur = (minor: bigint) => ({ amount: formatMinor(minor, 2), currency: 'EUR' });

const write = fc.record({
  kind: fc.constantFrom('add', 'add', 'add', 'move', 'remove'),
  day: fc.nat(DAYS - 1),
  minor: fc.bigInt({ min: 1n, max: 90_000n }),
  from: fc.nat(3),
  to: fc.nat(3),
  pick: fc.nat(),
});
const range = fc.tuple(fc.option(fc.nat(DAYS + 40)), fc.nat(DAYS + 40)).map(([a, b]) => {
  const to = addDays(addDays(START, -20), b);
  const from = a === null ? null : addDays(addDays(START, -20), a);
  return from !== null && from > to ? { from: to, to: from } : { from, to };
});

let books = 0;

describeEachDatabase('accountSums (property)', (ctx) => {
  it('equals a GROUP BY over the postings for any range after any writes', { timeout: 120_000 }, async () => {
    const db = ctx.database.db;
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 1, maxLength: 12 }),
        fc.array(range, { minLength: 3, maxLength: 3 }),
        async (writes, ranges) => {
          books += 1;
          const user = await insertUser(
            db,
            {
              email: `sums-${books}-${process.pid}@example.com`,
              name: 'O',
              passwordHash: 'x',
              isAdmin: false,
            },
            NOW,
          );
          const book = await createBook(db, user.id, { name: `Sums ${books}`, baseCurrency: 'EUR' }, NOW);
          const scope: BookScope = { bookId: book.id, userId: user.id, role: 'owner', baseCurrency: 'EUR' };
          const accounts = [
            (await createAccount(db, scope, { name: 'Checking', type: 'asset' }, NOW)).id,
            (await createAccount(db, scope, { name: 'Card', type: 'liability' }, NOW)).id,
            (await insertAccount(db, scope, { name: 'Food', type: 'expense' }, NOW)).id,
            (await insertAccount(db, scope, { name: 'Pay', type: 'income' }, NOW)).id,
          ];
          const ids: number[] = [];
          for (const w of writes) {
            const into = accounts[w.to]!;
            const out = accounts[w.from === w.to ? (w.from + 1) % 4 : w.from]!;
            const body = {
              date: addDays(START, w.day),
              postings: [
                { accountId: into, amount: eur(w.minor) },
                { accountId: out, amount: eur(-w.minor) },
              ],
            };
            if (w.kind === 'add' || ids.length === 0) {
              ids.push((await createTransaction(db, scope, body, NOW)).id);
            } else if (w.kind === 'move') {
              await updateTransaction(db, scope, ids[w.pick % ids.length]!, body, NOW);
            } else {
              await removeTransaction(db, scope, ids.splice(w.pick % ids.length, 1)[0]!, NOW);
            }
          }
          for (const r of ranges) {
            for (const perMonth of [false, true]) {
              const range = r as { from: IsoDate | null; to: IsoDate };
              const byAccount = await accountSums(db, book.id, range, {}, { perMonth });
              const byType = await typeSums(db, book.id, range, {}, { perMonth });
              const month = sql<string>`substr(cast(postings.date as text), 1, 7)`;
              let query = db
                .selectFrom('postings')
                .innerJoin('accounts', 'accounts.id', 'postings.account_id')
                .select((eb) => [
                  'postings.account_id',
                  'accounts.type',
                  month.as('month'),
                  sumMinor(eb.ref('postings.amount')).as('total'),
                ])
                .where('postings.book_id', '=', book.id)
                .where('postings.date', '<=', r.to)
                .groupBy(['postings.account_id', 'accounts.type', month]);
              if (r.from !== null) query = query.where('postings.date', '>=', r.from);
              const wantedByAccount = new Map<string, bigint>();
              const wantedByType = new Map<string, bigint>();
              for (const row of await query.execute()) {
                const at = perMonth ? row.month : null;
                for (const [map, key] of [
                  [wantedByAccount, `${row.account_id}:${at}`],
                  [wantedByType, `${row.type}:EUR:${at}`],
                ] as const) {
                  map.set(key, (map.get(key) ?? 0n) + toMinor(row.total));
                }
              }
              expect(new Map(byAccount.map((row) => [`${row.accountId}:${row.month}`, row.total]))).toEqual(
                wantedByAccount,
              );
              expect(
                new Map(byType.map((row) => [`${row.type}:${row.currency}:${row.month}`, row.total])),
              ).toEqual(wantedByType);
            }
          }
        },
      ),
      { numRuns: 25, interruptAfterTimeLimit: 90_000 },
    );
  });
});
