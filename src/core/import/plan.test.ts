import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money/index.ts';
import { createImportKeyer } from './import-key.ts';
import { findLikelyDuplicates } from './likely-duplicates.ts';
import { type PlanContext, planRow } from './plan.ts';
import { plannedPostings } from './plan-postings.ts';
import type { StatementRow } from './types.ts';

function row(overrides: Partial<StatementRow> = {}): StatementRow {
  return {
    line: 3,
    raw: 'raw',
    date: '2024-03-05',
    valueDate: null,
    amount: '-12.34',
    currency: null,
    payee: 'REWE Markt',
    description: 'Card payment',
    reference: null,
    checkNumber: null,
    status: 'cleared',
    category: null,
    splits: [],
    openingBalance: false,
    ...overrides,
  };
}

const context: PlanContext = {
  accountId: 1,
  currency: 'EUR' as CurrencyCode,
  categoriesByName: new Map([
    ['groceries', 10],
    ['salary', 11],
    ['household', 12],
  ]),
  accountsByName: new Map([['savings', 2]]),
  payeeDefaults: new Map([['rewe markt', 10]]),
  classify: null,
  autoSuggestConfidence: 0.8,
  suggestEveryRow: true,
};
const system = { uncategorisedIncome: 90, uncategorisedExpense: 91, openingBalances: 92 };

describe('import keys', () => {
  it('keys rows by the file id when there is one, else by content, per account', () => {
    const keyer = createImportKeyer(7);
    expect(keyer(row({ reference: 'FIT-1' }))).toBe('7:id:FIT-1');
    expect(keyer(row())).toMatch(/^7:hash:2024-03-05:-12\.34:[0-9a-f]{16}$/);
    expect(createImportKeyer(8)(row({ reference: 'FIT-1' }))).toBe('8:id:FIT-1');
  });

  it('numbers identical rows so that two equal coffees stay two, and a re-import keys them alike', () => {
    const keys = (keyer: ReturnType<typeof createImportKeyer>) => [
      keyer(row()),
      keyer(row()),
      keyer(row({ amount: '-1.00' })),
    ];
    const first = keys(createImportKeyer(1));
    expect(new Set(first).size).toBe(3);
    expect(first[1]).toBe(`${first[0]}#2`);
    expect(keys(createImportKeyer(1))).toEqual(first);
  });

  it('ignores case and spacing of the text, but not the amount or the date', () => {
    const keyer = createImportKeyer(1);
    const a = keyer(row({ payee: 'REWE  Markt ' }));
    const b = createImportKeyer(1)(row({ payee: 'rewe markt' }));
    expect(a).toBe(b);
    expect(createImportKeyer(1)(row({ date: '2024-03-06' }))).not.toBe(a);
  });
});

describe('likely duplicates', () => {
  const candidate = (transactionId: number, date: string, amount: bigint, text: string) => ({
    transactionId,
    date,
    amount,
    text,
  });

  it('pairs the same amount a few days apart with a similar text, each transaction once', () => {
    const matches = findLikelyDuplicates(
      [
        { index: 0, date: '2024-03-05', amount: -1234n, text: 'REWE Markt Card payment' },
        { index: 1, date: '2024-03-05', amount: -1234n, text: 'REWE Markt Card payment' },
        { index: 2, date: '2024-03-05', amount: -999n, text: 'Shell' },
      ],
      [candidate(50, '2024-03-03', -1234n, 'Rewe markt'), candidate(51, '2024-03-05', -999n, '')],
    );
    expect(matches).toEqual(
      new Map([
        [0, 50],
        [2, 51],
      ]),
    );
  });

  it('does not pair different amounts, dates too far apart, or unlike texts', () => {
    const probe = { index: 0, date: '2024-03-05', amount: -1234n, text: 'REWE Markt' };
    expect(findLikelyDuplicates([probe], [candidate(1, '2024-03-05', -1235n, 'REWE Markt')]).size).toBe(0);
    expect(findLikelyDuplicates([probe], [candidate(1, '2024-03-15', -1234n, 'REWE Markt')]).size).toBe(0);
    expect(findLikelyDuplicates([probe], [candidate(1, '2024-03-06', -1234n, 'Aral Tankstelle')]).size).toBe(
      0,
    );
    expect(findLikelyDuplicates([probe], [candidate(1, '2024-03-05', -1234n, 'Aral Tankstelle')]).size).toBe(
      0,
    );
  });

  it('pairs a same-day transaction entered without any text', () => {
    const probe = { index: 0, date: '2024-03-05', amount: -1234n, text: 'REWE Markt' };
    expect(findLikelyDuplicates([probe], [candidate(1, '2024-03-05', -1234n, ' ')]).size).toBe(1);
    expect(findLikelyDuplicates([probe], [candidate(1, '2024-03-06', -1234n, '')]).size).toBe(0);
  });
});

