/**
 * The benchmark book as a stream of planned transactions: seeded and deterministic (the same seed
 * and count always give the same ledger), pure, and produced in chunks so a million transactions
 * never sit in memory at once. Amounts are bigint minor units; postings follow the ledger's signs.
 */

import { scaleMinor, seededRandom } from '../../src/cli/demo/random.ts';
import { addDays, type IsoDate, isoDate } from '../../src/core/calendar/date.ts';
import { BENCH_GROUPS, type BenchAccountKey, benchPayees } from './catalogue.ts';

export type BenchTarget = { account: BenchAccountKey } | { category: number };

export interface BenchPosting {
  target: BenchTarget;
  /** In the target's currency. */
  amount: bigint;
  /** In the transaction's currency, when it differs from the target's. */
  value?: bigint;
  memo?: string;
}

export interface BenchTransaction {
  date: IsoDate;
  /** Index into `plan.payees`, or null. */
  payee: number | null;
  description: string;
  status: 'pending' | 'cleared' | 'reconciled';
  postings: BenchPosting[];
}

export interface BenchOptions {
  seed: number;
  /** How many transactions in all (1,000,000 for the reference book). */
  count: number;
  years: number;
  endDate: string;
  chunkSize?: number;
}

/** Flattened categories: income groups first, then expenses, each with its typical range. */
export const CATEGORIES = BENCH_GROUPS.flatMap((group, groupIndex) =>
  group.categories.map(([name, low, high]) => ({ name, low, high, group: groupIndex, kind: group.kind })),
);
const EXPENSES = CATEGORIES.flatMap((c, i) => (c.kind === 'expense' ? [i] : []));
const category = (name: string) => CATEGORIES.findIndex((c) => c.name === name);

/** Where everyday spending is paid from, in percent. */
const SPENDING_ACCOUNTS: ReadonlyArray<[BenchAccountKey, number]> = [
  ['checking', 35],
  ['cardA', 30],
  ['cardB', 15],
  ['cash', 10],
  ['partner', 7],
  ['usd', 2],
  ['gbp', 1],
];
/** The account a purchase is paid from, for a roll of 0–99. */
function spendingAccount(roll: number): BenchAccountKey {
  let left = roll;
  for (const [account, share] of SPENDING_ACCOUNTS) {
    if (left < share) return account;
    left -= share;
  }
  return 'checking';
}

/** EUR → USD and EUR → GBP at fixed rates (×100): the plan is in integers only. */
const RATES: Partial<Record<BenchAccountKey, bigint>> = { usd: 108n, gbp: 86n };
const WORDS = [
  'card',
  'online',
  'contactless',
  'order',
  'invoice',
  'subscription',
  'voucher',
  'refill',
  'weekly',
  'express',
];

const eur = (account: BenchAccountKey, amount: bigint): BenchPosting => ({ target: { account }, amount });
const cat = (name: string, amount: bigint): BenchPosting => ({
  target: { category: category(name) },
  amount,
});

/** The monthly and quarterly events of one day: salaries, rent, bills, card payments, transfers. */
function fixedEvents(date: IsoDate, random: ReturnType<typeof seededRandom>): BenchTransaction[] {
  const day = Number(date.slice(8, 10));
  const month = Number(date.slice(5, 7));
  const events: Array<Omit<BenchTransaction, 'date' | 'status'>> = [];
  const amount = (low: number, high: number) => random.minor(low, high);
  const add = (description: string, postings: BenchPosting[]) =>
    events.push({ payee: null, description, postings });
  if (day === 1) {
    const rent = amount(120_000, 125_000);
    add('Rent', [eur('checking', -rent), cat('Rent', rent)]);
    const interest = amount(30_000, 40_000);
    const principal = amount(60_000, 70_000);
    add('Mortgage payment', [
      eur('checking', -(interest + principal)),
      eur('mortgage', principal),
      cat('Loan interest', interest),
    ]);
  }
  if (day === 3) {
    const value = amount(20_000, 50_000);
    add('To dollar account', [
      eur('checking', -value),
      { target: { account: 'usd' }, amount: scaleMinor(value, 108n, 100n), value },
    ]);
  }
  if (day === 5) {
    for (const bill of ['Electricity', 'Water', 'Internet'] as const) {
      const due = amount(2_000, 12_000);
      add(bill, [eur('checking', -due), cat(bill, due)]);
    }
  }
  if (day === 10) add('Visa card payment', transfer('checking', 'cardA', amount(80_000, 200_000)));
  if (day === 12) add('Store card payment', transfer('checking', 'cardB', amount(20_000, 90_000)));
  if (day === 15) {
    const interest = amount(3_000, 6_000);
    const principal = amount(20_000, 25_000);
    add('Car loan', [
      eur('checking', -(interest + principal)),
      eur('loan', principal),
      cat('Loan interest', interest),
    ]);
  }
  if (day === 20) add('Brokerage plan', transfer('checking', 'brokerage', amount(10_000, 50_000)));
  if (day === 25) {
    const pay = amount(250_000, 450_000);
    add('Salary', [eur('checking', pay), cat('Salary', -pay)]);
  }
  if (day === 26) add('Savings', transfer('checking', 'savings', amount(20_000, 80_000)));
  if (day === 28) {
    const pay = amount(200_000, 380_000);
    add('Partner salary', [eur('partner', pay), cat('Partner salary', -pay)]);
  }
  if (day === 28 && month % 3 === 0) {
    const interest = amount(500, 5_000);
    add('Interest', [eur('savings', interest), cat('Interest', -interest)]);
  }
  return events.map((event) => ({ ...event, date, status: 'reconciled' }));
}

