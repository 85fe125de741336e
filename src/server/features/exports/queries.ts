import type { ExportAccount, ExportTransaction } from '../../../core/export/ledger-view.ts';
import type { AccountType } from '../../../core/ledger/account.ts';
import { foldText } from '../../../core/text/fold.ts';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';

/** Every account and category of the book (archived ones too), and the names of its category groups. */
export async function loadExportAccounts(db: Db, bookId: number) {
  const [accounts, groups] = await Promise.all([
    db
      .selectFrom('accounts')
      .select(['id', 'name', 'type', 'currency', 'parent_id', 'group_id'])
      .where('book_id', '=', bookId)
      .orderBy('id')
      .execute(),
    db.selectFrom('category_groups').select(['id', 'name']).where('book_id', '=', bookId).execute(),
  ]);
  return {
    accounts: accounts.map(
      (row): ExportAccount => ({
        id: row.id,
        name: row.name,
        type: row.type as AccountType,
        currency: row.currency,
        parentId: row.parent_id,
        groupId: row.group_id,
      }),
    ),
    groupNames: new Map(groups.map((group) => [group.id, group.name])),
  };
}

/** Every currency an account or a transaction of the book is in. */
export async function bookCurrencies(db: Db, bookId: number): Promise<string[]> {
  const [accounts, transactions] = await Promise.all([
    db.selectFrom('accounts').select('currency').distinct().where('book_id', '=', bookId).execute(),
    db.selectFrom('transactions').select('currency').distinct().where('book_id', '=', bookId).execute(),
  ]);
  return [...new Set([...accounts, ...transactions].map((row) => row.currency))].sort();
}

/** Where a page of the journal starts: after this transaction's (date, id). */
export type JournalCursor = readonly [string, number] | null;

/** A page of the book's transactions, oldest first (date, then id), with postings and tag names. */
export async function journalPage(
  db: Db,
  bookId: number,
  after: JournalCursor,
  limit: number,
): Promise<ExportTransaction[]> {
  let query = db
    .selectFrom('transactions')
    .leftJoin('payees', 'payees.id', 'transactions.payee_id')
    .select([
      'transactions.id',
      'transactions.date',
      'transactions.currency',
      'transactions.description',
      'transactions.notes',
      'transactions.status',
      'payees.name as payee',
    ])
    .where('transactions.book_id', '=', bookId);
  if (after) {
    const [date, id] = after;
    query = query.where((eb) =>
      eb.or([
        eb('transactions.date', '>', date),
        eb.and([eb('transactions.date', '=', date), eb('transactions.id', '>', id)]),
      ]),
    );
  }
  const rows = await query.orderBy('transactions.date').orderBy('transactions.id').limit(limit).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [postings, tags] = await Promise.all([
    db
      .selectFrom('postings')
      .select(['transaction_id', 'account_id', 'amount', 'value', 'memo'])
      .where('transaction_id', 'in', ids)
      .orderBy('transaction_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('transaction_tags')
      .innerJoin('tags', 'tags.id', 'transaction_tags.tag_id')
      .select(['transaction_tags.transaction_id', 'tags.name'])
      .where('transaction_tags.transaction_id', 'in', ids)
      .orderBy('tags.name')
      .execute(),
  ]);
  const postingsOf = new Map<number, ExportTransaction['postings'][number][]>();
  for (const p of postings) {
    const list = postingsOf.get(p.transaction_id) ?? [];
    list.push({ accountId: p.account_id, amount: toMinor(p.amount), value: toMinor(p.value), memo: p.memo });
    postingsOf.set(p.transaction_id, list);
  }
  const tagsOf = new Map<number, string[]>();
  for (const t of tags) tagsOf.set(t.transaction_id, [...(tagsOf.get(t.transaction_id) ?? []), t.name]);
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    currency: row.currency,
    payee: row.payee,
    description: row.description,
    notes: row.notes,
    status: row.status,
    tags: tagsOf.get(row.id) ?? [],
    postings: postingsOf.get(row.id) ?? [],
  }));
}

/** The name of a book (for what the commands print). */
export async function bookName(db: Db, bookId: number): Promise<string> {
  const book = await db.selectFrom('books').select('name').where('id', '=', bookId).executeTakeFirstOrThrow();
  return book.name;
}

type Named = 'account' | 'category' | 'payee' | 'tag';

/** An account, category, payee or tag of the book, by id or by name (compared as the book compares names). */
export async function findNamedForOperator(
  db: Db,
  bookId: number,
  kind: Named,
  idOrName: string,
): Promise<number> {
  const table = kind === 'payee' ? 'payees' : kind === 'tag' ? 'tags' : 'accounts';
  let query = db.selectFrom(table).select('id').where('book_id', '=', bookId);
  if (kind === 'account') query = query.where('type', 'in', ['asset', 'liability', 'equity']);
  if (kind === 'category') query = query.where('type', 'in', ['income', 'expense']);
  const byId = /^\d{1,10}$/.test(idOrName) && Number(idOrName) <= 2_147_483_647;
  const found =
    (byId ? await query.where('id', '=', Number(idOrName)).executeTakeFirst() : undefined) ??
    (await query.where('name_key', '=', foldText(idOrName.trim())).executeTakeFirst());
  if (!found) throw new Error(`There is no ${kind} “${idOrName}” in book ${bookId}.`);
  return found.id;
}
