/** A restore that cannot be done answers a 4xx problem and writes nothing at all. */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { BackupDocument } from '../../src/core/export/backup-types.ts';
import { toCount } from '../../src/db/values.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildReportLedger } from '../support/report-ledger.ts';

describeEachDatabase('restore of a bad backup', (ctx) => {
  let app: App;
  let client: Client;
  let backup: BackupDocument;

  /** Rows in every table a restore writes to. */
  async function tableCounts() {
    const counts: Record<string, number> = {};
    for (const table of [
      'books',
      'book_members',
      'category_groups',
      'accounts',
      'payees',
      'tags',
      'transactions',
      'postings',
      'transaction_tags',
      'budgets',
      'budget_amounts',
    ] as const) {
      const row = await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = toCount(row.n);
    }
    return counts;
  }

  /** Sends `body` (an object, or raw text) to restore; expects the problem and no change anywhere. */
  async function refused(body: unknown, status: number, code: string, raw?: string) {
    const before = await tableCounts();
    const books = (await client.get('/api/v1/books')).body.length;
    const reply = raw
      ? await client.request('POST', '/api/v1/books/restore', undefined, { rawBody: raw })
      : await client.post('/api/v1/books/restore', body);
    const problem = expectProblem(reply, status, code);
    expect((await client.get('/api/v1/books')).body.length).toBe(books);
    expect(await tableCounts()).toEqual(before);
    return problem;
  }

  const changed = (change: (doc: any) => void): BackupDocument => {
    const doc = structuredClone(backup);
    change(doc);
    return doc;
  };

  beforeAll(async () => {
    app = await testApp(ctx.database);
    const book = await signUpWithBook(app);
    client = book.client;
    await buildReportLedger(client, book.base);
    backup = (await client.get(`${book.base}/backup`)).body;
    expect(backup.transactions.length).toBeGreaterThan(10);
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    await refused(undefined, 400, 'MALFORMED_JSON', '{"format": "moneta-backup", ');
    await refused(undefined, 400, 'MALFORMED_JSON', 'not json at all');
    const array = await refused([backup], 422, 'INVALID_BACKUP');
    expect(array.errors).toEqual([
      { field: '/', code: 'INVALID_BACKUP', message: 'A backup is a JSON object.' },
    ]);
    const text = await client.request('POST', '/api/v1/books/restore', undefined, {
      rawBody: JSON.stringify(backup),
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses another format, and a version it does not read', async () => {
    const format = await refused({ ...backup, format: 'firefly-export' }, 422, 'INVALID_BACKUP');
    expect(format.errors.map((e) => e.field)).toEqual(['/format']);
    const version = await refused({ ...backup, version: 99 }, 422, 'INVALID_BACKUP');
    expect(version.errors.map((e) => e.field)).toEqual(['/version']);
    expect(version.detail).toContain('Backup version 99 is not one this Moneta reads (version 1)');
  });

  it('refuses a transaction that does not balance', async () => {
    const index = backup.transactions.findIndex((t) => t.postings.length === 2);
    const problem = await refused(
      changed((doc) => {
        doc.transactions[index].postings[0].amount = '1.00';
        doc.transactions[index].postings[0].value = '1.00';
      }),
      422,
      'INVALID_BACKUP',
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: `/transactions/${index}/postings`, code: 'UNBALANCED_TRANSACTION' }),
    ]);
  });

  it('refuses references to rows that are not in the backup', async () => {
    const problem = await refused(
      changed((doc) => {
        doc.transactions[3].postings[1].accountId = 987_654;
        doc.transactions[4].payeeId = 987_653;
      }),
      422,
      'INVALID_BACKUP',
    );
    expect(problem.errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      '/transactions/4/payeeId UNKNOWN_PAYEE',
      '/transactions/3/postings/1/accountId UNKNOWN_ACCOUNT',
    ]);
  });

  it('refuses a malformed row, with every problem named', async () => {
    const problem = await refused(
      changed((doc) => {
        doc.accounts[0].currency = 'EURO';
        doc.transactions[0].postings[0].amount = 12.5;
        delete doc.payees[0].name;
        doc.tags = 'trip';
      }),
      422,
      'INVALID_BACKUP',
    );
    expect(problem.errors.map((e) => e.field)).toEqual([
      '/accounts/0/currency',
      '/payees/0/name',
      '/tags',
      '/transactions/0/postings/0/amount',
    ]);
  });

  it('writes nothing when the database fails half-way, after the book and its ledger', async () => {
    // Rules are written last: a trigger makes the database refuse one, as a full disk would.
    const postgres = ctx.dialect === 'postgres';
    const db = ctx.database.db;
    if (postgres) {
      await sql`create function refuse_boom() returns trigger language plpgsql as $$
        begin raise exception 'boom'; end $$`.execute(db);
      await sql`create trigger boom before insert on rules for each row
        when (new.name = 'boom') execute function refuse_boom()`.execute(db);
    } else {
      await sql`create trigger boom before insert on rules when new.name = 'boom'
        begin select raise(abort, 'boom'); end`.execute(db);
    }
    try {
      const at = backup.exportedAt;
      const doc = changed((d) => {
        d.rules = [
          {
            id: 1,
            name: 'boom',
            position: 0,
            enabled: true,
            match: 'all',
            conditions: [],
            actions: [],
            createdAt: at,
            updatedAt: at,
          },
        ];
      });
      const before = await tableCounts();
      const reply = await client.post('/api/v1/books/restore', doc);
      expectProblem(reply, 500, 'INTERNAL_ERROR');
      expect(await tableCounts()).toEqual(before);
    } finally {
      await sql`drop trigger boom${postgres ? sql` on rules` : sql``}`.execute(db);
      if (postgres) await sql`drop function refuse_boom()`.execute(db);
    }
  });

  it('takes a backup larger than the 1 MiB body limit of other routes', async () => {
    const large = changed((doc) => {
      for (const tx of doc.transactions.slice(0, 15)) tx.notes = 'n'.repeat(90_000);
    });
    expect(JSON.stringify(large).length).toBeGreaterThan(1_048_576);
    const reply = await client.post('/api/v1/books/restore', large);
    expect(reply.status).toBe(201);
  });

  it('answers 401 without a session, 403 without the CSRF token', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/books/restore', payload: backup });
    expect(anonymous.statusCode).toBe(401);
    const before = await tableCounts();
    const noToken = await client.request('POST', '/api/v1/books/restore', backup, { csrf: false });
    expectProblem(noToken, 403, 'CSRF_TOKEN_INVALID');
    expect(await tableCounts()).toEqual(before);
  });
});