function transfer(from: BenchAccountKey, to: BenchAccountKey, amount: bigint): BenchPosting[] {
  return [eur(from, -amount), eur(to, amount)];
}

/** One purchase: a payee, mostly its own category, sometimes split across two or three. */
function purchase(
  date: IsoDate,
  random: ReturnType<typeof seededRandom>,
  payees: ReturnType<typeof benchPayees>,
  recent: boolean,
): BenchTransaction {
  const payee = random.int(0, payees.length - 1);
  const main = random.chance(90) ? EXPENSES[payees[payee]!.category]! : random.pick(EXPENSES);
  const account = spendingAccount(random.int(0, 99));
  const { low, high } = CATEGORIES[main]!;
  const total = random.minor(low, high);
  const parts: Array<[number, bigint]> = [];
  if (random.chance(10)) {
    const first = (total * BigInt(random.int(30, 70))) / 100n;
    const second = random.pick(EXPENSES);
    parts.push([main, first], [second, total - first]);
  } else {
    parts.push([main, total]);
  }
  const rate = RATES[account];
  const postings: BenchPosting[] = [
    rate
      ? { target: { account }, amount: -scaleMinor(total, rate, 100n), value: -total }
      : eur(account, -total),
    ...parts.map(([index, amount]) => ({ target: { category: index }, amount })),
  ];
  const description = `${random.pick(WORDS)} ${payees[payee]!.name.toUpperCase()} ${random.int(1000, 9999)}`;
  return { date, payee, description, status: recent && random.chance(30) ? 'pending' : 'cleared', postings };
}

export function benchPlan(options: BenchOptions) {
  const random = seededRandom(options.seed);
  const payees = benchPayees(random, EXPENSES.length);
  const end = isoDate(options.endDate);
  const start = addDays(isoDate(`${Number(end.slice(0, 4)) - options.years}${end.slice(4)}`), 1);
  return { payees, start, end, chunks: () => chunks(options, start, end, payees) };
}

function* chunks(
  options: BenchOptions,
  start: IsoDate,
  end: IsoDate,
  payees: ReturnType<typeof benchPayees>,
): Generator<BenchTransaction[]> {
  const random = seededRandom(options.seed ^ 0x5eed);
  const days: IsoDate[] = [];
  for (let date = start; date <= end; date = addDays(date, 1)) days.push(date);
  // Fixed events first (counted), then purchases spread evenly so the total is exactly `count`.
  const fixed = days.map((date) => fixedEvents(date, random));
  const fixedCount = fixed.reduce((sum, list) => sum + list.length, 0);
  const purchases = Math.max(0, options.count - fixedCount);
  const size = options.chunkSize ?? 10_000;
  let chunk: BenchTransaction[] = [];
  let planned = 0;
  for (const [i, date] of days.entries()) {
    const owed = Math.floor(((i + 1) * purchases) / days.length) - Math.floor((i * purchases) / days.length);
    const recent = i >= days.length - 60;
    chunk.push(...fixed[i]!.slice(0, Math.max(0, options.count - planned)));
    for (let n = 0; n < owed; n++) chunk.push(purchase(date, random, payees, recent));
    planned += fixed[i]!.length + owed;
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
