/**
 * The demo household's ledger as a plan: pure and deterministic (a seed and an end date in, the
 * same transactions out), so it is tested without a database and written by `write.ts`.
 *
 * Amounts are bigint minor units. Postings follow the ledger's sign convention: positive into an
 * asset or an expense, negative out of an asset or into a liability or income. Every plan
 * transaction is in EUR; a posting into the USD account carries its EUR `value` beside its USD
 * `amount`, converted in integer arithmetic at a rate of USD per EUR in ten-thousandths.
 */
import { addDays, daysInMonth, type IsoDate, isoDate } from '../../core/calendar/date.ts';
import {
  ACCOUNTS,
  type AccountKey,
  type CategoryName,
  GROUPS,
  PAYEES,
  type PlannedAccount,
  type PlannedGroup,
  type PostingTarget,
} from './catalogue.ts';
import { type Random, scaleMinor, seededRandom } from './random.ts';

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
  /** Whole years of history, ending at `endDate`. */
  readonly years: number;
  readonly endDate: string;
}

/** USD per EUR, in ten-thousandths (10800 = 1.0800). */
const RATE_SCALE = 10_000n;

/** The day after the same date `years` earlier: `years` whole years up to and including `end`. */
export function startOfPlan(end: IsoDate, years: number): IsoDate {
  const [year, month, day] = end.split('-').map(Number) as [number, number, number];
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
  if (!Number.isInteger(options.years) || options.years < 1) throw new RangeError('years must be ≥ 1');
  const endDate = isoDate(options.endDate);
  const startDate = startOfPlan(endDate, options.years);
  const random = seededRandom(options.seed);
  const transactions: PlannedTransaction[] = [];
  const state = { cardByMonth: new Map<string, bigint>(), savings: opening('savings'), usd: 0n, rate: 10_800n };

  for (let date = startDate; date <= endDate; date = addDays(date, 1)) {
    const add = (payee: string | null, description: string, postings: PlannedPosting[]) => {
      transactions.push({ date, payee, description, status: statusOn(date, endDate), postings });
      const card = postings.find((p) => p.target === 'card');
      if (card && card.amount < 0n) {
        const month = date.slice(0, 7);
        state.cardByMonth.set(month, (state.cardByMonth.get(month) ?? 0n) - card.amount);
      }
    };
    const monthsIn = monthsBetween(startDate, date);
    planDay(date, monthsIn, random, state, add);
  }
  return { startDate, endDate, accounts: ACCOUNTS, groups: GROUPS, transactions };
}

function opening(key: AccountKey): bigint {
  return ACCOUNTS.find((account) => account.key === key)!.opening;
}

function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

type Add = (payee: string | null, description: string, postings: PlannedPosting[]) => void;

interface PlanState {
  /** What was charged to the credit card per month ('YYYY-MM'), paid off on the 5th of the next. */
  cardByMonth: Map<string, bigint>;
  savings: bigint;
  usd: bigint;
  rate: bigint;
}

/** An expense: `amount` out of `from` into `category`. */
function spend(category: CategoryName, from: AccountKey, amount: bigint, memo?: string): PlannedPosting[] {
  return [
    { target: category, amount, ...(memo && { memo }) },
    { target: from, amount: -amount },
  ];
}

function transfer(from: AccountKey, to: AccountKey, amount: bigint): PlannedPosting[] {
  return [
    { target: from, amount: -amount },
    { target: to, amount },
  ];
}

function planDay(date: IsoDate, monthsIn: number, random: Random, state: PlanState, add: Add): void {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const yearsIn = BigInt(Math.floor(monthsIn / 12));

  // Monthly: rent, bills, salary, saving, paying off the card.
  if (day === 1) add(PAYEES.landlord, 'Monthly rent', spend('Rent', 'checking', 950_00n + 35_00n * yearsIn));
  if (day === 1) add(PAYEES.transit, 'Deutschlandticket', spend('Public transport', 'checking', 49_00n));
  if (day === 3) add(PAYEES.internet, 'Internet and phone', spend('Utilities', 'checking', 39_99n));
  if (day === 15)
    add(PAYEES.power, 'Electricity and gas', spend('Utilities', 'checking', random.minor(78_00, 112_00)));
  if (day === 8) add('Netflix', 'Netflix Standard', spend('Subscriptions', 'card', 13_99n));
  if (day === 12) add('Spotify', 'Spotify Premium', spend('Subscriptions', 'card', 10_99n));
  if (day === 2 || day === 16) add(null, 'Cash withdrawal', transfer('checking', 'cash', random.pick([100_00n, 150_00n])));
  if (day === 25) {
    const salary = 3_350_00n + 100_00n * yearsIn;
    add(PAYEES.employer, 'Salary', [
      { target: 'checking', amount: salary },
      { target: 'Salary', amount: -salary },
    ]);
  }
  if (day === 26) {
    add(null, 'Transfer to savings', transfer('checking', 'savings', 400_00n));
    state.savings += 400_00n;
  }
  if (day === 5) {
    const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const owed = state.cardByMonth.get(previous) ?? 0n;
    if (owed > 0n) add(null, 'Credit card payment', transfer('checking', 'card', owed));
  }
  if (month % 3 === 0 && day === daysInMonth(year, month)) {
    const interest = scaleMinor(state.savings, 150n, 40_000n); // 1.5 % a year, paid quarterly
    add(PAYEES.bank, 'Interest', [
      { target: 'savings', amount: interest },
      { target: 'Interest', amount: -interest },
    ]);
    state.savings += interest;
  }

  planShopping(weekday, random, add);
  planOccasions(month, day, random, add);
  planTrip(month, day, random, state, add);
}

