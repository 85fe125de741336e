import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import type { ErrorCode } from '../errors.ts';
import { type CurrencyCode, currency, formatMoney, type Money, money, parseMoney } from '../money/index.ts';
import {
  type BalanceOptions,
  balancePostings,
  type PostingAccount,
  type PostingDraft,
} from './transaction.ts';

const EUR = currency('EUR');
const USD = currency('USD');
const JPY = currency('JPY');
const KWD = currency('KWD');

/** The book of these tests. */
const CHECKING = 1; // EUR asset
const SAVINGS = 2; // EUR asset
const GROCERIES = 3; // EUR expense
const HOUSEHOLD = 4; // EUR expense
const DINING = 5; // EUR expense
const US_CHECKING = 6; // USD asset
const OLD_CARD = 7; // EUR, archived
const YEN_WALLET = 8; // JPY asset
const SALARY = 9; // EUR income
const DINAR = 10; // KWD asset
const NOWHERE = 99; // not in the book

const ACCOUNTS: ReadonlyMap<number, PostingAccount> = new Map(
  (
    [
      [CHECKING, EUR, false],
      [SAVINGS, EUR, false],
      [GROCERIES, EUR, false],
      [HOUSEHOLD, EUR, false],
      [DINING, EUR, false],
      [US_CHECKING, USD, false],
      [OLD_CARD, EUR, true],
      [YEN_WALLET, JPY, false],
      [SALARY, EUR, false],
      [DINAR, KWD, false],
    ] as const
  ).map(([id, code, archived]) => [id, { id, currency: code, archived }]),
);

/** `'-12.34 EUR'` → Money. */
function m(text: string): Money {
  const [amount, code] = text.split(' ');
  return parseMoney(amount!, currency(code!));
}

/** Money → `'-12.34 EUR'`. */
function show(value: Money): string {
  return `${formatMoney(value)} ${value.currency}`;
}

/** A draft: `p(CHECKING, '-12.34 EUR')`, `p(US_CHECKING, '108.50 USD', '100.00 EUR')`, `p(GROCERIES)`. */
function p(accountId: number, amount?: string, value?: string, memo?: string): PostingDraft {
  return {
    accountId,
    amount: amount === undefined ? undefined : m(amount),
    value: value === undefined ? undefined : m(value),
    ...(memo === undefined ? {} : { memo }),
  };
}

/** A balanced result as rows: `[accountId, amount, value]`. */
function rows(drafts: readonly PostingDraft[], options?: BalanceOptions) {
  const balanced = balancePostings(drafts, ACCOUNTS, options);
  return {
    currency: balanced.currency,
    postings: balanced.postings.map((posting) => [
      posting.accountId,
      show(posting.amount),
      show(posting.value),
    ]),
  };
}

type Row = [accountId: number, amount: string, value: string];

interface Accepted {
  name: string;
  drafts: PostingDraft[];
  options?: BalanceOptions;
  currency: CurrencyCode;
  postings: Row[];
}

