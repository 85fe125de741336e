/**
 * A write that cannot get the database in time answers 503 `DATABASE_BUSY` with `Retry-After`, not
 * 500, and changes nothing; reads go on meanwhile. On SQLite another process's write lock does
 * this once `busy_timeout` runs out; on PostgreSQL only a deadlock or a serialization failure can
 * (its writers wait on rows), so there the classification alone is checked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isDatabaseBusy } from '../../src/db/busy.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';

describe('a write that cannot get the database in time', () => {
  it('answers 503 DATABASE_BUSY with Retry-After while another process holds the write lock [sqlite]', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'moneta-busy-'));
    const file = join(folder, 'moneta.db');
    const database = openDatabase(file, { busyTimeoutMs: 200 });
    try {
      await migrateToLatest(database);
      const app = await testApp(database);
      const { client, base } = await signUpWithBook(app);
      const other = new SqliteDatabase(file);
      other.exec('begin immediate');
      try {
        const busy = await client.post(`${base}/tags`, { name: 'Holiday' });
        expectProblem(busy, 503, 'DATABASE_BUSY');
        expect(busy.headers['retry-after']).toBe('1');
        expect((await client.get(`${base}/tags`)).body).toEqual([]);
      } finally {
        other.exec('rollback');
        other.close();
      }
      expect((await client.post(`${base}/tags`, { name: 'Holiday' })).status).toBe(201);
      await app.close();
    } finally {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('tells "try again" errors of both databases from the rest', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', '40P01', '40001', '55P03'])
      expect([code, isDatabaseBusy(coded(code))]).toEqual([code, true]);
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', '23505', '42P01'])
      expect([code, isDatabaseBusy(coded(code))]).toEqual([code, false]);
    expect(isDatabaseBusy(new Error('database is locked'))).toBe(false);
    expect(isDatabaseBusy(undefined)).toBe(false);
  });
});
