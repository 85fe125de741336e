import { atField, type FieldError, fail, MonetaError } from '../errors.ts';
import { type CurrencyCode, formatMoney, MAX_MINOR, type Money, money, sign } from '../money/index.ts';

/** pending → cleared (seen on the statement) → reconciled (statement closed). */
export const TRANSACTION_STATUSES = ['pending', 'cleared', 'reconciled'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** What the ledger needs to know of an account to accept a posting into it. */
export interface PostingAccount {
  readonly id: number;
  readonly currency: CurrencyCode;
  readonly archived: boolean;
}

/**
 * A posting as a caller proposes it. `amount` is what the account sees, in the account's
 * currency; `value` is the same movement in the transaction's currency. When the two currencies
 * are the same, give `amount` alone. At most one posting may leave both out: it takes the rest
 * of the balance.
 */
export interface PostingDraft {
  readonly accountId: number;
  readonly amount?: Money | undefined;
  readonly value?: Money | undefined;
  readonly memo?: string | null | undefined;
}

/** A posting of a balanced transaction: both figures always present. */
export interface Posting {
  readonly accountId: number;
  readonly amount: Money;
  readonly value: Money;
  readonly memo: string | null;
}

/** The postings of a transaction that balances: Σ value = 0 in `currency`. */
export interface BalancedPostings {
  readonly currency: CurrencyCode;
  readonly postings: readonly Posting[];
  /** What moved: the sum of the positive values (at most MAX_MINOR). */
  readonly total: Money;
}

export interface BalanceOptions {
  /** The transaction's currency; defaults to the currency of the first posting's account. */
  readonly currency?: CurrencyCode | undefined;
  /** Accounts the transaction already posted to; they may stay even when archived since. */
  readonly keptAccountIds?: ReadonlySet<number>;
}

/**
 * Checks proposed postings against the ledger's rules and returns them balanced (GnuCash's
 * value/quantity model, Beancount's interpolation of one missing posting). Every problem found
 * is reported at once, addressed as `/postings/<i>/<field>`.
 */
export function balancePostings(
  drafts: readonly PostingDraft[],
  accounts: ReadonlyMap<number, PostingAccount>,
  options: BalanceOptions = {},
): BalancedPostings {
  if (drafts.length < 2) {
    fail(
      'TOO_FEW_POSTINGS',
      'A transaction needs at least two postings: where the money comes from and where it goes.',
      [{ field: '/postings', code: 'TOO_FEW_POSTINGS', message: 'Give at least two postings.' }],
    );
  }
  const errors: FieldError[] = [];
  const report = (index: number, field: string, error: MonetaError | FieldError) =>
    errors.push({ field: `/postings/${index}${field}`, code: error.code, message: error.message });

  const firstAccount = accounts.get(drafts[0]!.accountId);
  const currency = options.currency ?? firstAccount?.currency;

  const postings: (Posting | undefined)[] = [];
  let open: number | undefined;
  drafts.forEach((draft, index) => {
    const account = accounts.get(draft.accountId);
    if (!account) {
      report(
        index,
        '/accountId',
        issue('UNKNOWN_ACCOUNT', `There is no account ${draft.accountId} in this book.`),
      );
      return;
    }
    if (account.archived && !options.keptAccountIds?.has(account.id)) {
      report(
        index,
        '/accountId',
        issue('ACCOUNT_ARCHIVED', `Account ${account.id} is archived; unarchive it to post to it.`),
      );
    }
    if (!currency) return;
    if (!draft.amount && !draft.value) {
      if (open !== undefined) {
        report(
          index,
          '/amount',
          issue('MISSING_VALUE', 'Only one posting may leave its amount out to take the balance.'),
        );
      }
      open = index;
      postings.push(undefined);
      return;
    }
    const posting = checkPosting(draft, account, currency, (field, error) => report(index, field, error));
    postings.push(posting);
  });

  if (errors.length === 0 && currency) {
    let total = 0n;
    for (const posting of postings) total += posting?.value.minor ?? 0n;
    if (open !== undefined) {
      const account = accounts.get(drafts[open]!.accountId)!;
      if (account.currency !== currency) {
        report(
          open,
          '/amount',
          issue('MISSING_VALUE', `This posting is into a ${account.currency} account; give its amount.`),
        );
      } else {
        const rest = atField(`/postings/${open}/amount`, () => money(-total, currency));
        postings[open] = {
          accountId: account.id,
          amount: rest,
          value: rest,
          memo: drafts[open]!.memo ?? null,
        };
        total = 0n;
      }
    }
    if (total !== 0n && errors.length === 0) {
      const residual = formatMoney({ minor: total, currency });
      fail(
        'UNBALANCED_TRANSACTION',
        `The postings do not balance: they sum to ${residual} ${currency}, not zero.`,
        [
          {
            field: '/postings',
            code: 'UNBALANCED_TRANSACTION',
            message: `The postings sum to ${residual} ${currency}.`,
          },
        ],
      );
    }
  }
  if (errors.length > 0) {
    const codes = new Set(errors.map((error) => error.code));
    const code = codes.size === 1 ? errors[0]!.code : 'VALIDATION_FAILED';
    throw new MonetaError(
      code,
      errors.length === 1 ? errors[0]!.message : 'Some postings are invalid.',
      errors,
    );
  }
  const balanced = postings as Posting[];
  const moved = balanced.reduce((total, p) => (p.value.minor > 0n ? total + p.value.minor : total), 0n);
  if (moved > MAX_MINOR) {
    const message = `The transaction moves more than ${MAX_MINOR} minor units.`;
    fail('AMOUNT_OUT_OF_RANGE', message, [{ field: '/postings', code: 'AMOUNT_OUT_OF_RANGE', message }]);
  }
  return { currency: currency!, postings: balanced, total: { minor: moved, currency: currency! } };
}

function checkPosting(
  draft: PostingDraft,
  account: PostingAccount,
  currency: CurrencyCode,
  report: (field: string, error: FieldError) => void,
): Posting | undefined {
  const memo = draft.memo ?? null;
  const { amount, value } = draft;
  if (amount && amount.currency !== account.currency) {
    report(
      '/amount',
      issue('CURRENCY_MISMATCH', `Account ${account.id} holds ${account.currency}, not ${amount.currency}.`),
    );
    return undefined;
  }
  if (value && value.currency !== currency) {
    report(
      '/value',
      issue(
        'CURRENCY_MISMATCH',
        `The transaction is in ${currency}; the value must be too, not ${value.currency}.`,
      ),
    );
    return undefined;
  }
  if (account.currency === currency) {
    const figure = (amount ?? value)!;
    if (amount && value && amount.minor !== value.minor) {
      report(
        '/value',
        issue('VALUE_MISMATCH', 'In the account’s own currency, value and amount must be equal.'),
      );
      return undefined;
    }
    return { accountId: account.id, amount: figure, value: figure, memo };
  }
  if (!amount || !value) {
    const missing = amount ? 'value' : 'amount';
    const what = amount ? `its value in ${currency}` : `its amount in ${account.currency}`;
    report(
      `/${missing}`,
      issue(
        'MISSING_VALUE',
        `A posting into a ${account.currency} account of a ${currency} transaction needs ${what}.`,
      ),
    );
    return undefined;
  }
  if (sign(amount) !== sign(value)) {
    report(
      '/value',
      issue('SIGN_MISMATCH', 'Value and amount must have the same sign: both in, or both out.'),
    );
    return undefined;
  }
  return { accountId: account.id, amount, value, memo };
}

function issue(code: FieldError['code'], message: string): FieldError {
  return { field: '', code, message };
}