describe('planning a row', () => {
  it('turns the exact decimal into minor units and takes the payee default category', () => {
    const planned = planRow(row(), context, 'EUR');
    expect(planned.amount?.minor).toBe(-1234n);
    expect(planned.categoryId).toBe(10);
    expect(planned.categorySource).toBe('payee');
    expect(plannedPostings(planned, 1, system).map((p) => [p.accountId, p.amount?.minor])).toEqual([
      [1, -1234n],
      [10, 1234n],
    ]);
  });

  it('keeps three-decimal amounts whose last digit is zero and refuses ones that are not cents', () => {
    expect(planRow(row({ amount: '8.850' }), context, 'EUR').amount?.minor).toBe(885n);
    const refused = planRow(row({ amount: '8.855' }), context, 'EUR');
    expect(refused.amount).toBeNull();
    expect(refused.issues[0]).toMatchObject({ code: 'INVALID_AMOUNT', severity: 'error', line: 3 });
  });

  it('refuses a row in another currency than the account', () => {
    const planned = planRow(row({ currency: 'USD' }), context, 'EUR');
    expect(planned.issues[0]?.message).toMatch(/USD.*EUR/);
    expect(planRow(row(), context, 'CHF').issues).toHaveLength(1);
  });

  it('books an uncategorised row against uncategorised income or expense by its sign', () => {
    const out = planRow(row({ payee: 'Unknown' }), context, null);
    const into = planRow(row({ payee: 'Unknown', amount: '50' }), context, null);
    expect(plannedPostings(out, 1, system)[1]!.accountId).toBe(91);
    expect(plannedPostings(into, 1, system)[1]!.accountId).toBe(90);
  });

  it('reads QIF categories, sub-categories, transfers and opening balances', () => {
    expect(planRow(row({ payee: null, category: 'Food:Groceries' }), context, null).categoryId).toBe(10);
    const transfer = planRow(row({ payee: null, category: '[Savings]' }), context, null);
    expect(plannedPostings(transfer, 1, system)[1]!.accountId).toBe(2);
    const opening = planRow(
      row({ payee: 'Opening Balance', category: '[Checking]', openingBalance: true }),
      context,
      null,
    );
    expect(plannedPostings(opening, 1, system)[1]!.accountId).toBe(92);
  });

  it('books splits part by part, exactly', () => {
    const planned = planRow(
      row({
        payee: null,
        amount: '-100.00',
        splits: [
          { amount: '-60.00', category: 'Groceries', memo: 'food' },
          { amount: '-40.00', category: 'Household', memo: null },
        ],
      }),
      context,
      null,
    );
    expect(plannedPostings(planned, 1, system).map((p) => [p.accountId, p.amount?.minor, p.memo])).toEqual([
      [1, -10000n, null],
      [10, 6000n, 'food'],
      [12, 4000n, null],
    ]);
  });

  it('lets a rule decide before the file, the payee default and suggestions', () => {
    const planned = planRow(
      row(),
      {
        ...context,
        classify: {
          rules: () => ({ matchedRuleIds: [4], categoryId: 12, payee: 'REWE', tagIds: [3] }),
          suggest: () => [{ categoryId: 11, confidence: 0.99 }],
        },
      },
      'EUR',
    );
    expect(planned).toMatchObject({
      categoryId: 12,
      categorySource: 'rule',
      payee: 'REWE',
      tagIds: [3],
      matchedRuleIds: [4],
    });
  });

  it('applies a confident suggestion and only shows a weak one', () => {
    const withSuggestion = (confidence: number) =>
      planRow(
        row({ payee: 'Someone new' }),
        {
          ...context,
          classify: {
            rules: () => ({ matchedRuleIds: [], tagIds: [] }),
            suggest: () => [{ categoryId: 11, confidence }],
          },
        },
        'EUR',
      );
    expect(withSuggestion(0.9)).toMatchObject({ categoryId: 11, categorySource: 'suggestion' });
    expect(withSuggestion(0.5)).toMatchObject({ categoryId: null, categorySource: null });
    expect(withSuggestion(0.5).suggestions).toHaveLength(1);
  });

  it('asks for suggestions only for rows nothing else categorised when not every row shows them', () => {
    const asked: string[] = [];
    const streamed = {
      ...context,
      suggestEveryRow: false,
      classify: {
        rules: () => ({ matchedRuleIds: [], tagIds: [] }),
        suggest: (subject: { payee: string | null }) => {
          asked.push(subject.payee ?? '');
          return [{ categoryId: 11, confidence: 0.9 }];
        },
      },
    };
    expect(planRow(row(), streamed, 'EUR')).toMatchObject({
      categoryId: 10,
      categorySource: 'payee',
      suggestions: [],
    });
    expect(planRow(row({ payee: 'Someone new' }), streamed, 'EUR')).toMatchObject({
      categoryId: 11,
      categorySource: 'suggestion',
      suggestions: [{ categoryId: 11, confidence: 0.9 }],
    });
    expect(asked).toEqual(['Someone new']);
    expect(planRow(row(), { ...streamed, suggestEveryRow: true }, 'EUR').suggestions).toHaveLength(1);
  });
});
