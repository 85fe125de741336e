/**
 * The hand-computed ledger of the report tests (EUR), built through the API:
 *
 *   01-01 opening balances: checking 1000.00, old 200.00 (against "Opening Balances")
 *   01-05 salary 2500.00 into checking                         payee Employer
 *   01-10 Rewe, split from checking: food 50.00, home 30.00    payee Rewe
 *   01-15 transfer old → checking 200.00; old is then archived
 *   01-20 transfer checking → savings 500.00
 *   02-02 food 40.00 on the card                               payee Rewe
 *   02-03 refund of food 15.00 into checking
 *   02-10 travel 300.00 on the card                            tag trip
 *   02-20 checking pays the card 340.00
 *   02-25 interest 5.00 into savings
 *   03-01 home 99.00 from checking
 *   03-05 salary 2500.00 into checking                         payee Employer
 *
 * Groups: Living (Food, Home), Fun (Travel), Work (Salary); Interest is ungrouped.
 */
import type { Client } from './api.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

export async function buildReportLedger(client: Client, base: string) {
  const post = async (path: string, body: object) => {
    const reply = await client.post(`${base}${path}`, body);
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id as number;
  };
  const opening = (amount: string) => ({ openingBalance: eur(amount), openingDate: '2026-01-01' });
  const checking = await post('/accounts', { name: 'Checking', type: 'asset', ...opening('1000.00') });
  const savings = await post('/accounts', { name: 'Savings', type: 'asset' });
  const card = await post('/accounts', { name: 'Card', type: 'liability' });
  const old = await post('/accounts', { name: 'Old', type: 'asset', ...opening('200.00') });
  const living = await post('/category-groups', { name: 'Living', kind: 'expense' });
  const fun = await post('/category-groups', { name: 'Fun', kind: 'expense' });
  const work = await post('/category-groups', { name: 'Work', kind: 'income' });
  const food = await post('/categories', { name: 'Food', kind: 'expense', groupId: living });
  const home = await post('/categories', { name: 'Home', kind: 'expense', groupId: living });
  const travel = await post('/categories', { name: 'Travel', kind: 'expense', groupId: fun });
  const salary = await post('/categories', { name: 'Salary', kind: 'income', groupId: work });
  const interest = await post('/categories', { name: 'Interest', kind: 'income' });
  const trip = await post('/tags', { name: 'trip' });
  const tx = (date: string, postings: [number, string][], extra: object = {}) =>
    post('/transactions', {
      date,
      ...extra,
      postings: postings.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
    });
  await tx(
    '2026-01-05',
    [
      [checking, '2500.00'],
      [salary, '-2500.00'],
    ],
    { payeeName: 'Employer' },
  );
  await tx(
    '2026-01-10',
    [
      [checking, '-80.00'],
      [food, '50.00'],
      [home, '30.00'],
    ],
    { payeeName: 'Rewe' },
  );
  await tx('2026-01-15', [
    [old, '-200.00'],
    [checking, '200.00'],
  ]);
  const archived = await client.post(`${base}/accounts/${old}/archive`);
  if (archived.status !== 200) throw new Error(`archive: ${archived.status}`);
  await tx('2026-01-20', [
    [checking, '-500.00'],
    [savings, '500.00'],
  ]);
  await tx(
    '2026-02-02',
    [
      [card, '-40.00'],
      [food, '40.00'],
    ],
    { payeeName: 'Rewe' },
  );
  await tx('2026-02-03', [
    [checking, '15.00'],
    [food, '-15.00'],
  ]);
  await tx(
    '2026-02-10',
    [
      [card, '-300.00'],
      [travel, '300.00'],
    ],
    { tagIds: [trip] },
  );
  await tx('2026-02-20', [
    [checking, '-340.00'],
    [card, '340.00'],
  ]);
  await tx('2026-02-25', [
    [savings, '5.00'],
    [interest, '-5.00'],
  ]);
  await tx('2026-03-01', [
    [checking, '-99.00'],
    [home, '99.00'],
  ]);
  await tx(
    '2026-03-05',
    [
      [checking, '2500.00'],
      [salary, '-2500.00'],
    ],
    { payeeName: 'Employer' },
  );
  const payees = (await client.get(`${base}/payees`)).body as { id: number; name: string }[];
  const rewe = payees.find((p) => p.name === 'Rewe')!.id;
  return {
    checking,
    savings,
    card,
    old,
    living,
    fun,
    work,
    food,
    home,
    travel,
    salary,
    interest,
    trip,
    rewe,
  };
}
