import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from './databases.ts';

describeEachDatabase('test database', (ctx) => {
  it('is the server its dialect names', async () => {
    const { db } = ctx.database;
    expect(ctx.database.dialect).toBe(ctx.dialect);
    if (ctx.dialect === 'sqlite') {
      const { rows } = await sql<{ version: string }>`select sqlite_version() as version`.execute(db);
      expect(rows[0]?.version).toMatch(/^3\.\d+/);
      await expect(sql`select version()`.execute(db)).rejects.toThrow();
    } else {
      const { rows } = await sql<{ version: string }>`select version() as version`.execute(db);
      expect(rows[0]?.version).toContain('PostgreSQL');
      await expect(sql`select sqlite_version()`.execute(db)).rejects.toThrow();
    }
  });

  it('is migrated: a user can be written and read back', async () => {
    const { db } = ctx.database;
    const now = new Date('2026-01-02T03:04:05.000Z').toISOString();
    const inserted = await db
      .insertInto('users')
      .values({
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        password_hash: '$argon2id$not-a-real-hash',
        is_admin: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(inserted.id)).toBeGreaterThan(0);

    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'ada@example.com')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      password_hash: '$argon2id$not-a-real-hash',
      created_at: now,
      updated_at: now,
    });
    expect(Number(user.id)).toBe(Number(inserted.id));
    expect(Number(user.is_admin)).toBe(1);
  });

  it('enforces unique e-mail addresses', async () => {
    const now = new Date().toISOString();
    const row = {
      email: 'dup@example.com',
      name: 'Dup',
      password_hash: 'x',
      created_at: now,
      updated_at: now,
    };
    await ctx.database.db.insertInto('users').values(row).execute();
    await expect(ctx.database.db.insertInto('users').values(row).execute()).rejects.toThrow();
  });

  it('openTestDatabase gives a separate, empty, migrated database', async () => {
    const own = await openTestDatabase(ctx.dialect);
    try {
      const { count } = await own.database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(0);
    } finally {
      await own.dispose();
    }
  });
});
