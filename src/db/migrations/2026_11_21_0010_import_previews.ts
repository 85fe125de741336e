import type { Kysely } from 'kysely';
import { columnTypes } from './dialect.ts';

/**
 * An import's preview is kept for a while (issue 12), so that its rows can be paged through and the
 * commit need not send the file again: the file's bytes, how to read it (the request's options as
 * JSON) and who made it. A table rather than a temporary file, so that several instances on
 * PostgreSQL share it. Previews are not finance data: backups leave them out, and expired ones are
 * deleted at the next preview.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('import_previews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // The ImportRequest without the file (src/server/features/imports/prepare.ts), as JSON.
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('content', t.postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_previews_expiry').on('import_previews').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_previews').execute();
}
