import { currency, formatMoney, parseMoney } from '../../../core/money/index.ts';
import type { AccountJson, NewTransactionJson, PostingInputJson, TransactionJson } from '../../api/types.ts';

/**
 * What the register's editor holds, and how it becomes a balanced transaction. Pure: the
 * component renders it, the tests check it. Amounts are exact decimal strings throughout.
 *
 * The register's own account pays out (`outflow`) or receives (`inflow`). The other side is one
 * target (a category, or another account for a transfer) or, split, several category lines whose
 * amounts are shares of the total in the same direction.
 */
export interface SplitLine {
  targetId: number | null;
  /** A share of the total, as a positive decimal, or '' for "whatever remains". */
  amount: string;
  memo: string;
}

export interface Draft {
  date: string;
  payeeName: string;
  description: string;
  notes: string;
  tagIds: number[];
  outflow: string;
  inflow: string;
  status: 'pending' | 'cleared' | 'reconciled';
  split: boolean;
  targetId: number | null;
  /** For a transfer into an account of another currency: what arrives there, positive. */
  targetAmount: string;
  lines: SplitLine[];
}

export function emptyDraft(date: string): Draft {
  return {
    date,
    payeeName: '',
    description: '',
    notes: '',
    tagIds: [],
    outflow: '',
    inflow: '',
    status: 'pending',
    split: false,
    targetId: null,
    targetAmount: '',
    lines: [
      { targetId: null, amount: '', memo: '' },
      { targetId: null, amount: '', memo: '' },
    ],
  };
}

const minor = (amount: string, code: string) =>
  amount === '' ? 0n : parseMoney(amount, currency(code)).minor;
const decimal = (value: bigint, code: string) => formatMoney({ minor: value, currency: currency(code) });

/** The signed amount for the register's account: inflow − outflow. */
export function mainAmount(draft: Draft, code: string): bigint {
  return minor(draft.inflow, code) - minor(draft.outflow, code);
}

/** How much of the total the split lines leave unassigned (as a positive decimal when short). */
export function remaining(draft: Draft, code: string): string {
  const total = mainAmount(draft, code);
  const magnitude = total < 0n ? -total : total;
  const assigned = draft.lines.reduce((sum, line) => sum + minor(line.amount, code), 0n);
  return decimal(magnitude - assigned, code);
}

export type DraftProblem = { field: string; message: string };

/** Why the draft cannot be saved yet, if anything. */
export function problemsOf(
  draft: Draft,
  account: AccountJson,
  targets: ReadonlyMap<number, AccountJson>,
): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const code = account.currency;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.push({ field: 'date', message: 'Give a date.' });
  if (draft.outflow !== '' && draft.inflow !== '')
    problems.push({ field: 'amount', message: 'Fill in either out or in, not both.' });
  if (mainAmount(draft, code) === 0n) problems.push({ field: 'amount', message: 'Give an amount.' });
  if (!draft.split) {
    const target = draft.targetId === null ? undefined : targets.get(draft.targetId);
    if (!target) problems.push({ field: 'target', message: 'Choose a category or an account.' });
    else if (target.currency !== code && draft.targetAmount === '') {
      problems.push({ field: 'targetAmount', message: `Give the amount in ${target.currency}.` });
    }
  } else {
    if (draft.lines.some((line) => line.targetId === null)) {
      problems.push({ field: 'lines', message: 'Choose a category on every line.' });
    }
    const open = draft.lines.filter((line) => line.amount === '').length;
    const left = remaining(draft, code);
    if (open === 0 && !/^0(\.0+)?$/.test(left))
      problems.push({ field: 'lines', message: `Still ${left} ${code} to assign.` });
    if (open > 1)
      problems.push({ field: 'lines', message: 'Leave at most one line empty to take the rest.' });
    if (left.startsWith('-'))
      problems.push({ field: 'lines', message: `The lines add up to more than the total.` });
  }
  return problems;
}

/** The transaction the draft describes, for POST or PATCH. Call only when `problemsOf` is empty. */
export function toTransaction(
  draft: Draft,
  account: AccountJson,
  targets: ReadonlyMap<number, AccountJson>,
): NewTransactionJson {
  const code = account.currency;
  const total = mainAmount(draft, code);
  const money = (value: bigint, c = code) => ({ amount: decimal(value, c), currency: c });
  const postings: PostingInputJson[] = [{ accountId: account.id, amount: money(total) }];
  if (draft.split) {
    const direction = total < 0n ? 1n : -1n;
    for (const line of draft.lines) {
      postings.push({
        accountId: line.targetId!,
        ...(line.amount !== '' && { amount: money(direction * minor(line.amount, code)) }),
        ...(line.memo.trim() && { memo: line.memo.trim() }),
      });
    }
  } else {
    const target = targets.get(draft.targetId!)!;
    if (target.currency === code) {
      postings.push({ accountId: target.id, amount: money(-total) });
    } else {
      const arriving = minor(draft.targetAmount, target.currency) * (total < 0n ? 1n : -1n);
      postings.push({ accountId: target.id, amount: money(arriving, target.currency), value: money(-total) });
    }
  }
  return {
    date: draft.date,
    ...(draft.payeeName.trim() ? { payeeName: draft.payeeName.trim() } : { payeeId: null }),
    description: draft.description.trim(),
    notes: draft.notes.trim() || null,
    tagIds: draft.tagIds,
    status: draft.status,
    postings,
  };
}

/** The draft that edits an existing transaction from the point of view of `account`. */
export function draftOf(transaction: TransactionJson, account: AccountJson): Draft {
  const own = transaction.postings.filter((p) => p.accountId === account.id);
  const others = transaction.postings.filter((p) => p.accountId !== account.id);
  const code = account.currency;
  const total = own.reduce((sum, p) => sum + minor(p.amount.amount, code), 0n);
  const magnitude = (value: bigint) => decimal(value < 0n ? -value : value, code);
  const draft: Draft = {
    ...emptyDraft(transaction.date),
    payeeName: transaction.payee?.name ?? '',
    description: transaction.description,
    notes: transaction.notes ?? '',
    tagIds: transaction.tags.map((tag) => tag.id),
    status: transaction.status,
    outflow: total < 0n ? magnitude(total) : '',
    inflow: total > 0n ? magnitude(total) : '',
  };
  if (others.length === 1) {
    const other = others[0]!;
    const otherMinor = minor(other.amount.amount, other.amount.currency);
    draft.targetId = other.accountId;
    draft.targetAmount =
      other.amount.currency === code
        ? ''
        : decimal(otherMinor < 0n ? -otherMinor : otherMinor, other.amount.currency);
  } else {
    draft.split = true;
    draft.lines = others.map((p) => {
      const value = minor(p.amount.amount, code);
      return { targetId: p.accountId, amount: magnitude(value), memo: p.memo ?? '' };
    });
  }
  return draft;
}
