import type { Db } from '../../../db/connect.ts';
import { toFlag } from '../../../db/values.ts';
import { compiledOnce } from '../../plugins/compiled-once.ts';
import { dataVersion } from '../../plugins/read-cache.ts';
import type { CurrentUser, Role } from '../../types.ts';
import { newToken, sessionIdOf } from './session-token.ts';

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

const DAY_MS = 86_400_000;

/**
 * Starts a session for a user; the token goes in the cookie, only its hash in the database. Expired
 * sessions of every user are deleted on the way: one range delete on the expiry index per login,
 * so the table holds only live sessions and never grows with the logins of past years.
 */
export async function openSession(
  db: Db,
  userId: number,
  now: string,
  days: number,
  userAgent: string | null,
): Promise<OpenedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.parse(now) + days * DAY_MS).toISOString();
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The caller's role in one book and that book's base currency. */
export interface Membership {
  role: Role;
  baseCurrency: string;
}

export interface LiveSession {
  id: string;
  csrfToken: string;
  expiresAt: string;
  user: CurrentUser;
  /** The user's membership of the book asked for with `bookId`; null when not a member or none asked. */
  membership: Membership | null;
  /** The database's data version as this lookup saw it (see `dataVersion`). */
  dataVersion: string;
}

const lookUpSession = compiledOnce((db: Db, sessionId: string, now: string, bookId: number) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('book_members', (join) =>
      join.on('book_members.book_id', '=', bookId).onRef('book_members.user_id', '=', 'users.id'),
    )
    .leftJoin('books', 'books.id', 'book_members.book_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.is_admin',
      'book_members.role',
      'books.base_currency',
      dataVersion(db).as('data_version'),
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now),
);

/**
 * The live session of a cookie token, or null when unknown, expired or logged out. With a `bookId`,
 * the same query also reads the user's membership of that book, which saves a book-scoped read
 * its second round trip; and it reads the data version that cached answers are checked against.
 */
export async function findSession(
  db: Db,
  token: string,
  now: string,
  bookId = 0,
): Promise<LiveSession | null> {
  const [row] = await lookUpSession(db, sessionIdOf(token), now, bookId);
  if (!row) return null;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    user: { id: row.user_id, email: row.email, name: row.name, isAdmin: toFlag(row.is_admin) },
    membership:
      row.role && row.base_currency !== null ? { role: row.role, baseCurrency: row.base_currency } : null,
    dataVersion: row.data_version,
  };
}

/** Pushes a session's expiry forward when more than a day of it has been used. */
export async function extendSession(
  db: Db,
  session: LiveSession,
  now: string,
  days: number,
): Promise<string | null> {
  const expiresAt = Date.parse(now) + days * DAY_MS;
  if (expiresAt - Date.parse(session.expiresAt) < DAY_MS) return null;
  const iso = new Date(expiresAt).toISOString();
  await db.updateTable('sessions').set({ expires_at: iso }).where('id', '=', session.id).execute();
  return iso;
}

export async function closeSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user except `keep` (after a password change). */
export async function closeOtherSessions(db: Db, userId: number, keep: string | null): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('id', '!=', keep);
  await query.execute();
}
