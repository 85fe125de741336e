/**
 * The demo household's ledger as a plan: pure and deterministic (a seed and an end date in, the
 * same transactions out), so it is tested without a database and written by `write.ts`.
 *
 * Amounts are bigint minor units. Postings follow the ledger's sign convention: positive into an
 * asset or an expense, negative out of an asset or into a liability or income. Every plan
 * transaction is in EUR; a posting into the USD account carries its EUR `value` beside its USD
 * `amount`, converted in integer arithmetic (see `routines.ts`).
 */
import { addDays, daysInMonth, type IsoDate, isoDate } from '../../core/calendar/date.ts';
import {
  ACCOUNTS,
  type AccountKey,
  GROUPS,
  type PlannedAccount,
  type PlannedGroup,
  type PostingTarget,
} from './catalogue.ts';
import { seededRandom } from './random.ts';
import { type Day, everyDay } from './routines.ts';

export interface PlannedPosting {
  readonly target: PostingTarget;
  /** In the target's currency. */
  readonly amount: bigint;
  /** In EUR, only for a posting into a USD account. */
  readonly value?: bigint;
  readonly memo?: string;
}

export type PlannedStatus = 'pending' | 'cleared' | 'reconciled';

export interface PlannedTransaction {
  readonly date: IsoDate;
  readonly payee: string | null;
  readonly description: string;
  readonly status: PlannedStatus;
  readonly postings: readonly PlannedPosting[];
}

export interface DemoPlan {
  /** The first day: opening balances are dated here. */
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly accounts: readonly PlannedAccount[];
  readonly groups: readonly PlannedGroup[];
  /** In date order. */
  readonly transactions: readonly PlannedTransaction[];
}

export interface PlanOptions {
  readonly seed: number;
  /** Whole years of history, ending at `endDate` (inclusive). */
  readonly years: number;
  readonly endDate: string;
}

function parts(date: IsoDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** The day after the same date `years` earlier: `years` whole years up to and including `end`. */
export function startOfPlan(end: IsoDate, years: number): IsoDate {
  const [year, month, day] = parts(end);
  const earlier = Math.min(day, daysInMonth(year - years, month));
  const pad = (n: number) => String(n).padStart(2, '0');
  return addDays(isoDate(`${year - years}-${pad(month)}-${pad(earlier)}`), 1);
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Older entries have been reconciled against a statement, recent ones cleared, the newest are pending. */
function statusOn(date: IsoDate, end: IsoDate): PlannedStatus {
  const age = daysBetween(date, end);
  return age > 45 ? 'reconciled' : age > 6 ? 'cleared' : 'pending';
}

export function planDemo(options: PlanOptions): DemoPlan {
  if (!Number.isInteger(options.years) || options.years < 1) throw new RangeError('years must be 1 or more.');
  const endDate = isoDate(options.endDate);
  const startDate = startOfPlan(endDate, options.years);
  const random = seededRandom(options.seed);
  const transactions: PlannedTransaction[] = [];
  const balances = new Map<AccountKey, bigint>(ACCOUNTS.map((account) => [account.key, account.opening]));
  const cardByMonth = new Map<string, bigint>();
  const [startYear, startMonth] = parts(startDate);
  const memory = { usdPerEur: 10_800n };

  for (let date = startDate; date <= endDate; date = addDays(date, 1)) {
    const [year, month, day] = parts(date);
    const today: Day = {
      date,
      year,
      month,
      day,
      weekday: new Date(`${date}T00:00:00Z`).getUTCDay(),
      yearsIn: BigInt(Math.floor(((year - startYear) * 12 + month - startMonth) / 12)),
      random,
      balance: (key) => balances.get(key)!,
      cardCharges: (yearMonth) => cardByMonth.get(yearMonth) ?? 0n,
      memory,
      add(payee, description, postings) {
        transactions.push({ date, payee, description, status: statusOn(date, endDate), postings });
        for (const posting of postings) {
          const key = posting.target as AccountKey;
          if (!balances.has(key)) continue;
          balances.set(key, balances.get(key)! + posting.amount);
          if (key === 'card' && posting.amount < 0n) {
            const yearMonth = date.slice(0, 7);
            cardByMonth.set(yearMonth, (cardByMonth.get(yearMonth) ?? 0n) - posting.amount);
          }
        }
      },
    };
    everyDay(today);
  }
  return { startDate, endDate, accounts: ACCOUNTS, groups: GROUPS, transactions };
}
