import { fail } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope, Role } from '../../types.ts';
import { listMembers } from './queries.ts';

async function requireMember(db: Db, bookId: number, userId: number): Promise<Role> {
  const row = await db
    .selectFrom('book_members')
    .select('role')
    .where('book_id', '=', bookId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) fail('NOT_FOUND', `User ${userId} is not a member of this book.`);
  return row.role;
}

/** Fails with LAST_OWNER when `userId` is the book's only owner: a book always keeps one. */
async function keepAnOwner(db: Db, bookId: number, userId: number): Promise<void> {
  const owners = await db
    .selectFrom('book_members')
    .select('user_id')
    .where('book_id', '=', bookId)
    .where('role', '=', 'owner')
    .execute();
  if (owners.length === 1 && owners[0]!.user_id === userId) {
    fail('LAST_OWNER', 'This is the book’s only owner: make another member owner first.');
  }
}

/** Changes a member's role (owners only). */
export async function changeRole(db: Db, scope: BookScope, userId: number, role: Role) {
  return inTransaction(db, async (trx) => {
    const current = await requireMember(trx, scope.bookId, userId);
    if (current === 'owner' && role !== 'owner') await keepAnOwner(trx, scope.bookId, userId);
    await trx
      .updateTable('book_members')
      .set({ role })
      .where('book_id', '=', scope.bookId)
      .where('user_id', '=', userId)
      .execute();
    return (await listMembers(trx, scope.bookId)).find((member) => member.userId === userId)!;
  });
}

/** Removes a member: an owner may remove anyone, any member may leave. */
export async function removeMember(db: Db, scope: BookScope, userId: number): Promise<void> {
  if (userId !== scope.userId && scope.role !== 'owner') {
    fail('FORBIDDEN', 'Only an owner may remove another member; you may leave the book yourself.');
  }
  await inTransaction(db, async (trx) => {
    await requireMember(trx, scope.bookId, userId);
    await keepAnOwner(trx, scope.bookId, userId);
    await trx
      .deleteFrom('book_members')
      .where('book_id', '=', scope.bookId)
      .where('user_id', '=', userId)
      .execute();
  });
}
