import { hash, verify } from '@node-rs/argon2';
import { fail } from '../../../core/errors.ts';

/** argon2id with the OWASP-recommended cost (19 MiB, 2 passes). */
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under verbatimModuleSyntax */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash to verify against when the e-mail is unknown, so both cases take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('moneta-decoy-password');
  return decoy;
}

export function checkPasswordStrength(password: string, email: string, field: string): void {
  const problem =
    password.length < MIN_PASSWORD_LENGTH
      ? `Use at least ${MIN_PASSWORD_LENGTH} characters.`
      : password.toLowerCase() === email.toLowerCase()
        ? 'The password must not be the e-mail address.'
        : null;
  if (problem) fail('WEAK_PASSWORD', problem, [{ field, code: 'WEAK_PASSWORD', message: problem }]);
}
