import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { budgetLedger } from '../support/budget-ledger.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** A small OFX 1.x statement written for these tests: three card payments and a salary. */
const OFX = readFileSync(new URL('../fixtures/import/ofx/march-checking.ofx', import.meta.url), 'utf8');

const CSV = `Date;Payee;Purpose;Amount
02.03.2026;REWE Markt;Card 1234;-23,45
05.03.2026;Cafe Central;;-4,20
25.03.2026;ACME GmbH;Salary March;2.500,00
`;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function setUp(client: Client, base: string) {
  const { ids } = await budgetLedger(client, base);
  return ids;
}

async function balance(client: Client, base: string, accountId: number) {
  return (await client.get(`${base}/accounts/${accountId}`)).body.balance.amount as string;
}

async function transactionCount(client: Client, base: string) {
  return (await client.get(`${base}/transactions?limit=500`)).body.items.length as number;
}

describeEachDatabase('importing bank files', (ctx) => {
  it('previews an OFX file, commits it as one batch, skips it the second time, and undoes it', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const ids = await setUp(client, base);
    const file = { fileName: 'march.ofx', content: b64(OFX), accountId: ids.checking };
    const before = await transactionCount(client, base);

    const preview = await client.post(`${base}/imports/preview`, file);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ format: 'ofx', fileName: 'march.ofx', mapping: null });
    expect(preview.body.summary).toEqual({
      rows: 4,
      toImport: 4,
      exactDuplicates: 0,
      transferHalves: 0,
      likelyDuplicates: 0,
      errors: 0,
      uncategorised: expect.any(Number),
      rules: expect.any(Array),
    });
    expect(preview.body.rows.map((r: any) => [r.date, r.amount.amount, r.payee, r.reference])).toEqual([
      ['2026-03-02', '-23.45', 'REWE Markt', 'A1'],
      ['2026-03-05', '-4.20', 'Cafe Central', 'A2'],
      ['2026-03-25', '2500.00', 'ACME GmbH', 'A3'],
      ['2026-03-28', '-850.00', 'Landlord', 'A4'],
    ]);
    expect(preview.body.rows[0].raw).toContain('<FITID>A1');
    expect(preview.body.statements[0]).toMatchObject({
      closingBalance: { amount: { amount: '6622.35', currency: 'EUR' } },
      balanceAfterImport: { amount: '6622.35', currency: 'EUR' },
    });
    expect(await transactionCount(client, base)).toBe(before);

    const committed = await client.post(`${base}/imports`, file);
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({
      format: 'ofx',
      transactionCount: 4,
      skippedCount: 0,
      undoneAt: null,
    });
    expect(await balance(client, base, ids.checking)).toBe('6622.35');
    expect(await transactionCount(client, base)).toBe(before + 4);

    const again = await client.post(`${base}/imports/preview`, file);
    expect(again.body.summary).toMatchObject({ toImport: 0, exactDuplicates: 4 });
    const second = await client.post(`${base}/imports`, file);
    expect(second.body).toMatchObject({ transactionCount: 0, skippedCount: 4 });
    expect(await transactionCount(client, base)).toBe(before + 4);

    const listed = await client.get(`${base}/imports`);
    expect(listed.body.map((b: any) => b.id)).toEqual([second.body.id, committed.body.id]);

    const undone = await client.post(`${base}/imports/${committed.body.id}/undo`, {});
    expect(undone.status).toBe(200);
    expect(undone.body.undoneAt).toEqual(expect.any(String));
    expect(await balance(client, base, ids.checking)).toBe('5000.00');
    expect(await transactionCount(client, base)).toBe(before);
    expectProblem(await client.post(`${base}/imports/${committed.body.id}/undo`, {}), 409, 'IMPORT_UNDONE');

    // After the undo the same file imports again.
    expect((await client.post(`${base}/imports`, file)).body.transactionCount).toBe(4);
  });

  it('books uncategorised rows to Uncategorised income and expense, and uses payee defaults', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const ids = await setUp(client, base);
    const payee = (await client.post(`${base}/payees`, { name: 'Landlord', defaultCategoryId: ids.rent }))
      .body;
    expect(payee.defaultCategoryId).toBe(ids.rent);
    const file = { fileName: 'march.ofx', content: b64(OFX), accountId: ids.checking };
    const preview = await client.post(`${base}/imports/preview`, file);
    expect(preview.body.rows[3].category).toEqual({ id: ids.rent, name: 'Rent', source: 'payee' });
    await client.post(`${base}/imports`, { ...file, categories: [{ index: 1, categoryId: ids.fun }] });
    const categories = (await client.get(`${base}/categories`)).body as any[];
    const byName = new Map(categories.map((c) => [c.name, c]));
    expect(byName.get('Uncategorised')?.balance.amount).toBe('23.45');
    expect(byName.get('Uncategorised income')?.balance.amount).toBe('-2500.00');
    expect(byName.get('Rent')?.balance.amount).toBe('850.00');
    expect(byName.get('Fun')?.balance.amount).toBe('4.20');
  });

  it('reads a CSV file, remembers its mapping as a profile, and flags likely duplicates', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const ids = await setUp(client, base);
    // Entered by hand two days after the bank booked it.
    await client.post(`${base}/transactions`, {
      date: '2026-03-04',
      payeeName: 'Rewe',
      postings: [
        { accountId: ids.checking, amount: { amount: '-23.45', currency: 'EUR' } },
        { accountId: ids.food, amount: { amount: '23.45', currency: 'EUR' } },
      ],
    });
    const file = { fileName: 'bank.csv', content: b64(CSV), accountId: ids.checking };
    const preview = await client.post(`${base}/imports/preview`, file);
    expect(preview.status).toBe(200);
    expect(preview.body.mapping).toMatchObject({
      delimiter: ';',
      decimalSeparator: ',',
      dateFormat: 'DD.MM.YYYY',
      headerLine: 1,
    });
    expect(preview.body.rows.map((r: any) => r.amount.amount)).toEqual(['-23.45', '-4.20', '2500.00']);
    expect(preview.body.rows[0].duplicate).toEqual({ kind: 'likely', transactionId: expect.any(Number) });
    expect(preview.body.rows[0].action).toBe('skip');
    expect(preview.body.summary).toMatchObject({ toImport: 2, likelyDuplicates: 1 });

    const batch = await client.post(`${base}/imports`, file);
    expect(batch.body).toMatchObject({ transactionCount: 2, skippedCount: 1 });
    const profiles = (await client.get(`${base}/import-profiles`)).body;
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      name: 'Checking CSV',
      accountId: ids.checking,
      mapping: { delimiter: ';' },
    });

    // The next file of the same layout is read with the profile, and the likely duplicate can be included.
    const next = await client.post(`${base}/imports/preview`, file);
    expect(next.body.profile).toEqual({ id: profiles[0].id, name: 'Checking CSV' });
    const forced = await client.post(`${base}/imports`, { ...file, fileName: 'b.csv', include: [0] });
    expect(forced.body).toMatchObject({ transactionCount: 1, skippedCount: 2 });
  });

  it('asks for the date format when the dates fit two, and refuses to commit until it is chosen', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const ids = await setUp(client, base);
    const csv = 'Date,Description,Amount\n05/03/2026,Coffee,-3.50\n07/04/2026,Lunch,-12.00\n';
    const file = { fileName: 'x.csv', content: b64(csv), accountId: ids.checking };
    const preview = await client.post(`${base}/imports/preview`, file);
    expect(preview.body.questions[0]).toMatchObject({ code: 'AMBIGUOUS_DATE_FORMAT' });
    expect(preview.body.questions[0].options).toEqual(expect.arrayContaining(['DD/MM/YYYY', 'MM/DD/YYYY']));
    const refused = expectProblem(await client.post(`${base}/imports`, file), 422, 'AMBIGUOUS_DATE_FORMAT');
    expect(refused.errors[0]?.field).toBe('/mapping/dateFormat');
    const chosen = await client.post(`${base}/imports/preview`, {
      ...file,
      mapping: { dateFormat: 'DD/MM/YYYY' },
    });
    expect(chosen.body.rows.map((r: any) => r.date)).toEqual(['2026-03-05', '2026-04-07']);
  });

  it('refuses bad files and bad requests with a clear problem, and writes nothing', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const ids = await setUp(client, base);
    const before = await transactionCount(client, base);
    const post = (body: object) =>
      client.post(`${base}/imports`, { fileName: 'f', accountId: ids.checking, ...body });

    expectProblem(await post({ content: '' }), 422, 'UNREADABLE_FILE');
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('base64');
    expectProblem(await post({ content: binary }), 422, 'UNREADABLE_FILE');
    expectProblem(await post({ content: b64(OFX.slice(0, 120)) }), 422, 'UNREADABLE_FILE');
    const ragged =
      'Date,Description,Amount\n2026-03-01,Coffee,-3.50\n2026-03-02,Lunch\n2026-03-03,Tea,-2.00\n';
    const problem = expectProblem(await post({ content: b64(ragged) }), 422, 'UNREADABLE_FILE');
    expect(problem.errors[0]).toMatchObject({
      field: '/issues/0',
      message: expect.stringMatching(/^Line 3: /),
    });
    expectProblem(await post({ content: '%%%not base64%%%' }), 400, 'VALIDATION_FAILED');
    expectProblem(await post({ content: b64(OFX), accountId: ids.food }), 422, 'INVALID_ACCOUNT_KIND');
    expectProblem(await post({ content: b64(OFX), accountId: 999_999 }), 422, 'UNKNOWN_ACCOUNT');
    expectProblem(await post({ content: b64(OFX), profileId: 999_999 }), 404, 'NOT_FOUND');
    expectProblem(await post({ content: b64(OFX), format: 'xls' }), 400, 'VALIDATION_FAILED');
    expectProblem(await post({ content: b64(OFX), exclude: [99] }), 400, 'VALIDATION_FAILED');
    const asCategory = (categoryId: number) =>
      post({ content: b64(OFX), categories: [{ index: 0, categoryId }] });
    for (const categoryId of [ids.savings, 999_999]) {
      const wrong = expectProblem(await asCategory(categoryId), 422, 'UNKNOWN_ACCOUNT');
      expect(wrong.errors[0]?.field).toBe('/categories/0/categoryId');
    }
    expect(await transactionCount(client, base)).toBe(before);
    expect((await client.get(`${base}/imports`)).body).toEqual([]);
  });

  it('refuses rows it cannot write until they are excluded, then imports the rest', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const ids = await setUp(client, base);
    const csv =
      'Date,Description,Amount,Currency\n2026-03-01,Coffee,-3.50,EUR\n2026-03-02,Lunch,-12.00,USD\n2026-03-03,Tea,-2.00,EUR\n';
    const file = { fileName: 'r.csv', content: b64(csv), accountId: ids.checking };
    const preview = await client.post(`${base}/imports/preview`, file);
    expect(preview.body.rows[1].issues[0]).toMatchObject({ severity: 'error', line: 3 });
    expect(preview.body.rows[1].issues[0].message).toMatch(/USD/);
    const refused = expectProblem(await client.post(`${base}/imports`, file), 422, 'IMPORT_HAS_ERRORS');
    expect(refused.errors[0]).toMatchObject({ field: '/rows/1' });
    expect(await balance(client, base, ids.checking)).toBe('5000.00');
    const batch = await client.post(`${base}/imports`, { ...file, exclude: [1] });
    expect(batch.body).toMatchObject({ transactionCount: 2, skippedCount: 1 });
    expect(await balance(client, base, ids.checking)).toBe('4994.50');
  });

  it('writes a file once when two imports of it race each other', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const ids = await setUp(client, base);
    const file = { fileName: 'march.ofx', content: b64(OFX), accountId: ids.checking };
    const before = await transactionCount(client, base);
    const [a, b] = await Promise.all([
      client.post(`${base}/imports`, file),
      client.post(`${base}/imports`, file),
    ]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201]);
    expect([a.body.transactionCount, b.body.transactionCount].sort()).toEqual([0, 4]);
    expect(await transactionCount(client, base)).toBe(before + 4);
    expect(await balance(client, base, ids.checking)).toBe('6622.35');
  });

  it('refuses 50 MB of garbage quickly and clearly, writing nothing', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const ids = await setUp(client, base);
    const garbage = Buffer.alloc(50 * 1024 * 1024);
    let seed = 12345;
    for (let i = 0; i < garbage.length; i += 4) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      garbage.writeUInt32LE(seed, i);
    }
    const reply = await client.post(`${base}/imports`, {
      fileName: 'statement.csv',
      content: garbage.toString('base64'),
      accountId: ids.checking,
    });
    const problem = expectProblem(reply, 422, 'UNREADABLE_FILE');
    expect(problem.detail).toMatch(/not text|binary/i);
    expect((await client.get(`${base}/imports`)).body).toEqual([]);
  });
});
