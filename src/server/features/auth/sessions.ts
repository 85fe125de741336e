import type { Db } from '../../../db/connect.ts';
import { toFlag } from '../../../db/values.ts';
import type { CurrentUser } from '../../types.ts';
import { newToken, sessionIdOf } from './session-token.ts';

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

const DAY_MS = 86_400_000;

/** Starts a session for a user; the token goes in the cookie, only its hash in the database. */
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

export interface LiveSession {
  id: string;
  csrfToken: string;
  expiresAt: string;
  user: CurrentUser;
}

/** The live session of a cookie token, or null when unknown, expired or logged out. */
export async function findSession(db: Db, token: string, now: string): Promise<LiveSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.is_admin',
    ])
    .where('sessions.id', '=', sessionIdOf(token))
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    user: { id: row.user_id, email: row.email, name: row.name, isAdmin: toFlag(row.is_admin) },
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