const ACCEPTED: Accepted[] = [
  {
    name: 'a simple expense',
    drafts: [p(CHECKING, '-12.34 EUR'), p(GROCERIES, '12.34 EUR')],
    currency: EUR,
    postings: [
      [CHECKING, '-12.34 EUR', '-12.34 EUR'],
      [GROCERIES, '12.34 EUR', '12.34 EUR'],
    ],
  },
  {
    name: 'an expense split three ways',
    drafts: [
      p(CHECKING, '-100.00 EUR'),
      p(GROCERIES, '60.00 EUR'),
      p(HOUSEHOLD, '25.50 EUR'),
      p(DINING, '14.50 EUR'),
    ],
    currency: EUR,
    postings: [
      [CHECKING, '-100.00 EUR', '-100.00 EUR'],
      [GROCERIES, '60.00 EUR', '60.00 EUR'],
      [HOUSEHOLD, '25.50 EUR', '25.50 EUR'],
      [DINING, '14.50 EUR', '14.50 EUR'],
    ],
  },
  {
    name: 'a salary',
    drafts: [p(SALARY, '-2500.00 EUR'), p(CHECKING, '2500.00 EUR')],
    currency: EUR,
    postings: [
      [SALARY, '-2500.00 EUR', '-2500.00 EUR'],
      [CHECKING, '2500.00 EUR', '2500.00 EUR'],
    ],
  },
  {
    name: 'a transfer between two EUR accounts',
    drafts: [p(CHECKING, '-500.00 EUR'), p(SAVINGS, '500.00 EUR')],
    currency: EUR,
    postings: [
      [CHECKING, '-500.00 EUR', '-500.00 EUR'],
      [SAVINGS, '500.00 EUR', '500.00 EUR'],
    ],
  },
  {
    name: 'a transfer EUR → USD: the USD side has its amount and its value in EUR',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING, '108.50 USD', '100.00 EUR')],
    currency: EUR,
    postings: [
      [CHECKING, '-100.00 EUR', '-100.00 EUR'],
      [US_CHECKING, '108.50 USD', '100.00 EUR'],
    ],
  },
  {
    name: 'a transfer USD → EUR: the first account decides the transaction currency',
    drafts: [p(US_CHECKING, '-108.50 USD'), p(CHECKING, '100.00 EUR', '108.50 USD')],
    currency: USD,
    postings: [
      [US_CHECKING, '-108.50 USD', '-108.50 USD'],
      [CHECKING, '100.00 EUR', '108.50 USD'],
    ],
  },
  {
    name: 'an explicit transaction currency other than the first account’s',
    drafts: [p(CHECKING, '-100.00 EUR', '-108.50 USD'), p(US_CHECKING, '108.50 USD')],
    options: { currency: USD },
    currency: USD,
    postings: [
      [CHECKING, '-100.00 EUR', '-108.50 USD'],
      [US_CHECKING, '108.50 USD', '108.50 USD'],
    ],
  },
  {
    name: 'a transaction in a currency none of its accounts holds',
    drafts: [p(CHECKING, '-92.00 EUR', '-100.00 USD'), p(YEN_WALLET, '15000 JPY', '100.00 USD')],
    options: { currency: USD },
    currency: USD,
    postings: [
      [CHECKING, '-92.00 EUR', '-100.00 USD'],
      [YEN_WALLET, '15000 JPY', '100.00 USD'],
    ],
  },
  {
    name: 'three currencies: values balance, amounts do not',
    drafts: [
      p(CHECKING, '-200.00 EUR'),
      p(US_CHECKING, '108.50 USD', '100.00 EUR'),
      p(YEN_WALLET, '16000 JPY', '99.00 EUR'),
      p(DINAR, '0.335 KWD', '1.00 EUR'),
    ],
    currency: EUR,
    postings: [
      [CHECKING, '-200.00 EUR', '-200.00 EUR'],
      [US_CHECKING, '108.50 USD', '100.00 EUR'],
      [YEN_WALLET, '16000 JPY', '99.00 EUR'],
      [DINAR, '0.335 KWD', '1.00 EUR'],
    ],
  },
  {
    name: 'the last posting left open takes the rest',
    drafts: [p(CHECKING, '-42.00 EUR'), p(GROCERIES, '30.00 EUR'), p(HOUSEHOLD)],
    currency: EUR,
    postings: [
      [CHECKING, '-42.00 EUR', '-42.00 EUR'],
      [GROCERIES, '30.00 EUR', '30.00 EUR'],
      [HOUSEHOLD, '12.00 EUR', '12.00 EUR'],
    ],
  },
  {
    name: 'the first posting left open takes the rest',
    drafts: [p(CHECKING), p(GROCERIES, '12.34 EUR')],
    currency: EUR,
    postings: [
      [CHECKING, '-12.34 EUR', '-12.34 EUR'],
      [GROCERIES, '12.34 EUR', '12.34 EUR'],
    ],
  },
  {
    name: 'an open posting balancing a cross-currency one',
    drafts: [p(CHECKING), p(US_CHECKING, '-108.50 USD', '-100.00 EUR')],
    currency: EUR,
    postings: [
      [CHECKING, '100.00 EUR', '100.00 EUR'],
      [US_CHECKING, '-108.50 USD', '-100.00 EUR'],
    ],
  },
  {
    name: 'an open posting that takes zero',
    drafts: [p(CHECKING, '-5.00 EUR'), p(GROCERIES, '5.00 EUR'), p(HOUSEHOLD)],
    currency: EUR,
    postings: [
      [CHECKING, '-5.00 EUR', '-5.00 EUR'],
      [GROCERIES, '5.00 EUR', '5.00 EUR'],
      [HOUSEHOLD, '0.00 EUR', '0.00 EUR'],
    ],
  },
  {
    name: 'a same-currency posting given by its value alone',
    drafts: [p(CHECKING, '-5.00 EUR'), p(GROCERIES, undefined, '5.00 EUR')],
    currency: EUR,
    postings: [
      [CHECKING, '-5.00 EUR', '-5.00 EUR'],
      [GROCERIES, '5.00 EUR', '5.00 EUR'],
    ],
  },
  {
    name: 'a same-currency posting with equal value and amount',
    drafts: [p(CHECKING, '-5.00 EUR', '-5.00 EUR'), p(GROCERIES, '5.00 EUR', '5.000 EUR')],
    currency: EUR,
    postings: [
      [CHECKING, '-5.00 EUR', '-5.00 EUR'],
      [GROCERIES, '5.00 EUR', '5.00 EUR'],
    ],
  },
  {
    name: 'an archived account the transaction already posted to',
    drafts: [p(OLD_CARD, '-9.99 EUR'), p(DINING, '9.99 EUR')],
    options: { keptAccountIds: new Set([OLD_CARD]) },
    currency: EUR,
    postings: [
      [OLD_CARD, '-9.99 EUR', '-9.99 EUR'],
      [DINING, '9.99 EUR', '9.99 EUR'],
    ],
  },
  {
    name: 'a transaction in JPY',
    drafts: [p(YEN_WALLET, '-1500 JPY'), p(GROCERIES, '9.20 EUR', '1500 JPY')],
    currency: JPY,
    postings: [
      [YEN_WALLET, '-1500 JPY', '-1500 JPY'],
      [GROCERIES, '9.20 EUR', '1500 JPY'],
    ],
  },
];

