import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { openSession } from './sessions.ts';
import { insertUser } from './users.ts';

const DAY_MS = 86_400_000;
const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * DAY_MS).toISOString();

describeEachDatabase('sessions', (ctx) => {
  it('deletes expired sessions when a new one opens, and keeps the live ones', async () => {
    const { db } = ctx.database;
    const user = await insertUser(
      db,
      { email: `sessions-${process.pid}@example.com`, name: 'S', passwordHash: 'x', isAdmin: false },
      at(0),
    );
    await openSession(db, user.id, at(0), 1, null); // expires on day 1
    await openSession(db, user.id, at(0), 30, null); // expires on day 30
    await openSession(db, user.id, at(5), 30, null); // day 5: the first has expired
    const expiries = await db
      .selectFrom('sessions')
      .select('expires_at')
      .where('user_id', '=', user.id)
      .orderBy('expires_at')
      .execute();
    expect(expiries.map((row) => row.expires_at)).toEqual([at(30), at(35)]);
  });
});
