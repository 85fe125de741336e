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

interface NewUserRow {
  email: string;
  name: string;
  passwordHash: string;
  isAdmin: boolean;
}

function userValues(user: NewUserRow, now: string) {
  return {
    email: normaliseEmail(user.email),
    name: user.name,
    password_hash: user.passwordHash,
    is_admin: fromFlag(user.isAdmin),
    created_at: now,
    updated_at: now,
  };
}

export async function insertUser(db: Db, user: NewUserRow, now: string): Promise<UserRecord> {
  const row = await db
    .insertInto('users')
    .values(userValues(user, now))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/**
 * Inserts the user unless the e-mail is taken, in which case nothing changes and nothing is said:
 * one statement either way, so registration takes the same path for a new and a taken address.
 */
export async function insertUserUnlessTaken(db: Db, user: NewUserRow, now: string): Promise<void> {
  await db
    .insertInto('users')
    .values(userValues(user, now))
    .onConflict((conflict) => conflict.column('email').doNothing())
    .execute();
}

/** Whether the instance has any user yet (the first one becomes its administrator). */
export async function hasUsers(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
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
