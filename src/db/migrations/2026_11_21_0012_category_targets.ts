import { type Kysely, sql } from 'kysely';

/**
 * A category's monthly target (issue 12): what the envelope budget's "fill targets" helper
 * assigns it each month, in minor units of the category's currency (the book's base currency).
 * Null is no target; only expense categories hold one (the API refuses the rest), never negative.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('target', 'bigint', (c) => c.check(sql`target >= 0`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('target').execute();
}
