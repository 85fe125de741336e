import { beforeAll, expect, it } from 'vitest';
import { checkIntegrity } from '../../src/server/features/integrity/check.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const jpy = (amount: string) => ({ amount, currency: 'JPY' });
const pay = (from: number, to: number, amount: string) => [
  { accountId: from, amount: eur(`-${amount}`) },
  { accountId: to, amount: eur(amount) },
];

describeEachDatabase('searching transactions', (ctx) => {
  let app: App;
  let ada: Client;
  let base: string;
  const id = {} as Record<'checking' | 'card' | 'yen' | 'food' | 'fun' | 'holiday', number>;
  const tx: Record<string, number> = {};

  /** Descriptions of the transactions a query finds, in the order given. */
  async function find(query: string): Promise<string[]> {
    const reply = await ada.get(`${base}/transactions?${query}`);
    expect(reply.status).toBe(200);
    return reply.body.items.map((t: any) => t.description);
  }

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({ client: ada, base } = await signUpWithBook(app));
    id.checking = (await ada.post(`${base}/accounts`, { name: 'Checking', type: 'asset' })).body.id;
    id.card = (
      await ada.post(`${base}/accounts`, { name: 'Card', type: 'liability', subtype: 'credit_card' })
    ).body.id;
    id.yen = (
      await ada.post(`${base}/accounts`, { name: 'Yen wallet', type: 'asset', currency: 'JPY' })
    ).body.id;
    id.food = (await ada.post(`${base}/categories`, { name: 'Food', kind: 'expense' })).body.id;
    id.fun = (
      await ada.post(`${base}/categories`, { name: 'Fun', kind: 'expense', currency: 'JPY' })
    ).body.id;
    id.holiday = (await ada.post(`${base}/tags`, { name: 'holiday' })).body.id;
    const spend = async (name: string, body: Record<string, unknown>) => {
      const reply = await ada.post(`${base}/transactions`, { description: name, ...body });
      expect(reply.status).toBe(201);
      tx[name] = reply.body.id;
    };
    await spend('bakery', {
      date: '2026-02-01',
      payeeName: 'Bäcker 100%',
      postings: pay(id.checking, id.food, '4.50'),
      status: 'cleared',
    });
    await spend('market', {
      date: '2026-02-03',
      payeeName: 'Market',
      postings: pay(id.card, id.food, '25.00'),
      notes: 'weekly_run',
    });
    await spend('cinema', {
      date: '2026-02-05',
      postings: [
        { accountId: id.yen, amount: jpy('-1800') },
        { accountId: id.fun, amount: jpy('1800'), memo: 'Late show' },
      ],
      tagIds: [id.holiday],
    });
    await spend('groceries', {
      date: '2026-02-05',
      payeeName: 'Market',
      postings: pay(id.checking, id.food, '25.01'),
      tagIds: [id.holiday],
    });
    await spend('card bill', {
      date: '2026-02-10',
      postings: pay(id.checking, id.card, '25.00'),
      status: 'reconciled',
    });
  });

  it('lists newest first, ties broken by the latest entered', async () => {
    expect(await find('')).toEqual(['card bill', 'groceries', 'cinema', 'market', 'bakery']);
  });

  it('filters by date range, inclusive at both ends', async () => {
    expect(await find('from=2026-02-03&to=2026-02-05')).toEqual(['groceries', 'cinema', 'market']);
    expect(await find('to=2026-02-01')).toEqual(['bakery']);
  });

  it('filters by account, category, payee, tag and status', async () => {
    expect(await find(`accountId=${id.card}`)).toEqual(['card bill', 'market']);
    expect(await find(`categoryId=${id.food}`)).toEqual(['groceries', 'market', 'bakery']);
    const market = (await ada.get(`${base}/payees?q=market`)).body[0].id;
    expect(await find(`payeeId=${market}`)).toEqual(['groceries', 'market']);
    expect(await find(`tagId=${id.holiday}`)).toEqual(['groceries', 'cinema']);
    expect(await find('status=reconciled')).toEqual(['card bill']);
    expect(await find('status=pending')).toEqual(['groceries', 'cinema', 'market']);
  });

  it("filters by the total's range in each transaction's own currency", async () => {
    expect(await find('minAmount=25&maxAmount=25')).toEqual(['card bill', 'market']);
    // 25.001 EUR rounds up to 25.01 (so 25.00 is out); in yen it is 26.
    expect(await find('minAmount=25.001')).toEqual(['groceries', 'cinema']);
    expect(await find('maxAmount=5')).toEqual(['bakery']);
    expect(await find('minAmount=1000&maxAmount=2000')).toEqual(['cinema']);
  });

  it('searches text in description, notes, payee and memos, without case, wildcards taken literally', async () => {
    expect(await find('q=LATE')).toEqual(['cinema']);
    expect(await find('q=weekly_')).toEqual(['market']);
    expect(await find('q=_')).toEqual(['market']);
    expect(await find('q=100%25')).toEqual(['bakery']);
    expect(await find('q=%25')).toEqual(['bakery']);
    expect(await find('q=market')).toEqual(['groceries', 'market']);
    expect(await find('q=nothing-like-this')).toEqual([]);
  });

  it('keeps the text index in step with edits and deletions, and within the book', async () => {
    const other = await signUpWithBook(app);
    const otherChecking = (await other.client.post(`${other.base}/accounts`, { name: 'C', type: 'asset' }))
      .body.id;
    const otherFood = (await other.client.post(`${other.base}/categories`, { name: 'F', kind: 'expense' }))
      .body.id;
    expect(
      (
        await other.client.post(`${other.base}/transactions`, {
          date: '2026-02-07',
          description: 'xylophone lesson',
          postings: pay(otherChecking, otherFood, '3.00'),
        })
      ).status,
    ).toBe(201);
    const created = await ada.post(`${base}/transactions`, {
      date: '2026-02-07',
      description: 'The "night" sale',
      postings: pay(id.checking, id.food, '9.00'),
    });
    expect(await find('q=%22night%22')).toEqual(['The "night" sale']);
    expect(await find('q=xylophone')).toEqual([]);
    const edited = await ada.patch(`${base}/transactions/${created.body.id}`, {
      description: 'Xylophone repair',
    });
    expect(edited.status).toBe(200);
    expect(await find('q=xylophone')).toEqual(['Xylophone repair']);
    expect(await find('q=night')).toEqual([]);
    expect((await ada.delete(`${base}/transactions/${created.body.id}`)).status).toBe(204);
    expect(await find('q=xylophone')).toEqual([]);
    expect((await checkIntegrity(ctx.database.db)).problems).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await find(`categoryId=${id.food}&from=2026-02-02&status=pending`)).toEqual([
      'groceries',
      'market',
    ]);
  });

  it('pages with a cursor without losing or repeating a row', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: any = await ada.get(`${base}/transactions?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...reply.body.items.map((t: any) => t.description));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['card bill', 'groceries', 'cinema', 'market', 'bakery']);
  });

  it('refuses a negative or malformed amount bound', async () => {
    expectProblem(await ada.get(`${base}/transactions?minAmount=-5`), 400, 'VALIDATION_FAILED');
    expectProblem(await ada.get(`${base}/transactions?maxAmount=1e3`), 400, 'VALIDATION_FAILED');
  });
});
