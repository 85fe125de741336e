import { sql } from 'kysely';
import { fail } from '../../../core/errors.ts';
import { type Db, isPostgres } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { RegistrationMode } from '../../config.ts';
import { checkPasswordStrength } from './password-strength.ts';
import { hashPassword } from './passwords.ts';
import { hasUsers, insertUserUnlessTaken, normaliseEmail } from './users.ts';

/**
 * Who may register now: on an instance without users, the first visitor, who becomes its
 * administrator (`first-user`); after that, as configured, anyone (`open`) or nobody (`closed`).
 */
export type RegistrationState = RegistrationMode | 'first-user';

export async function registrationState(db: Db, mode: RegistrationMode): Promise<RegistrationState> {
  return (await hasUsers(db)) ? mode : 'first-user';
}

function refuseWhenClosed(state: RegistrationState): void {
  if (state === 'closed') {
    fail('REGISTRATION_DISABLED', 'This server does not accept new registrations: ask its administrator.');
  }
}

export interface Registration {
  email: string;
  name: string;
  password: string;
}

/**
 * Registers a user without saying whether the e-mail was free: a taken address is hashed and
 * "inserted" like a new one (the insert does nothing), so both take the same time and get the same
 * answer; the registrant then logs in, which fails for a taken address like any wrong password.
 * The first user becomes the administrator; the decision and the insert share one transaction, in
 * which concurrent registrations wait for each other, so two first users cannot both become it.
 */
export async function register(
  db: Db,
  input: Registration,
  mode: RegistrationMode,
  now: string,
): Promise<void> {
  refuseWhenClosed(await registrationState(db, mode)); // before the costly part; checked again below
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  await checkPasswordStrength(input.password, { email, name }, '/password');
  const passwordHash = await hashPassword(input.password);
  await inTransaction(db, async (trx) => {
    await lockUsers(trx);
    const state = await registrationState(trx, mode);
    refuseWhenClosed(state);
    await insertUserUnlessTaken(trx, { email, name, passwordHash, isAdmin: state === 'first-user' }, now);
  });
}

/**
 * Makes concurrent registrations on PostgreSQL wait for each other until commit (reads go on).
 * SQLite needs nothing: its one connection runs one transaction at a time.
 */
async function lockUsers(trx: Db): Promise<void> {
  if (isPostgres(trx)) await sql`lock table users in share row exclusive mode`.execute(trx);
}
