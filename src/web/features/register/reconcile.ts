import { daysInMonth } from '../../../core/calendar/date.ts';
import { currency, formatMoney, parseMoney } from '../../../core/money/index.ts';
import type { MoneyJson, TransactionJson } from '../../api/types.ts';

/**
 * Reconciling an account against a statement, the arithmetic: pure, so the component renders it
 * and the tests check it. Amounts are bigint minor units inside, exact decimal strings outside.
 */

/** One transaction not yet reconciled, as the account sees it. */
export interface ReconcileLine {
  transactionId: number;
  date: string;
  payee: string;
  description: string;
  /** What moved into (positive) or out of the account. */
  amount: MoneyJson;
  cleared: boolean;
}

/** Ticks sent to the server and not yet seen in its answer: transaction id → ticked. */
export type Ticks = ReadonlyMap<number, boolean>;

const minor = (amount: string, code: string) => parseMoney(amount, currency(code)).minor;
const decimal = (value: bigint, code: string) => formatMoney({ minor: value, currency: currency(code) });

/** The account's side of each transaction (Σ of its postings there), oldest first as statements list them. */
export function linesOf(transactions: readonly TransactionJson[], accountId: number, code: string) {
  return transactions
    .map(
      (transaction): ReconcileLine => ({
        transactionId: transaction.id,
        date: transaction.date,
        payee: transaction.payee?.name ?? '',
        description: transaction.description,
        amount: {
          amount: decimal(
            transaction.postings
              .filter((posting) => posting.accountId === accountId)
              .reduce((sum, posting) => sum + minor(posting.amount.amount, code), 0n),
            code,
          ),
          currency: code,
        },
        cleared: transaction.status === 'cleared',
      }),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.transactionId - b.transactionId);
}

export const isTicked = (line: ReconcileLine, ticks: Ticks) => ticks.get(line.transactionId) ?? line.cleared;

export interface ReconcileSummary {
  /** What the ticked and the already reconciled transactions come to. */
  cleared: string;
  /** The statement's balance minus `cleared`; null while no balance is given. */
  difference: string | null;
  ticked: number;
}

/**
 * Where the ticking stands. `serverCleared` is the server's cleared total up to the statement's
 * date, taken together with `lines`: without the lines it says it counts, what is left is the
 * reconciled part, to which the lines ticked now are added.
 */
export function summaryOf(
  statement: string,
  serverCleared: MoneyJson,
  lines: readonly ReconcileLine[],
  ticks: Ticks,
): ReconcileSummary {
  const code = serverCleared.currency;
  let cleared = minor(serverCleared.amount, code);
  let ticked = 0;
  for (const line of lines) {
    if (line.cleared) cleared -= minor(line.amount.amount, code);
    if (isTicked(line, ticks)) {
      cleared += minor(line.amount.amount, code);
      ticked++;
    }
  }
  return {
    cleared: decimal(cleared, code),
    difference: statement === '' ? null : decimal(minor(statement, code) - cleared, code),
    ticked,
  };
}

/**
 * The next statement's closing date: a month after the last one, on the same day, or on the month's
 * last day when the last statement closed on one (31 Jan → 28 Feb → 31 Mar).
 */
export function monthAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const last = daysInMonth(next.year, next.month);
  const nextDay = day === daysInMonth(year, month) ? last : Math.min(day, last);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${next.year}-${pad(next.month)}-${pad(nextDay)}`;
}
