import type { Db } from '../../../db/connect.ts';
import type { Role } from '../../types.ts';

export interface BookRecord {
  id: number;
  name: string;
  baseCurrency: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
}

function membershipQuery(db: Db, userId: number) {
  return db
    .selectFrom('books')
    .innerJoin('book_members', 'book_members.book_id', 'books.id')
    .select([
      'books.id',
      'books.name',
      'books.base_currency as baseCurrency',
      'book_members.role',
      'books.created_at as createdAt',
      'books.updated_at as updatedAt',
    ])
    .where('book_members.user_id', '=', userId);
}

export function listBooks(db: Db, userId: number): Promise<BookRecord[]> {
  return membershipQuery(db, userId).orderBy('books.name').orderBy('books.id').execute();
}

export function getBook(db: Db, userId: number, bookId: number): Promise<BookRecord | undefined> {
  return membershipQuery(db, userId).where('books.id', '=', bookId).executeTakeFirst();
}

export function listMembers(db: Db, bookId: number) {
  return db
    .selectFrom('book_members')
    .innerJoin('users', 'users.id', 'book_members.user_id')
    .select([
      'users.id as userId',
      'users.email',
      'users.name',
      'book_members.role',
      'book_members.created_at as since',
    ])
    .where('book_members.book_id', '=', bookId)
    .orderBy('book_members.created_at')
    .orderBy('users.id')
    .execute();
}
