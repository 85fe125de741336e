import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { forgetPlan } from '../../src/server/features/imports/preview-store.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { memberWithRole } from '../support/book-data.ts';
import { budgetLedger } from '../support/budget-ledger.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * The import as users run it (issue 12): a preview kept by id answers its counts and first page,
 * the rest is paged by filter, and the commit writes the kept preview without the file.
 */

const ROWS = 250;
const payees = ['Cafe Central', 'REWE Markt', 'Bookshop', 'ACME GmbH'];

/** 250 rows: a rule categorises the cafés, the payee's default the REWE rows, the rest are left. */
function csv(rows = ROWS): string {
  const lines = ['Date;Payee;Purpose;Amount'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    const payee = payees[i % payees.length]!;
    const amount =
      payee === 'ACME GmbH' ? `${100 + i},00` : `-${(i % 50) + 1},${String(i % 100).padStart(2, '0')}`;
    lines.push(`${day}.${month}.2025;${payee};Row ${i};${amount}`);
  }
  return `${lines.join('\n')}\n`;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A book with a rule, a payee default, 20 rows of the file already imported and one likely duplicate. */
async function setUp(client: Client, base: string) {
  const { ids, post } = await budgetLedger(client, base);
  const rule = await post('/rules', {
    name: 'Cafés',
    conditions: [{ field: 'payee', operator: 'contains', value: 'cafe' }],
    actions: [{ type: 'setCategory', categoryId: ids.fun }],
  });
  await post('/payees', { name: 'REWE Markt', defaultCategoryId: ids.food });
  const imported = await client.post(`${base}/imports`, {
    fileName: 'first.csv',
    content: b64(csv(20)),
    accountId: ids.checking,
  });
  expect(imported.status).toBe(201);
  // Row 30 (31.01 → 03.02.2025, -31,30) entered by hand: a likely duplicate.
  await post('/transactions', {
    date: '2025-02-03',
    postings: [
      { accountId: ids.checking, amount: { amount: '-31.30', currency: 'EUR' } },
      { accountId: ids.fun, amount: { amount: '31.30', currency: 'EUR' } },
    ],
  });
  return { ids, rule };
}

async function allPages(client: Client, base: string, previewId: string, filter: string, limit: number) {
  const rows: any[] = [];
  let cursor: string | null = null;
  for (;;) {
    const query: string = `filter=${filter}&limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`;
    const page = await client.get(`${base}/imports/previews/${previewId}/rows?${query}`);
    expect(page.status).toBe(200);
    expect(page.body.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...page.body.rows);
    cursor = page.body.nextCursor;
    if (cursor === null) return rows;
  }
}

const hasError = (row: any) => row.amount === null || row.issues.some((i: any) => i.severity === 'error');
const FILTERS: Record<string, (row: any, ruleId: number) => boolean> = {
  duplicates: (row) => row.duplicate !== null,
  uncategorised: (row) =>
    !hasError(row) && row.category === null && row.transferAccount === null && row.split.length === 0,
  errors: hasError,
  problems: (row) => row.issues.length > 0,
  rule: (row, ruleId) => row.matchedRuleIds.includes(ruleId),
};

async function transactions(client: Client, base: string) {
  const items = (await client.get(`${base}/transactions?limit=500`)).body.items as any[];
  return items
    .map((t) => [t.date, t.description, t.postings.map((p: any) => p.amount.amount).join(' ')].join('|'))
    .sort();
}

describeEachDatabase('import previews kept by id', (ctx) => {
  it('answers the counts and the first page, and pages every filter to exactly the rows of the whole preview', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const { ids, rule } = await setUp(client, base);
    const preview = await client.post(`${base}/imports/preview`, {
      fileName: 'year.csv',
      content: b64(csv()),
      accountId: ids.checking,
    });
    expect(preview.status).toBe(200);
    const { previewId, rows, nextCursor, summary } = preview.body;
    expect(previewId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows.map((row: any) => row.index)).toEqual([...Array(100).keys()]);
    expect(nextCursor).toBe('100');
    expect(summary).toMatchObject({ rows: ROWS, exactDuplicates: 20, likelyDuplicates: 1, errors: 0 });

    const all = await allPages(client, base, previewId, 'all', 100);
    expect(all.map((row) => row.index)).toEqual([...Array(ROWS).keys()]);
    expect(all.slice(0, 100)).toEqual(rows);
    expect(await allPages(client, base, previewId, 'all', 7)).toEqual(all);
    expect(all.filter((row) => row.action === 'import')).toHaveLength(summary.toImport);
    expect(all.filter(FILTERS.uncategorised!)).toHaveLength(summary.uncategorised);
    expect(summary.rules).toEqual([{ ruleId: rule, rows: all.filter((r) => FILTERS.rule!(r, rule)).length }]);
    for (const [name, keep] of Object.entries(FILTERS)) {
      const filter = name === 'rule' ? `rule:${rule}` : name;
      const expected = all.filter((row) => keep(row, rule));
      expect([filter, await allPages(client, base, previewId, filter, 13)]).toEqual([filter, expected]);
    }
    expect(all.filter(FILTERS.duplicates!)).toHaveLength(21);
    expect(all.filter((r) => FILTERS.rule!(r, rule)).length).toBeGreaterThan(50);

    const broken = await client.get(`${base}/imports/previews/${previewId}/rows?filter=rule:x`);
    expectProblem(broken, 400, 'VALIDATION_FAILED');
  });

  it('commits a kept preview as the old upload did, with the same choices, and forgets it', async () => {
    const app = await testApp(ctx.database);
    const written: string[][] = [];
    const batches: unknown[] = [];
    for (const byPreview of [false, true]) {
      const { client, base } = await signUpWithBook(app);
      const { ids } = await setUp(client, base);
      const file = { fileName: 'year.csv', content: b64(csv()), accountId: ids.checking };
      const choices = {
        exclude: [25, 240],
        include: [30],
        categories: [{ index: 41, categoryId: ids.rent }],
        profileName: 'Bank CSV',
      };
      const preview = await client.post(`${base}/imports/preview`, file);
      const committed = byPreview
        ? await client.post(`${base}/imports/previews/${preview.body.previewId}/commit`, choices)
        : await client.post(`${base}/imports`, { ...file, ...choices });
      expect(committed.status).toBe(201);
      const { transactionCount, skippedCount, sha256, fileName, format } = committed.body;
      batches.push({ transactionCount, skippedCount, sha256, fileName, format });
      written.push(await transactions(client, base));
      if (byPreview) {
        const again = await client.post(`${base}/imports/previews/${preview.body.previewId}/commit`, {});
        expectProblem(again, 404, 'NOT_FOUND');
        const profiles = await client.get(`${base}/import-profiles`);
        expect(profiles.body.map((p: any) => p.name)).toContain('Bank CSV');
      }
    }
    expect(batches[1]).toEqual(batches[0]);
    expect(batches[0]).toMatchObject({ transactionCount: ROWS - 20 - 2, skippedCount: 22 });
    expect(written[1]).toEqual(written[0]);
  });

  it('refuses rows with errors unless told to leave them out', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const { ids } = await setUp(client, base);
    const broken = csv(40).replace('-22,21', '-22,215');
    const preview = await client.post(`${base}/imports/preview`, {
      fileName: 'broken.csv',
      content: b64(broken),
      accountId: ids.checking,
    });
    expect(preview.body.summary.errors).toBe(1);
    const commit = (body: object) =>
      client.post(`${base}/imports/previews/${preview.body.previewId}/commit`, body);
    expectProblem(await commit({}), 422, 'IMPORT_HAS_ERRORS');
    const committed = await commit({ skipErrors: true });
    expect(committed.body).toMatchObject({ transactionCount: 18, skippedCount: 22 });
  });

  it('refuses an error in a late chunk of a streamed file after writing the chunks before it, and leaves nothing', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const { ids } = await setUp(client, base);
    const lines = csv(12_000).split('\n');
    // Row 11,000, in the third chunk of 5,000: one decimal too many.
    lines[11_001] = lines[11_001]!.replace(/;[^;]*$/, ';-1,234');
    const preview = await client.post(`${base}/imports/preview`, {
      fileName: 'late.csv',
      content: b64(lines.join('\n')),
      accountId: ids.checking,
    });
    expect(preview.body.summary).toMatchObject({ rows: 12_000, errors: 1 });
    const { previewId } = preview.body;
    const errors = await client.get(`${base}/imports/previews/${previewId}/rows?filter=errors`);
    expect(errors.body.rows.map((row: any) => row.index)).toEqual([11_000]);
    const before = await transactions(client, base);
    const commit = (body: object) => client.post(`${base}/imports/previews/${previewId}/commit`, body);
    const refused = await commit({});
    expectProblem(refused, 422, 'IMPORT_HAS_ERRORS');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: '/rows/11000' })]);
    expect(await transactions(client, base)).toEqual(before);
    expect((await client.get(`${base}/imports`)).body).toHaveLength(1);
    const committed = await commit({ exclude: [11_000] });
    expect(committed.status).toBe(201);
    expect(committed.body.transactionCount + committed.body.skippedCount).toBe(12_000);
    expect(committed.body.transactionCount).toBe(preview.body.summary.toImport);
  });

  it('plans a preview again from its kept file when this process no longer holds its plan', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const { ids } = await setUp(client, base);
    const file = { fileName: 'year.csv', content: b64(csv()), accountId: ids.checking };
    const first = await client.post(`${base}/imports/preview`, file);
    const all = await allPages(client, base, first.body.previewId, 'all', 100);
    // As another instance of the server would, or once newer plans pushed it out of memory.
    forgetPlan(first.body.previewId);
    expect(await allPages(client, base, first.body.previewId, 'all', 100)).toEqual(all);
    const committed = await client.post(`${base}/imports/previews/${first.body.previewId}/commit`, {});
    expect(committed.body).toMatchObject({ transactionCount: ROWS - 21, skippedCount: 21 });
  });

  it('answers 404 for an unknown preview and one of another user or book, 410 for an expired one, and writes nothing', async () => {
    const app = await testApp(ctx.database);
    const { client, base, book } = await signUpWithBook(app);
    const { ids } = await setUp(client, base);
    const preview = await client.post(`${base}/imports/preview`, {
      fileName: 'year.csv',
      content: b64(csv()),
      accountId: ids.checking,
    });
    const { previewId } = preview.body;
    const before = await transactions(client, base);
    const rows = (who: Client, at: string, id: string) => who.get(`${at}/imports/previews/${id}/rows`);
    const commit = (who: Client, at: string, id: string) =>
      who.post(`${at}/imports/previews/${id}/commit`, {});

    const unknown = randomUUID();
    expectProblem(await rows(client, base, unknown), 404, 'NOT_FOUND');
    expectProblem(await commit(client, base, unknown), 404, 'NOT_FOUND');
    // Another editor of the same book does not see it.
    const editor = await memberWithRole(app, ctx.database.db, book.id, 'editor');
    expectProblem(await rows(editor, base, previewId), 404, 'NOT_FOUND');
    expectProblem(await commit(editor, base, previewId), 404, 'NOT_FOUND');
    // Nor does the same user in another book of theirs.
    const other = await client.post('/api/v1/books', { name: 'Other', baseCurrency: 'EUR' });
    const otherBase = `/api/v1/books/${other.body.id}`;
    expectProblem(await rows(client, otherBase, previewId), 404, 'NOT_FOUND');
    expectProblem(await commit(client, otherBase, previewId), 404, 'NOT_FOUND');
    // A choice the file cannot have is refused; the preview stays.
    const refused = await client.post(`${base}/imports/previews/${previewId}/commit`, { exclude: [ROWS] });
    expectProblem(refused, 400, 'VALIDATION_FAILED');
    expect((await rows(client, base, previewId)).status).toBe(200);

    await ctx.database.db
      .updateTable('import_previews')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', previewId)
      .execute();
    expectProblem(await commit(client, base, previewId), 410, 'PREVIEW_EXPIRED');
    // An expired preview is deleted: then it is unknown.
    expectProblem(await rows(client, base, previewId), 404, 'NOT_FOUND');
    expect(await transactions(client, base)).toEqual(before);
    const batches = await client.get(`${base}/imports`);
    expect(batches.body).toHaveLength(1);
  });

  it('deletes expired previews at the next preview, and keeps previews out of backups', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const { ids } = await setUp(client, base);
    const file = { fileName: 'year.csv', content: b64(csv(3)), accountId: ids.checking };
    const first = await client.post(`${base}/imports/preview`, file);
    await ctx.database.db
      .updateTable('import_previews')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', first.body.previewId)
      .execute();
    const second = await client.post(`${base}/imports/preview`, file);
    const kept = await ctx.database.db
      .selectFrom('import_previews')
      .select('id')
      .where('id', 'in', [first.body.previewId, second.body.previewId])
      .execute();
    expect(kept.map((row) => row.id)).toEqual([second.body.previewId]);
    const backup = await client.get(`${base}/backup`);
    expect(JSON.stringify(backup.body)).not.toContain(second.body.previewId);
  });
});
