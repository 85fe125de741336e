/**
 * SQLite statements are prepared once and kept by SQL text (src/db/connect.ts): the same SQL must
 * give each caller its own rows, and keep working as data and schema change under it.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('kept statements', (ctx) => {
  it('gives each of many callers of the same SQL its own rows', async () => {
    const { db } = ctx.database;
    await sql`create table kept_rows (n integer not null)`.execute(db);
    await sql`insert into kept_rows (n) values (1), (2), (3)`.execute(db);
    const above = (n: number) =>
      sql<{ n: number }>`select n from kept_rows where n > ${n} order by n`.execute(db);
    const answers = await Promise.all(
      [0, 1, 2, 3, 0, 2].map(async (n) => (await above(n)).rows.map((r) => r.n)),
    );
    expect(answers).toEqual([[1, 2, 3], [2, 3], [3], [], [1, 2, 3], [3]]);
  });

  it('sees new rows and new columns through a kept statement', async () => {
    const { db } = ctx.database;
    const everything = () => sql<Record<string, unknown>>`select * from kept_rows order by n`.execute(db);
    expect((await everything()).rows).toHaveLength(3);
    await sql`insert into kept_rows (n) values (4)`.execute(db);
    await sql`alter table kept_rows add column label text`.execute(db);
    const { rows } = await everything();
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ n: 1, label: null });
  });
});
