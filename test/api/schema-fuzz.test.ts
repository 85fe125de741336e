import { beforeAll, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, PASSWORD, signUp, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { exampleRequests } from '../support/example-requests.ts';
import { fuzzCases, sendCase } from '../support/fuzz-cases.ts';
import { seeded } from '../support/fuzz-values.ts';
import { idTarget } from '../support/id-fields.ts';
import { apiOperations, isBookScoped, type Operation } from '../support/openapi-operations.ts';
import { type ProbeBook, probeBook } from '../support/probe-book.ts';

/**
 * Cases per operation (about 4,000 requests per database in all) and the seed; both can be
 * raised for a longer hunt: `FUZZ_CASES=400 FUZZ_SEED=7 npx vitest run test/api/schema-fuzz.test.ts`.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_106);
const CODES = new Set<string>(ERROR_CODES);

const parsed = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * Deleting the book runs last, so that the others work on a book that still exists; those that
 * remove items run after those that only add or read.
 */
function rank(op: Operation): number {
  if (op.method === 'DELETE' && op.path.endsWith('{bookId}')) return 2;
  if (op.method === 'DELETE' || /\/(merge|undo)$/.test(op.path)) return 1;
  return 0;
}

/**
 * Schema fuzzing: every operation of the OpenAPI document, called with requests derived from its
 * schema and broken on purpose (test/support/fuzz-cases.ts). No answer may be a 5xx, every 4xx
 * must be application/problem+json with a code of the closed set, and a path id spelt otherwise
 * (`0x10`, `16.0`, `+16`) or text holding NUL or an unpaired surrogate must be refused. Seeded,
 * so a failure repeats; bounded by CASES per operation.
 */
describeEachDatabase('schema fuzzing of every operation', (ctx) => {
  let app: App;
  let operations: Operation[];
  let owner: Client;
  let book: ProbeBook;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    operations = (await apiOperations(app)).sort((a, b) => rank(a) - rank(b));
    const first = await signUpWithBook(app);
    owner = first.client;
    book = await probeBook(owner, first.base);
  });

  it(
    'answers every broken request below 500, and every 4xx as problem+json with a known code',
    async () => {
      const random = seeded(SEED);
      const faults: string[] = [];
      let sent = 0;
      /** Answers from past validation: written, or refused by a service for what the values mean. */
      let served = 0;
      for (const op of operations) {
        // The book's operations as its owner; the others as a user of their own each, whose session
        // a login, a logout or a password change may end.
        const client = isBookScoped(op) ? owner : await signUp(app, 'Fuzzed');
        const caller = { email: client.user!.email, password: PASSWORD };
        const idFor = (name: string) => {
          const resource = idTarget(op, name, { type: 'integer' });
          return resource ? book.ids[resource] : undefined;
        };
        for (const example of exampleRequests(op, book, caller)) {
          for (const c of fuzzCases(op, example, random, idFor, CASES)) {
            const reply = await sendCase(client, c);
            sent += 1;
            if (reply.statusCode < 300 || reply.statusCode === 409 || reply.statusCode === 422) served += 1;
            const type = String(reply.headers['content-type'] ?? '');
            const body = type.includes('json') ? parsed(reply.body) : null;
            const fine =
              (reply.statusCode < 400 && !c.refuse) ||
              (reply.statusCode < 500 &&
                type.startsWith('application/problem+json') &&
                CODES.has(body?.code) &&
                body?.status === reply.statusCode);
            if (!fine)
              faults.push(`${op.key} | ${c.label} → ${reply.statusCode} ${type} ${reply.body.slice(0, 160)}`);
          }
        }
      }
      expect(sent).toBeGreaterThan(operations.length * CASES - 1);
      // A fuzzer whose requests all stop at the gate or the schema would prove little.
      expect(served / sent).toBeGreaterThan(0.2);
      expect(faults).toEqual([]);
    },
    240_000 * Math.max(1, CASES / 40),
  );
});
