import { type Kysely, sql } from 'kysely';
import { columnTypes } from './dialect.ts';

/** Users, sessions, books and their members, and the double-entry ledger. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', t.id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('books')
    .addColumn('id', 'integer', t.id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('book_members')
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'editor', 'viewer')`))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('book_members_pk', ['book_id', 'user_id'])
    .execute();
  await db.schema.createIndex('book_members_user').on('book_members').column('user_id').execute();

  await db.schema
    .createTable('category_groups')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('income', 'expense')`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('category_groups_book_name')
    .on('category_groups')
    .columns(['book_id', 'kind', 'name_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('asset', 'liability', 'income', 'expense', 'equity')`),
    )
    .addColumn('subtype', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('group_id', 'integer', (c) => c.references('category_groups.id'))
    .addColumn('role', 'text')
    .addColumn('notes', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('balance', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accounts_book').on('accounts').columns(['book_id', 'type']).execute();
  await db.schema.createIndex('accounts_group').on('accounts').column('group_id').execute();
  await db.schema.createIndex('accounts_parent').on('accounts').column('parent_id').execute();

  await db.schema
    .createTable('payees')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('default_category_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('payees_book_name')
    .on('payees')
    .columns(['book_id', 'name_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('color', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tags_book_name')
    .on('tags')
    .columns(['book_id', 'name_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('transactions')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('payee_id', 'integer', (c) => c.references('payees.id').onDelete('set null'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'cleared', 'reconciled')`),
    )
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('transactions_book_date')
    .on('transactions')
    .columns(['book_id', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('transactions_payee')
    .on('transactions')
    .columns(['payee_id', 'date'])
    .execute();

  await db.schema
    .createTable('postings')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('transaction_id', 'integer', (c) =>
      c.notNull().references('transactions.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('memo', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('postings_account_date')
    .on('postings')
    .columns(['account_id', 'date', 'transaction_id', 'amount'])
    .execute();
  await db.schema.createIndex('postings_transaction').on('postings').column('transaction_id').execute();

  await db.schema
    .createTable('transaction_tags')
    .addColumn('transaction_id', 'integer', (c) =>
      c.notNull().references('transactions.id').onDelete('cascade'),
    )
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('transaction_tags_pk', ['transaction_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('transaction_tags_tag').on('transaction_tags').column('tag_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'transaction_tags',
    'postings',
    'transactions',
    'tags',
    'payees',
    'accounts',
    'category_groups',
    'book_members',
    'books',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