/** Weekly groceries (some split with household goods), bakeries, restaurants, fuel, the odd purchase. */
function planShopping(weekday: number, random: Random, add: Add): void {
  if (weekday === 6) {
    const shop = random.pick(PAYEES.supermarkets);
    const from = random.chance(70) ? 'checking' : 'card';
    const total = random.minor(35_00, 115_00);
    if (random.chance(30)) {
      const household = random.minor(6_00, 25_00);
      const health = random.chance(35) ? random.minor(3_00, 12_00) : 0n;
      const postings: PlannedPosting[] = [
        { target: 'Groceries', amount: total - household - health, memo: 'Food' },
        { target: 'Household', amount: household, memo: 'Cleaning supplies' },
      ];
      if (health > 0n) postings.push({ target: 'Health', amount: health, memo: 'Toiletries' });
      postings.push({ target: from, amount: -total });
      add(shop, 'Weekly shop', postings);
    } else {
      add(shop, 'Weekly shop', spend('Groceries', from, total));
    }
  }
  if (weekday === 3 && random.chance(40)) {
    add(random.pick(PAYEES.discounters), 'Top-up shop', spend('Groceries', random.chance(50) ? 'cash' : 'checking', random.minor(8_00, 30_00)));
  }
  if (weekday !== 0 && random.chance(15)) {
    add(random.pick(PAYEES.bakeries), 'Bread and coffee', spend('Groceries', 'cash', random.minor(2_50, 9_80)));
  }
  if (random.chance(10)) {
    const from = random.chance(60) ? 'card' : 'cash';
    add(random.pick(PAYEES.restaurants), 'Dinner', spend('Restaurants', from, random.minor(18_00, 75_00)));
  }
  if (random.chance(7)) add(random.pick(PAYEES.fuel), 'Fuel', spend('Fuel', 'card', random.minor(55_00, 85_00)));
  if (random.chance(2)) add(random.pick(PAYEES.clothing), 'Clothes', spend('Clothing', 'card', random.minor(25_00, 120_00)));
  if (random.chance(3)) {
    add(random.pick(PAYEES.health), 'Pharmacy', spend('Health', random.chance(50) ? 'cash' : 'checking', random.minor(5_00, 40_00)));
  }
  if (random.chance(3)) {
    add(random.pick(PAYEES.entertainment), 'Going out', spend('Entertainment', 'card', random.minor(10_00, 60_00)));
  }
  if (random.chance(2)) {
    add(random.pick(PAYEES.household), 'Home things', spend('Household', 'card', random.minor(15_00, 150_00)));
  }
}

/** Christmas presents and three birthdays a year. */
function planOccasions(month: number, day: number, random: Random, add: Add): void {
  const christmas = month === 12 && (day === 10 || day === 14 || day === 18);
  const birthday = (month === 3 && day === 14) || (month === 7 && day === 2) || (month === 10 && day === 21);
  if (christmas || birthday) {
    const what = christmas ? 'Christmas present' : 'Birthday present';
    add(random.pick(PAYEES.gifts), what, spend('Gifts', 'card', random.minor(20_00, 80_00)));
  }
}

/** Each May: EUR changed into the USD account on the 2nd, then a week in New York paid from it. */
function planTrip(month: number, day: number, random: Random, state: PlanState, add: Add): void {
  if (month !== 5) return;
  if (day === 2) {
    state.rate = BigInt(random.int(10_650, 10_950));
    const euros = random.pick([800_00n, 1_000_00n, 1_200_00n]);
    const dollars = scaleMinor(euros, state.rate, RATE_SCALE);
    add(null, `Exchange EUR → USD at ${formatRate(state.rate)}`, [
      { target: 'checking', amount: -euros },
      { target: 'travel', amount: dollars, value: euros },
    ]);
    state.usd += dollars;
  }
  if (day < 12 || day > 18) return;
  const outings: [CategoryName, readonly string[], number, number][] = [
    ['Restaurants', PAYEES.usRestaurants, 15_00, 90_00],
    ['Public transport', PAYEES.usTransit, 2_90, 34_00],
    ['Entertainment', PAYEES.usEntertainment, 25_00, 120_00],
  ];
  for (let n = random.int(1, 2); n > 0; n--) {
    const [category, payees, low, high] = random.pick(outings);
    const dollars = random.minor(low, high);
    if (dollars > state.usd) return;
    const euros = scaleMinor(dollars, RATE_SCALE, state.rate);
    add(random.pick(payees), 'New York trip', [
      { target: category, amount: euros },
      { target: 'travel', amount: -dollars, value: -euros },
    ]);
    state.usd -= dollars;
  }
}

function formatRate(rate: bigint): string {
  const text = rate.toString().padStart(5, '0');
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}
