import type { Db } from '../../../db/connect.ts';
import { fromFlag, toFlag } from '../../../db/values.ts';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
  passwordHash: string;
  createdAt: string;
}

type UserRow = {
  id: number;
  email: string;
  name: string;
  is_admin: number;
  password_hash: string;
  created_at: string;
};

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: toFlag(row.is_admin),
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

/** E-mail addresses are compared without case: `Ada@Example.com` is `ada@example.com`. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string; isAdmin: boolean },
  now: string,
): Promise<UserRecord> {
  const row = await db
    .insertInto('users')
    .values({
      email: normaliseEmail(user.email),
      name: user.name,
      password_hash: user.passwordHash,
      is_admin: fromFlag(user.isAdmin),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function updatePasswordHash(
  db: Db,
  userId: number,
  passwordHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

export async function setAdmin(db: Db, userId: number, isAdmin: boolean, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ is_admin: fromFlag(isAdmin), updated_at: now })
    .where('id', '=', userId)
    .execute();
}
