import { beforeAll, expect, it } from 'vitest';
import { transactionCsv } from '../../src/server/features/exports/csv.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildReportLedger } from '../support/report-ledger.ts';

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

/** The CSV as objects keyed by the header. */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

/** Every transaction id GET /transactions finds for `query`, across all its pages. */
async function searchIds(client: Client, base: string, query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await client.get(
      `${base}/transactions?limit=3${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((t: any) => t.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids;
}

describeEachDatabase('CSV export of transactions', (ctx) => {
  let app: App;
  let client: Client;
  let base: string;
  let bookId: number;
  let ids: Awaited<ReturnType<typeof buildReportLedger>>;
  let usd: number;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({
      client,
      base,
      book: { id: bookId },
    } = await signUpWithBook(app));
    ids = await buildReportLedger(client, base);
    usd = (await client.post(`${base}/accounts`, { name: 'Travel USD', type: 'asset', currency: 'USD' })).body
      .id;
    const quoted = await client.post(`${base}/transactions`, {
      date: '2026-03-10',
      payeeName: 'Smith, Jones & "Co"',
      description: 'Line one\nline two',
      notes: 'a;b,c',
      postings: [
        { accountId: ids.checking, amount: { amount: '-1000.00', currency: 'EUR' }, memo: 'fx, fee' },
        {
          accountId: usd,
          amount: { amount: '1093.10', currency: 'USD' },
          value: { amount: '1000.00', currency: 'EUR' },
        },
      ],
    });
    expect(quoted.status).toBe(201);
  });

  it('exports every transaction as text/csv, with split lines, transfers and foreign amounts', async () => {
    const reply = await client.get(`${base}/transactions/export`);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="transactions-${bookId}.csv"`);
    expect(reply.body.startsWith('date,transaction_id,type,account,category,transfer_account,payee,')).toBe(
      true,
    );
    const rows = rowsOf(reply.body);
    const all = await searchIds(client, base, '');
    expect([...new Set(rows.map((r) => Number(r.transaction_id)))]).toEqual(all);
    expect(rows.filter((r) => r.type === 'transaction')).toHaveLength(all.length);

    const rewe = rows.filter((r) => r.date === '2026-01-10');
    expect(rewe.map((r) => [r.type, r.account, r.category, r.payee, r.amount, r.currency])).toEqual([
      ['transaction', 'Checking', 'Split', 'Rewe', '-80.00', 'EUR'],
      ['split', 'Checking', 'Food', 'Rewe', '-50.00', 'EUR'],
      ['split', 'Checking', 'Home', 'Rewe', '-30.00', 'EUR'],
    ]);
    expect(rows.find((r) => r.date === '2026-01-20')).toMatchObject({
      account: 'Checking',
      category: '',
      transfer_account: 'Savings',
      amount: '-500.00',
    });
    expect(rows.find((r) => r.date === '2026-02-10')).toMatchObject({
      account: 'Card',
      category: 'Travel',
      amount: '-300.00',
      tags: 'trip',
      status: 'pending',
    });
    expect(rows.find((r) => r.date === '2026-03-10')).toMatchObject({
      account: 'Checking',
      transfer_account: 'Travel USD',
      payee: 'Smith, Jones & "Co"',
      description: 'Line one\nline two',
      notes: 'a;b,c',
      amount: '-1000.00',
      currency: 'EUR',
      foreign_amount: '-1093.10',
      foreign_currency: 'USD',
      memo: 'fx, fee',
    });
    expect(rows.find((r) => r.category === 'Interest')).toMatchObject({ account: 'Savings', amount: '5.00' });
  });

  it('takes the filters of GET /transactions and finds the same transactions', async () => {
    const filters = [
      `&accountId=${ids.savings}`,
      `&categoryId=${ids.food}`,
      `&payeeId=${ids.rewe}`,
      `&tagId=${ids.trip}`,
      '&from=2026-02-01&to=2026-02-28',
      '&status=pending',
      '&minAmount=80&maxAmount=340',
      '&q=rewe',
      '&q=nothing matches this',
    ];
    for (const filter of filters) {
      const reply = await client.get(`${base}/transactions/export?format=csv${filter}`);
      expect([filter, reply.status]).toEqual([filter, 200]);
      const exported = [...new Set(rowsOf(reply.body).map((r) => Number(r.transaction_id)))];
      expect([filter, exported]).toEqual([filter, await searchIds(client, base, filter)]);
    }
    const savings = rowsOf((await client.get(`${base}/transactions/export?accountId=${ids.savings}`)).body);
    expect(savings.map((r) => [r.account, r.transfer_account || r.category, r.amount])).toEqual([
      ['Savings', 'Interest', '5.00'],
      ['Savings', 'Checking', '500.00'],
    ]);
    const nothing = await client.get(`${base}/transactions/export?q=nothing%20matches%20this`);
    expect(parseCsv(nothing.body)).toHaveLength(1);
  });

  it('streams page by page: small pages give the same file as one big page', async () => {
    const collect = async (pageSize: number) => {
      let text = '';
      for await (const chunk of await transactionCsv(ctx.database.db, bookId, {}, pageSize)) text += chunk;
      return text;
    };
    const whole = (await client.get(`${base}/transactions/export`)).body;
    expect(await collect(2)).toBe(whole);
    expect(await collect(1)).toBe(whole);
    let chunks = 0;
    for await (const _ of await transactionCsv(ctx.database.db, bookId, {}, 2)) chunks++;
    expect(chunks).toBeGreaterThan(5);
  });

  it('refuses bad filters with a problem, before any CSV is sent', async () => {
    expectProblem(await client.get(`${base}/transactions/export?from=2026-02-30`), 422, 'INVALID_DATE');
    expectProblem(await client.get(`${base}/transactions/export?format=xlsx`), 400, 'VALIDATION_FAILED');
    expectProblem(await client.get(`${base}/transactions/export?minAmount=-1`), 400, 'VALIDATION_FAILED');
    expectProblem(await client.get(`${base}/transactions/export?cursor=abc`), 400, 'VALIDATION_FAILED');
    expectProblem(await client.get(`${base}/transactions/export?accountId=0`), 400, 'VALIDATION_FAILED');
  });
});