interface Refused {
  name: string;
  drafts: PostingDraft[];
  options?: BalanceOptions;
  code: ErrorCode;
  fields: [field: string, code: ErrorCode][];
}

const REFUSED: Refused[] = [
  {
    name: 'a single posting',
    drafts: [p(CHECKING, '0.00 EUR')],
    code: 'TOO_FEW_POSTINGS',
    fields: [['/postings', 'TOO_FEW_POSTINGS']],
  },
  {
    name: 'no postings',
    drafts: [],
    code: 'TOO_FEW_POSTINGS',
    fields: [['/postings', 'TOO_FEW_POSTINGS']],
  },
  {
    name: 'unbalanced by one cent',
    drafts: [p(CHECKING, '-12.34 EUR'), p(GROCERIES, '12.33 EUR')],
    code: 'UNBALANCED_TRANSACTION',
    fields: [['/postings', 'UNBALANCED_TRANSACTION']],
  },
  {
    name: 'unbalanced by one yen',
    drafts: [p(YEN_WALLET, '-1500 JPY'), p(GROCERIES, '9.20 EUR', '1501 JPY')],
    code: 'UNBALANCED_TRANSACTION',
    fields: [['/postings', 'UNBALANCED_TRANSACTION']],
  },
  {
    name: 'unbalanced values across currencies',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING, '108.50 USD', '99.99 EUR')],
    code: 'UNBALANCED_TRANSACTION',
    fields: [['/postings', 'UNBALANCED_TRANSACTION']],
  },
  {
    name: 'an amount in the transaction’s currency for an account of another',
    drafts: [p(CHECKING, '-100.00 USD', '-100.00 USD'), p(US_CHECKING, '100.00 USD')],
    options: { currency: USD },
    code: 'CURRENCY_MISMATCH',
    fields: [['/postings/0/amount', 'CURRENCY_MISMATCH']],
  },
  {
    name: 'two postings left open',
    drafts: [p(CHECKING, '-10.00 EUR'), p(GROCERIES), p(HOUSEHOLD)],
    code: 'MISSING_VALUE',
    fields: [['/postings/2/amount', 'MISSING_VALUE']],
  },
  {
    name: 'every posting left open',
    drafts: [p(CHECKING), p(GROCERIES)],
    code: 'MISSING_VALUE',
    fields: [['/postings/1/amount', 'MISSING_VALUE']],
  },
  {
    name: 'a cross-currency posting without its amount',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING, undefined, '100.00 EUR')],
    code: 'MISSING_VALUE',
    fields: [['/postings/1/amount', 'MISSING_VALUE']],
  },
  {
    name: 'a cross-currency posting without its value',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING, '108.50 USD')],
    code: 'MISSING_VALUE',
    fields: [['/postings/1/value', 'MISSING_VALUE']],
  },
  {
    name: 'an open posting into a foreign-currency account',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING)],
    code: 'MISSING_VALUE',
    fields: [['/postings/1/amount', 'MISSING_VALUE']],
  },
  {
    name: 'an explicit currency leaves the first account’s posting without a value',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING, '108.50 USD')],
    options: { currency: USD },
    code: 'MISSING_VALUE',
    fields: [['/postings/0/value', 'MISSING_VALUE']],
  },
  {
    name: 'an unknown account',
    drafts: [p(CHECKING, '-1.00 EUR'), p(NOWHERE, '1.00 EUR')],
    code: 'UNKNOWN_ACCOUNT',
    fields: [['/postings/1/accountId', 'UNKNOWN_ACCOUNT']],
  },
  {
    name: 'an unknown first account (no currency to check the rest against)',
    drafts: [p(NOWHERE, '-1.00 EUR'), p(GROCERIES, '1.00 EUR')],
    code: 'UNKNOWN_ACCOUNT',
    fields: [['/postings/0/accountId', 'UNKNOWN_ACCOUNT']],
  },
  {
    name: 'two unknown accounts',
    drafts: [p(NOWHERE, '-1.00 EUR'), p(NOWHERE + 1, '1.00 EUR')],
    code: 'UNKNOWN_ACCOUNT',
    fields: [
      ['/postings/0/accountId', 'UNKNOWN_ACCOUNT'],
      ['/postings/1/accountId', 'UNKNOWN_ACCOUNT'],
    ],
  },
  {
    name: 'an archived account',
    drafts: [p(OLD_CARD, '-9.99 EUR'), p(DINING, '9.99 EUR')],
    code: 'ACCOUNT_ARCHIVED',
    fields: [['/postings/0/accountId', 'ACCOUNT_ARCHIVED']],
  },
  {
    name: 'an archived account, other accounts being kept',
    drafts: [p(DINING, '9.99 EUR'), p(OLD_CARD, '-9.99 EUR')],
    options: { keptAccountIds: new Set([DINING, CHECKING]) },
    code: 'ACCOUNT_ARCHIVED',
    fields: [['/postings/1/accountId', 'ACCOUNT_ARCHIVED']],
  },
  {
    name: 'an archived account left open',
    drafts: [p(DINING, '9.99 EUR'), p(OLD_CARD)],
    code: 'ACCOUNT_ARCHIVED',
    fields: [['/postings/1/accountId', 'ACCOUNT_ARCHIVED']],
  },
  {
    name: 'an amount in a currency the account does not hold',
    drafts: [p(CHECKING, '-1.00 EUR'), p(GROCERIES, '1.00 USD')],
    code: 'CURRENCY_MISMATCH',
    fields: [['/postings/1/amount', 'CURRENCY_MISMATCH']],
  },
  {
    name: 'a value in a currency other than the transaction’s',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING, '108.50 USD', '108.50 USD')],
    code: 'CURRENCY_MISMATCH',
    fields: [['/postings/1/value', 'CURRENCY_MISMATCH']],
  },
  {
    name: 'a same-currency value in the wrong currency',
    drafts: [p(CHECKING, '-1.00 EUR'), p(GROCERIES, undefined, '1.00 USD')],
    code: 'CURRENCY_MISMATCH',
    fields: [['/postings/1/value', 'CURRENCY_MISMATCH']],
  },
  {
    name: 'value and amount of opposite signs',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING, '-108.50 USD', '100.00 EUR')],
    code: 'SIGN_MISMATCH',
    fields: [['/postings/1/value', 'SIGN_MISMATCH']],
  },
  {
    name: 'a zero amount with a value',
    drafts: [p(CHECKING, '-100.00 EUR'), p(US_CHECKING, '0.00 USD', '100.00 EUR')],
    code: 'SIGN_MISMATCH',
    fields: [['/postings/1/value', 'SIGN_MISMATCH']],
  },
  {
    name: 'value ≠ amount in the account’s own currency',
    drafts: [p(CHECKING, '-1.00 EUR', '-1.01 EUR'), p(GROCERIES, '1.01 EUR')],
    code: 'VALUE_MISMATCH',
    fields: [['/postings/0/value', 'VALUE_MISMATCH']],
  },
  {
    name: 'several problems at once, all reported (and no balance check on top)',
    drafts: [
      p(CHECKING, '-1.00 EUR'),
      p(NOWHERE, '1.00 EUR'),
      p(OLD_CARD, '1.00 EUR'),
      p(GROCERIES, '1.00 USD'),
      p(US_CHECKING, '1.00 USD'),
      p(US_CHECKING, '-1.00 USD', '1.00 EUR'),
      p(HOUSEHOLD, '1.00 EUR', '2.00 EUR'),
      p(DINING),
      p(SAVINGS),
    ],
    code: 'VALIDATION_FAILED',
    fields: [
      ['/postings/1/accountId', 'UNKNOWN_ACCOUNT'],
      ['/postings/2/accountId', 'ACCOUNT_ARCHIVED'],
      ['/postings/3/amount', 'CURRENCY_MISMATCH'],
      ['/postings/4/value', 'MISSING_VALUE'],
      ['/postings/5/value', 'SIGN_MISMATCH'],
      ['/postings/6/value', 'VALUE_MISMATCH'],
      ['/postings/8/amount', 'MISSING_VALUE'],
    ],
  },
  {
    name: 'several problems of one kind keep their code',
    drafts: [p(CHECKING, '-1.00 EUR', '-2.00 EUR'), p(GROCERIES, '1.00 EUR', '2.00 EUR')],
    code: 'VALUE_MISMATCH',
    fields: [
      ['/postings/0/value', 'VALUE_MISMATCH'],
      ['/postings/1/value', 'VALUE_MISMATCH'],
    ],
  },
];

