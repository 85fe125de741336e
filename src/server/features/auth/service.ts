import { fail } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { checkPasswordStrength } from './password-strength.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { closeOtherSessions } from './sessions.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  normaliseEmail,
  type UserRecord,
  updatePasswordHash,
} from './users.ts';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  isAdmin?: boolean;
}

/**
 * Creates a user with an argon2id password hash; the e-mail must be free. For the operator's
 * commands (`createadmin`, `demo`), which may say that an address is taken; the API registers
 * through `register`, which may not.
 */
export async function createUser(db: Db, input: NewUser, now: string): Promise<UserRecord> {
  const email = normaliseEmail(input.email);
  await checkPasswordStrength(input.password, { email, name: input.name }, '/password');
  if (await findUserByEmail(db, email)) {
    fail('EMAIL_TAKEN', `${email} is already registered.`, [
      { field: '/email', code: 'EMAIL_TAKEN', message: 'Already registered.' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  return insertUser(
    db,
    { email, name: input.name.trim(), passwordHash, isAdmin: input.isAdmin ?? false },
    now,
  );
}

/** The user whose e-mail and password these are; the same failure for a wrong e-mail or password. */
export async function authenticate(db: Db, email: string, password: string): Promise<UserRecord> {
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !ok) fail('INVALID_CREDENTIALS', 'The e-mail address or the password is wrong.');
  return user;
}

/** Changes a password after checking the current one; ends the user's other sessions. */
export async function changePassword(
  db: Db,
  userId: number,
  sessionId: string | null,
  currentPassword: string,
  newPassword: string,
  now: string,
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    fail('INVALID_CREDENTIALS', 'The current password is wrong.', [
      { field: '/currentPassword', code: 'INVALID_CREDENTIALS', message: 'Wrong password.' },
    ]);
  }
  await checkPasswordStrength(newPassword, user, '/newPassword');
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(db, async (trx) => {
    await updatePasswordHash(trx, userId, passwordHash, now);
    await closeOtherSessions(trx, userId, sessionId);
  });
}
