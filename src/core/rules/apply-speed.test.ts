import { expect, it } from 'vitest';
import { currency } from '../money/index.ts';
import { applyRules } from './apply.ts';
import { compileRules } from './compile.ts';
import type { Rule, RuleSubject } from './types.ts';

const EUR = currency('EUR');
const SHOPS = [
  'REWE',
  'ALDI SUED',
  'Lidl',
  'dm-drogerie',
  'Shell',
  'Deutsche Bahn',
  'Spotify',
  'Netflix',
  'Amazon',
  'IKEA',
];

/**
 * Not a timed assertion (timings belong to benchmarks): applies 50 compiled rules of every kind
 * to 100,000 subjects, checks what came out, and prints how long it took.
 */
it('applies 50 compiled rules to 100,000 subjects', () => {
  const rules: Rule[] = Array.from({ length: 50 }, (_, i) => ({
    id: i + 1,
    name: `rule ${i}`,
    enabled: true,
    match: 'all',
    conditions: [
      i % 5 === 4
        ? {
            field: 'description',
            operator: 'regex',
            value: `^card \\d+ ${SHOPS[i % SHOPS.length]!.toLowerCase()}`,
          }
        : { field: 'payee', operator: i % 2 ? 'contains' : 'startsWith', value: SHOPS[i % SHOPS.length]! },
      { field: 'amount', operator: 'between', min: '-500', max: String(i) },
      { field: 'date', operator: 'between', from: '2020-01-01', to: null },
    ],
    actions:
      i % 7 === 6
        ? [
            {
              type: 'split',
              parts: [
                { categoryId: i, amount: null, percent: '30' },
                { categoryId: i + 100, amount: null, percent: null },
              ],
            },
          ]
        : [
            { type: 'setCategory', categoryId: i },
            { type: 'addTag', tagId: i % 4 },
          ],
  }));
  const subjects: RuleSubject[] = Array.from({ length: 100_000 }, (_, i) => {
    const shop = SHOPS[i % SHOPS.length]!;
    return {
      payee: i % 11 === 0 ? null : `${shop} Filiale ${i % 97}`,
      description: `CARD ${1000 + (i % 9000)} ${shop.toUpperCase()} SAGT DANKE ${i} MÜNCHEN`,
      notes: null,
      amount: { minor: BigInt(-((i * 7919) % 60_000)), currency: EUR },
      accountId: 1 + (i % 3),
      date: `202${i % 7}-0${1 + (i % 9)}-1${i % 10}`,
    };
  });
  const started = performance.now();
  const compiled = compileRules(rules);
  let matched = 0;
  let split = 0;
  for (const s of subjects) {
    const outcome = applyRules(compiled, s);
    matched += outcome.matchedRuleIds.length > 0 ? 1 : 0;
    split += outcome.split ? 1 : 0;
  }
  const elapsed = performance.now() - started;
  console.log(
    `rules: 50 compiled rules over 100,000 subjects in ${Math.round(elapsed)} ms (${matched} matched, ${split} split)`,
  );
  expect(matched).toBeGreaterThan(50_000);
  expect(split).toBeGreaterThan(0);
  expect(matched).toBeLessThan(100_000);
});