describe('balancePostings: scenarios', () => {
  it.each(ACCEPTED)('accepts $name', ({ drafts, options, currency: expected, postings }) => {
    expect(rows(drafts, options)).toEqual({ currency: expected, postings });
  });

  it.each(REFUSED)('refuses $name', ({ drafts, options, code, fields }) => {
    const error = caught(() => balancePostings(drafts, ACCOUNTS, options));
    expect(error.code).toBe(code);
    expect(error.fieldErrors.map((e) => [e.field, e.code])).toEqual(fields);
    for (const fieldError of error.fieldErrors) expect(fieldError.message).not.toBe('');
    expect(error.message).not.toBe('');
  });

  it('says by how much a transaction is off', () => {
    const error = caught(() =>
      balancePostings([p(CHECKING, '-12.34 EUR'), p(GROCERIES, '12.33 EUR')], ACCOUNTS),
    );
    expect(error.message).toContain('-0.01 EUR');
  });

  it('keeps memos and gives null where there is none', () => {
    const { postings } = balancePostings(
      [
        p(CHECKING, '-3.00 EUR', undefined, 'card'),
        p(GROCERIES, undefined, undefined, 'bread'),
        p(DINING, '1.00 EUR'),
      ],
      ACCOUNTS,
    );
    expect(postings.map((posting) => posting.memo)).toEqual(['card', 'bread', null]);
  });

  it('does not change the drafts it was given', () => {
    const drafts = [p(CHECKING, '-3.00 EUR'), p(GROCERIES)];
    const copy = structuredClone(drafts);
    balancePostings(drafts, ACCOUNTS);
    expect(drafts).toEqual(copy);
  });

  it('needs no options', () => {
    expect(balancePostings([p(CHECKING, '-1.00 EUR'), p(SAVINGS, '1.00 EUR')], ACCOUNTS).currency).toBe(EUR);
  });
});

