import { type Kysely, sql } from 'kysely';
import { columnTypes } from './dialect.ts';

/**
 * An import writes its batch in many short transactions (issue 11), so a batch can be seen half
 * written: `status` is 'importing' until its last rows are in, then 'complete'. While importing,
 * `writer` names the process that writes it ('<host> <pid>') and `heartbeat_at` moves with each
 * chunk, so that a batch whose writer died is found and removed (see imports/recovery.ts).
 * Batches written before this migration are complete.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('import_batches')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('complete').check(sql`status in ('importing', 'complete')`),
    )
    .execute();
  await db.schema.alterTable('import_batches').addColumn('writer', 'text').execute();
  await db.schema.alterTable('import_batches').addColumn('heartbeat_at', t.instant).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['heartbeat_at', 'writer', 'status']) {
    await db.schema.alterTable('import_batches').dropColumn(column).execute();
  }
}
