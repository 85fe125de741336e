import { beforeAll, expect, it } from 'vitest';
import { currency } from '../../src/core/money/index.ts';
import type { Db } from '../../src/db/connect.ts';
import { loadCompiledRules, loadRowClassifier, loadSuggester } from '../../src/server/features/rules/load.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { addUncategorisedExpense, memberWithRole } from '../support/book-data.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const NOW = '2026-11-21T10:00:00.000Z';

describeEachDatabase('category suggestions', (ctx) => {
  let app: App;
  let db: Db;
  let client: Client;
  let base: string;
  let bookId: number;
  const ids: Record<string, number> = {};

  const post = async (path: string, body: object) => {
    const reply = await client.post(`${base}${path}`, body);
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id as number;
  };
  const book = (date: string, payeeName: string, description: string, postings: [number, string][]) =>
    post('/transactions', {
      date,
      payeeName,
      description,
      postings: postings.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
    });
  const suggestions = async (query: string) => {
    const reply = await client.get(`${base}/suggestions?${query}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body as { suggestions: { categoryId: number; confidence: number }[]; trainedOn: number };
  };

  beforeAll(async () => {
    app = await testApp(ctx.database);
    db = ctx.database.db;
    let created: { id: number };
    ({ client, base, book: created } = await signUpWithBook(app));
    bookId = created.id;
    ids.checking = await post('/accounts', {
      name: 'Checking',
      type: 'asset',
      openingBalance: eur('500.00'),
      openingDate: '2025-12-31',
    });
    ids.savings = await post('/accounts', { name: 'Savings', type: 'asset' });
    for (const [name, kind] of [
      ['groceries', 'expense'],
      ['fuel', 'expense'],
      ['eatingOut', 'expense'],
      ['refunds', 'income'],
      ['salary', 'income'],
      ['drinks', 'expense'],
    ] as const) {
      ids[name] = await post('/categories', { name, kind });
    }
    ids.uncategorised = await addUncategorisedExpense(db, bookId);
    for (let day = 1; day <= 9; day++) {
      const date = `2026-01-0${day}`;
      await book(date, 'REWE Markt GmbH', `CARD 12${day}4 REWE SAGT DANKE 4582${day} MUENCHEN`, [
        [ids.checking!, `-${day}2.50`],
        [ids.groceries!, `${day}2.50`],
      ]);
      if (day % 3 === 0) {
        await book(date, 'Aral', `KARTENZAHLUNG ARAL TANKSTELLE ${day}`, [
          [ids.checking!, '-60.00'],
          [ids.fuel!, '60.00'],
        ]);
        await book(date, 'Pizzeria Roma', 'PIZZERIA ROMA MUENCHEN', [
          [ids.checking!, '-25.00'],
          [ids.eatingOut!, '25.00'],
        ]);
      }
    }
    await book('2026-01-10', 'REWE Markt GmbH', 'RUECKERSTATTUNG REWE PFAND', [
      [ids.checking!, '3.25'],
      [ids.refunds!, '-3.25'],
    ]);
    await book('2026-01-11', 'REWE Markt GmbH', 'REWE RUECKERSTATTUNG', [
      [ids.checking!, '4.00'],
      [ids.refunds!, '-4.00'],
    ]);
    await book('2026-01-12', 'ACME GmbH', 'GEHALT JANUAR', [
      [ids.checking!, '2000.00'],
      [ids.salary!, '-2000.00'],
    ]);
    // Teach nothing: a transfer, a split, an uncategorised row (and the opening balance).
    await book('2026-01-13', 'Kiosk Drinks', 'KIOSK DRINKS', [
      [ids.checking!, '-100.00'],
      [ids.savings!, '100.00'],
    ]);
    await book('2026-01-14', 'Kiosk Drinks', 'KIOSK DRINKS', [
      [ids.checking!, '-10.00'],
      [ids.drinks!, '5.00'],
      [ids.groceries!, '5.00'],
    ]);
    await book('2026-01-15', 'Kiosk Drinks', 'KIOSK DRINKS', [
      [ids.checking!, '-7.00'],
      [ids.uncategorised!, '7.00'],
    ]);
  });

  it('suggests the categories the book’s history gives the payee and words, likeliest first', async () => {
    const body = await suggestions(
      'payee=Rewe%20Markt%20GmbH&description=CARD%209999%20REWE%20SAGT%20DANKE&amount=-12.30',
    );
    expect(body.trainedOn).toBe(9 + 3 + 3 + 2 + 1);
    expect(body.suggestions.length).toBe(3);
    expect(body.suggestions[0]).toMatchObject({ categoryId: ids.groceries });
    expect(body.suggestions[0]!.confidence).toBeGreaterThan(0.8);
    const confidences = body.suggestions.map((s) => s.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    for (const c of confidences) expect(c >= 0 && c <= 1).toBe(true);
    expect((await suggestions('description=aral')).suggestions[0]?.categoryId).toBe(ids.fuel);
    expect((await suggestions('payee=pizzeria%20roma')).suggestions[0]?.categoryId).toBe(ids.eatingOut);
  });

  it('uses the amount’s sign: money in from the shop is a refund', async () => {
    expect((await suggestions('payee=REWE%20Markt%20GmbH&amount=5.00')).suggestions[0]?.categoryId).toBe(
      ids.refunds,
    );
    expect((await suggestions('payee=REWE%20Markt%20GmbH&amount=-5.00')).suggestions[0]?.categoryId).toBe(
      ids.groceries,
    );
  });

  it('suggests nothing for words it never saw, nor from transfers, splits and uncategorised rows', async () => {
    expect((await suggestions('payee=Unknown&description=1234%205678')).suggestions).toEqual([]);
    expect((await suggestions('')).suggestions).toEqual([]);
    expect((await suggestions('payee=Kiosk%20Drinks&description=KIOSK%20DRINKS')).suggestions).toEqual([]);
  });

  it('refuses a bad query; a viewer may ask', async () => {
    expectProblem(await client.get(`${base}/suggestions?amount=abc`), 400, 'VALIDATION_FAILED');
    expectProblem(await client.get(`${base}/suggestions?amount=1e5`), 400, 'VALIDATION_FAILED');
    expectProblem(await client.get(`${base}/suggestions?colour=red`), 400, 'VALIDATION_FAILED');
    expectProblem(await client.get(`${base}/suggestions?payee=${'x'.repeat(201)}`), 400, 'VALIDATION_FAILED');
    const viewer = await memberWithRole(app, db, bookId, 'viewer');
    const reply = await viewer.get(`${base}/suggestions?payee=Aral`);
    expect(reply.body.suggestions[0].categoryId).toBe(ids.fuel);
  });

  it('gives the import one classifier: the enabled rules’ outcome and the suggestions of each row', async () => {
    await post('/rules', {
      name: 'Pizza',
      conditions: [{ field: 'description', operator: 'contains', value: 'pizzeria' }],
      actions: [{ type: 'setPayee', payee: 'Pizzeria Roma' }],
    });
    await post('/rules', { name: 'Off', enabled: false, actions: [{ type: 'setNotes', notes: 'x' }] });
    expect((await loadCompiledRules(db, bookId)).rules.length).toBe(1);
    const classify = await loadRowClassifier(db, bookId);
    const { outcome, suggestions: suggested } = classify({
      payee: null,
      description: 'PIZZERIA ROMA SAGT DANKE',
      notes: null,
      amount: { minor: -2000n, currency: currency('EUR') },
      accountId: ids.checking!,
      date: '2026-02-01',
    });
    expect(outcome).toMatchObject({ payee: 'Pizzeria Roma', tagIds: [] });
    expect(outcome.matchedRuleIds.length).toBe(1);
    expect(suggested[0]?.categoryId).toBe(ids.eatingOut);
  });

  it('offers an imported row only suggestions more likely right than wrong', async () => {
    const lines = [
      'Date;Payee;Purpose;Amount',
      '02.02.2026;REWE Markt GmbH;CARD 9999 REWE SAGT DANKE;-12,30',
      '03.02.2026;Stadtwerke;MUENCHEN PARKHAUS;-5,00',
      '04.02.2026;Unknown;1234 5678;-1,00',
    ];
    const preview = await client.post(`${base}/imports/preview`, {
      fileName: 'february.csv',
      content: Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64'),
      accountId: ids.checking,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const rows = preview.body.rows as { suggestions: { categoryId: number; confidence: number }[] }[];
    // Asked directly, the REWE row's history gives three categories, two of them long shots.
    expect(
      (
        await suggestions(
          'payee=REWE%20Markt%20GmbH&description=CARD%209999%20REWE%20SAGT%20DANKE&amount=-12.30',
        )
      ).suggestions,
    ).toHaveLength(3);
    expect(rows[0]!.suggestions.map((s) => s.categoryId)).toEqual([ids.groceries]);
    for (const row of rows) for (const s of row.suggestions) expect(s.confidence).toBeGreaterThanOrEqual(0.5);
    expect(rows[2]!.suggestions).toEqual([]);
  });

  it('learns from the latest 5,000 transactions only', async () => {
    // 5,000 newer transactions of another shop push the whole history above out of the window.
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      book_id: bookId,
      date: '2026-06-01',
      currency: 'EUR',
      total: 100 + i,
      payee_id: null,
      description: `LIDL ${i}`,
      search_text: 'lidl',
      status: 'cleared' as const,
      created_at: NOW,
      updated_at: NOW,
    }));
    for (let start = 0; start < rows.length; start += 500) {
      const inserted = await db
        .insertInto('transactions')
        .values(rows.slice(start, start + 500))
        .returning(['id', 'total'])
        .execute();
      await db
        .insertInto('postings')
        .values(
          inserted.flatMap((row, k) => [
            {
              book_id: bookId,
              transaction_id: row.id,
              account_id: ids.checking!,
              date: '2026-06-01',
              amount: -(100 + start + k),
              value: -(100 + start + k),
              position: 0,
            },
            {
              book_id: bookId,
              transaction_id: row.id,
              account_id: ids.groceries!,
              date: '2026-06-01',
              amount: 100 + start + k,
              value: 100 + start + k,
              position: 1,
            },
          ]),
        )
        .execute();
    }
    const started = performance.now();
    const model = await loadSuggester(db, bookId);
    console.log(
      `suggestions: loading and training on 5,000 transactions took ${Math.round(performance.now() - started)} ms (${ctx.dialect})`,
    );
    expect(model.examples).toBe(5000);
    expect((await suggestions('payee=Aral&description=ARAL%20TANKSTELLE')).suggestions).toEqual([]);
    expect((await suggestions('description=LIDL')).suggestions[0]?.categoryId).toBe(ids.groceries);
  });
});
