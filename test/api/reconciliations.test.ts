/**
 * Reconciliation against a statement: the cleared total up to the statement's date must equal its
 * balance; finishing marks those transactions reconciled, remembers which, and can be undone; a
 * backup carries the history over.
 */
import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('reconciliation', (ctx) => {
  let app: App;
  beforeAll(async () => {
    app = await testApp(ctx.database);
  });

  async function ledger() {
    const { client, base, made } = await signUpWithBook(app);
    const checking = await made('/accounts', { name: 'Checking', type: 'asset', subtype: 'checking' });
    const food = await made('/categories', { name: 'Food', kind: 'expense' });
    const spend = (date: string, amount: string, status: string) =>
      made('/transactions', {
        date,
        status,
        postings: [
          { accountId: checking, amount: eur(`-${amount}`) },
          { accountId: food, amount: eur(amount) },
        ],
      });
    const ids = {
      checking,
      food,
      a: await spend('2026-01-05', '10.00', 'cleared'),
      b: await spend('2026-01-20', '5.50', 'pending'),
      c: await spend('2026-01-25', '4.00', 'cleared'),
      later: await spend('2026-02-03', '100.00', 'cleared'),
    };
    return { client, base, ids };
  }

  it('finishes when the cleared total meets the statement, and undoes', async () => {
    const { client, base, ids } = await ledger();
    const at = `${base}/accounts/${ids.checking}`;
    const start = await client.get(`${at}/cleared?date=2026-01-31`);
    expect(start.body).toEqual({
      date: '2026-01-31',
      cleared: eur('-14.00'),
      pending: eur('-5.50'),
      pendingCount: 1,
      last: null,
    });
    // The statement shows the pending one too: 5.50 apart until it is cleared.
    const apart = expectProblem(
      await client.post(`${at}/reconciliations`, {
        statementDate: '2026-01-31',
        statementBalance: eur('-19.50'),
      }),
      422,
      'STATEMENT_MISMATCH',
    );
    expect(apart.detail).toContain('-5.50 apart');
    expect((await client.get(`${base}/transactions/${ids.a}`)).body.status).toBe('cleared');
    expect(
      (await client.request('PATCH', `${base}/transactions/${ids.b}`, { status: 'cleared' })).status,
    ).toBe(200);

    const done = await client.post(`${at}/reconciliations`, {
      statementDate: '2026-01-31',
      statementBalance: eur('-19.50'),
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({
      accountId: ids.checking,
      statementDate: '2026-01-31',
      statementBalance: eur('-19.50'),
      transactionCount: 3,
    });
    const statusOf = async (id: number) => (await client.get(`${base}/transactions/${id}`)).body.status;
    expect([
      await statusOf(ids.a),
      await statusOf(ids.b),
      await statusOf(ids.c),
      await statusOf(ids.later),
    ]).toEqual(['reconciled', 'reconciled', 'reconciled', 'cleared']);
    expect((await client.get(`${at}/cleared?date=2026-02-28`)).body.last).toEqual({
      statementDate: '2026-01-31',
      statementBalance: eur('-19.50'),
    });
    const history = (await client.get(`${at}/reconciliations`)).body as any[];
    expect(history.map((r) => r.id)).toEqual([done.body.id]);

    // A backup restores the history and which transactions it reconciled.
    const backup = (await client.get(`${base}/backup`)).body;
    expect(backup.reconciliations).toHaveLength(1);
    const restored = await client.post('/api/v1/books/restore', backup);
    expect(restored.status).toBe(201);
    const copy = `/api/v1/books/${restored.body.book.id}`;
    expect((await client.get(`${copy}/backup`)).body.reconciliations).toEqual([
      { ...backup.reconciliations[0], id: expect.any(Number), accountId: expect.any(Number) },
    ]);

    expect((await client.request('DELETE', `${at}/reconciliations/${done.body.id}`)).status).toBe(204);
    expect([await statusOf(ids.a), await statusOf(ids.b), await statusOf(ids.c)]).toEqual([
      'cleared',
      'cleared',
      'cleared',
    ]);
    expect((await client.get(`${at}/reconciliations`)).body).toEqual([]);
  });

  it('refuses a category, another currency, a bad date and someone else’s reconciliation', async () => {
    const { client, base, ids } = await ledger();
    expectProblem(
      await client.post(`${base}/accounts/${ids.food}/reconciliations`, {
        statementDate: '2026-01-31',
        statementBalance: eur('0.00'),
      }),
      422,
      'INVALID_ACCOUNT_KIND',
    );
    expectProblem(
      await client.post(`${base}/accounts/${ids.checking}/reconciliations`, {
        statementDate: '2026-01-31',
        statementBalance: { amount: '-14.00', currency: 'USD' },
      }),
      422,
      'CURRENCY_MISMATCH',
    );
    expectProblem(
      await client.post(`${base}/accounts/${ids.checking}/reconciliations`, {
        statementDate: '2026-02-30',
        statementBalance: eur('-14.00'),
      }),
      422,
      'INVALID_DATE',
    );
    const other = await ledger();
    const theirs = await other.client.post(`${other.base}/accounts/${other.ids.checking}/reconciliations`, {
      statementDate: '2026-01-31',
      statementBalance: eur('-14.00'),
    });
    expect(theirs.status).toBe(201);
    expectProblem(
      await client.request('DELETE', `${base}/accounts/${ids.checking}/reconciliations/${theirs.body.id}`),
      404,
      'NOT_FOUND',
    );
    expect((await other.client.get(`${other.base}/transactions/${other.ids.a}`)).body.status).toBe(
      'reconciled',
    );
  });
});