describe('balancePostings: properties', () => {
  const EUR_ACCOUNTS = [CHECKING, SAVINGS, GROCERIES, HOUSEHOLD, DINING, SALARY];
  const eurAccount = fc.constantFrom(...EUR_ACCOUNTS);
  const minor = fc.bigInt(-(10n ** 12n), 10n ** 12n);
  const eurDraft = fc
    .tuple(eurAccount, minor)
    .map(([accountId, amount]): PostingDraft => ({ accountId, amount: money(amount, EUR) }));
  const total = (values: readonly Money[]) => values.reduce((acc, value) => acc + value.minor, 0n);

  /** 2..10 EUR postings, the last of which is the negated sum of the others. */
  const balancedDrafts = fc
    .tuple(fc.array(eurDraft, { minLength: 1, maxLength: 9 }), eurAccount)
    .map(([drafts, lastAccount]): PostingDraft[] => [
      ...drafts,
      { accountId: lastAccount, amount: money(-total(drafts.map((d) => d.amount!)), EUR) },
    ]);

  it('accepts balanced postings and returns them as given, summing to zero', () => {
    fc.assert(
      fc.property(balancedDrafts, (drafts) => {
        const balanced = balancePostings(drafts, ACCOUNTS);
        expect(balanced.currency).toBe(EUR);
        expect(balanced.postings).toHaveLength(drafts.length);
        expect(total(balanced.postings.map((posting) => posting.value))).toBe(0n);
        balanced.postings.forEach((posting, i) => {
          expect(posting.accountId).toBe(drafts[i]!.accountId);
          expect(posting.amount).toEqual(drafts[i]!.amount);
          expect(posting.value).toEqual(posting.amount);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses them as UNBALANCED_TRANSACTION once any posting is off by any amount', () => {
    const delta = fc.bigInt(-(10n ** 9n), 10n ** 9n).filter((d) => d !== 0n);
    fc.assert(
      fc.property(balancedDrafts, fc.nat(), delta, (drafts, pick, d) => {
        const index = pick % drafts.length;
        const perturbed = drafts.map((draft, i) =>
          i === index ? { ...draft, amount: money(draft.amount!.minor + d, EUR) } : draft,
        );
        const error = caught(() => balancePostings(perturbed, ACCOUNTS));
        expect(error.code).toBe('UNBALANCED_TRANSACTION');
        expect(error.fieldErrors.map((e) => e.field)).toEqual(['/postings']);
      }),
      { numRuns: 300 },
    );
  });

  it('an open posting always takes minus the sum of the others', () => {
    fc.assert(
      fc.property(
        fc.array(eurDraft, { minLength: 1, maxLength: 9 }),
        eurAccount,
        fc.nat(),
        (drafts, openAccount, pick) => {
          const index = pick % (drafts.length + 1);
          const withOpen = [...drafts.slice(0, index), { accountId: openAccount }, ...drafts.slice(index)];
          const balanced = balancePostings(withOpen, ACCOUNTS);
          const open = balanced.postings[index]!;
          expect(open.accountId).toBe(openAccount);
          expect(open.amount).toEqual(money(-total(drafts.map((d) => d.amount!)), EUR));
          expect(open.value).toEqual(open.amount);
          expect(total(balanced.postings.map((posting) => posting.value))).toBe(0n);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('across currencies the values balance while the amounts need not', () => {
    const foreign = fc.constantFrom(US_CHECKING, YEN_WALLET, DINAR);
    const foreignDraft = fc
      .tuple(foreign, minor, fc.bigInt(1n, 10n ** 12n))
      .map(([accountId, value, magnitude]): PostingDraft => {
        const code = ACCOUNTS.get(accountId)!.currency;
        const amount = value === 0n ? 0n : value < 0n ? -magnitude : magnitude;
        return { accountId, amount: money(amount, code), value: money(value, EUR) };
      });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(eurDraft, foreignDraft), { minLength: 1, maxLength: 9 }),
        eurAccount,
        (drafts, lastAccount) => {
          const figureOf = (draft: PostingDraft) => (draft.value ?? draft.amount)!;
          const all: PostingDraft[] = [
            ...drafts,
            { accountId: lastAccount, amount: money(-total(drafts.map(figureOf)), EUR) },
          ];
          const balanced = balancePostings(all, ACCOUNTS, { currency: EUR });
          expect(total(balanced.postings.map((posting) => posting.value))).toBe(0n);
          balanced.postings.forEach((posting, i) => {
            expect(posting.amount).toEqual(all[i]!.amount);
            expect(posting.amount.currency).toBe(ACCOUNTS.get(posting.accountId)!.currency);
            expect(posting.value.currency).toBe(EUR);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a foreign posting with opposite signs is refused wherever it stands', () => {
    fc.assert(
      fc.property(
        fc.array(eurDraft, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.bigInt(1n, 10n ** 9n),
        fc.bigInt(1n, 10n ** 9n),
        (drafts, pick, amount, value) => {
          const index = pick % (drafts.length + 1);
          const wrong: PostingDraft = {
            accountId: US_CHECKING,
            amount: money(-amount, USD),
            value: money(value, EUR),
          };
          const all = [...drafts.slice(0, index), wrong, ...drafts.slice(index), { accountId: CHECKING }];
          const error = caught(() => balancePostings(all, ACCOUNTS, { currency: EUR }));
          expect(error.code).toBe('SIGN_MISMATCH');
          expect(error.fieldErrors.map((e) => e.field)).toEqual([`/postings/${index}/value`]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
