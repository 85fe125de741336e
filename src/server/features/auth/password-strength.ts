import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { fail } from '../../../core/errors.ts';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * zxcvbn's score from 0 to 4: 3 means about 10^8 guesses or more ("safely unguessable" when every
 * guess costs an argon2id hash), which ordinary passphrases reach and `password12` does not.
 */
const MIN_SCORE = 3;

/**
 * The estimator with its dictionaries (common passwords, English words and names): loaded on first
 * use, since they cost ~30 MB of heap and ~0.3 s that a server never registering anyone need not pay.
 */
let estimator: Promise<ZxcvbnFactory> | undefined;
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
      }),
  );
  return estimator;
}

/** What the user's own details give away: the address, its local part and the name's words. */
function personalWords(email: string, name: string): string[] {
  const local = email.split('@')[0] ?? '';
  return [email, local, ...local.split(/[^\p{L}\p{N}]+/u), name, ...name.split(/\s+/)].filter(
    (word) => word.length >= 3,
  );
}

/** Why the password is too easy to guess, in words for its owner; null when it is strong enough. */
export async function passwordWeakness(password: string, email: string, name = ''): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    return 'The password must not be the e-mail address.';
  const result = (await loadEstimator()).check(password, personalWords(email, name));
  if (result.score >= MIN_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  return ['This password is easy to guess.', warning, ...suggestions].filter(Boolean).join(' ');
}

/** Refuses a weak password with WEAK_PASSWORD and the reason beside `field` (a JSON pointer). */
export async function checkPasswordStrength(
  password: string,
  owner: { email: string; name?: string },
  field: string,
): Promise<void> {
  const problem = await passwordWeakness(password, owner.email, owner.name);
  if (problem) fail('WEAK_PASSWORD', problem, [{ field, code: 'WEAK_PASSWORD', message: problem }]);
}
