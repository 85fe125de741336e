import { foldText } from '../core/text/fold.ts';
import type { Db } from '../db/connect.ts';
import type { BookScope } from '../server/types.ts';

/**
 * The book a command works on, acting as one of its owners: `--book` is an id or a name, `--user`
 * an owner's e-mail (default: the first owner). The operator has the machine; the book's owners
 * are who the changes are recorded against.
 */
export async function commandBookScope(db: Db, book: string, userEmail?: string): Promise<BookScope> {
  const query = db.selectFrom('books').select(['id', 'name', 'base_currency']);
  const rows = /^\d+$/.test(book)
    ? await query.where('id', '=', Number(book)).execute()
    : (await query.execute()).filter((row) => foldText(row.name) === foldText(book.trim()));
  if (rows.length === 0) throw new Error(`There is no book '${book}'.`);
  if (rows.length > 1)
    throw new Error(`Several books are called '${book}': give its id (${rows.map((r) => r.id).join(', ')}).`);
  const found = rows[0]!;
  let owners = db
    .selectFrom('book_members')
    .innerJoin('users', 'users.id', 'book_members.user_id')
    .select(['users.id', 'users.email'])
    .where('book_members.book_id', '=', found.id)
    .where('book_members.role', '=', 'owner')
    .orderBy('book_members.created_at')
    .orderBy('users.id');
  if (userEmail) owners = owners.where('users.email', '=', userEmail.trim().toLowerCase());
  const owner = await owners.executeTakeFirst();
  if (!owner)
    throw new Error(
      userEmail ? `${userEmail} is not an owner of book ${found.id}.` : `Book ${found.id} has no owner.`,
    );
  return { bookId: found.id, userId: owner.id, role: 'owner', baseCurrency: found.base_currency };
}

/** A balance-sheet account of the book by id or name. */
export async function commandAccountId(db: Db, bookId: number, account: string): Promise<number> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name_key', 'type'])
    .where('book_id', '=', bookId)
    .where('type', 'in', ['asset', 'liability', 'equity'])
    .execute();
  const matches = /^\d+$/.test(account)
    ? rows.filter((row) => row.id === Number(account))
    : rows.filter((row) => row.name_key === foldText(account.trim()));
  if (matches.length !== 1) throw new Error(`Book ${bookId} has no account '${account}'.`);
  return matches[0]!.id;
}
