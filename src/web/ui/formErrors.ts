import { ApiError } from '../api/http.ts';

/**
 * An API error split between a form's inputs and the form itself: what is about one input shows beside
 * it, what is about none of them (wrong password, name taken, offline) shows as a notice. Either way
 * in words a person reads: the schema validator's refusals (`Must NOT have fewer than 1 characters.`,
 * as src/server/problem.ts words Ajv's messages) are said plainly here, once for every form; the
 * services' own sentences are kept as they are.
 */

const FILL_IN = 'Fill this in.';

/**
 * Ajv's messages, as the server words them, and what a person reads instead; when several are about
 * one input, the first here wins (an empty e-mail address is missing, not too short).
 */
const PLAIN: readonly [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^(Required|Must NOT have fewer than 1 characters?)\.$/, () => FILL_IN],
  [/^Must match pattern "\\S"\.$/, () => 'Fill this in: spaces alone are not enough.'],
  [/^Must match format "email"\.$/, () => 'Enter an e-mail address, such as name@example.com.'],
  [
    /^Must match (format "date"|pattern "\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$")\.$/,
    () => 'Enter a date, such as 2026-01-31.',
  ],
  [/^Must match pattern "\^\[A-Z\]\{3\}\$"\.$/, () => 'Enter a three-letter currency code, such as EUR.'],
  [/^Must match pattern "\^\[\+-\]\?\\d/, () => 'Enter an amount, such as 12.50.'],
  [/^Must be (integer|an integer written in decimal digits)\.$/, () => 'Enter a whole number.'],
  [/^Must be number\.$/, () => 'Enter a number.'],
  [/^Must NOT have fewer than (\d+) characters\.$/, ([, n]) => `Use at least ${n} characters.`],
  [/^Must NOT have more than (\d+) characters\.$/, ([, n]) => `Use at most ${n} characters.`],
  [/^Must NOT have fewer than 1 items\.$/, () => 'Choose at least one.'],
  [/^Must NOT have fewer than (\d+) items\.$/, ([, n]) => `Choose at least ${n}.`],
  [/^Must NOT have more than (\d+) items\.$/, ([, n]) => `Choose at most ${n}.`],
  [/^Must be >= (\S+)\.$/, ([, n]) => `Enter ${n} or more.`],
  [/^Must be > (\S+)\.$/, ([, n]) => `Enter more than ${n}.`],
  [/^Must be <= (\S+)\.$/, ([, n]) => `Enter ${n} or less.`],
  [/^Must be < (\S+)\.$/, ([, n]) => `Enter less than ${n}.`],
  [/^Must be equal to one of the allowed values\.$/, () => 'Choose one of the options.'],
  [
    /^Must not contain NUL characters or unpaired surrogates\.$/,
    () => 'Remove the characters that cannot be kept (control characters or a broken emoji).',
  ],
  // The rest of Ajv's wording is about a request the app built wrongly, not about what was typed.
  [
    /^(Must (be (string|boolean|object|array|null)|match |NOT |be equal to|be multiple of|have |pass ))|^Unknown field\.$/,
    () => 'This value is not accepted here.',
  ],
];

/** The message in plain words, and its place in `PLAIN` (−1: a service's own sentence, kept). */
function plain(message: string): { text: string; rank: number } {
  for (const [rank, [pattern, say]] of PLAIN.entries()) {
    const match = message.match(pattern);
    if (match) return { text: say(match), rank };
  }
  return { text: message, rank: -1 };
}

/** A field error's message in words a person reads. */
export function plainMessage(message: string): string {
  return plain(message).text;
}

/** What an API error says about one input (`/name`, or anything under it), if anything. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const about = error.errors.filter((e) => e.field === field || e.field.startsWith(`${field}/`));
  const said = about.map((e) => plain(e.message)).sort((a, b) => a.rank - b.rank);
  return said[0]?.text;
}

/**
 * The error when it belongs to none of `fields` (shown as a notice rather than beside an input). The
 * validator's refusal of a field the form does not show ("1 field failed validation.") says instead
 * what that field was refused for.
 */
export function formError(error: unknown, fields: readonly string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  if (fields.some((field) => error.fieldMessage(field))) return null;
  const first = error.errors[0]?.message;
  if (first === undefined || plainMessage(first) === first) return error;
  return new ApiError(error.status, error.code, plainMessage(first), error.errors);
}
