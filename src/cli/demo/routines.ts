/**
 * What the demo household does on a day: the monthly round of salary, rent and bills; weekly
 * groceries; the odd restaurant, fuel stop or purchase; presents; a trip to New York each May.
 */
import { daysInMonth, type IsoDate } from '../../core/calendar/date.ts';
import { type AccountKey, type CategoryName, PAYEES } from './catalogue.ts';
import type { PlannedPosting } from './plan.ts';
import { type Random, scaleMinor } from './random.ts';

/** One day of the plan, and what the routines may know of the ledger so far. */
export interface Day {
  readonly date: IsoDate;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** 0 Sunday … 6 Saturday. */
  readonly weekday: number;
  /** Whole years since the plan began: raises in salary and rent. */
  readonly yearsIn: bigint;
  readonly random: Random;
  balance(account: AccountKey): bigint;
  /** What was charged to the credit card in a month ('YYYY-MM'). */
  cardCharges(yearMonth: string): bigint;
  /** What the routines remember from one day to the next: this year's USD rate (see RATE_SCALE). */
  readonly memory: { usdPerEur: bigint };
  add(payee: string | null, description: string, postings: PlannedPosting[]): void;
}

/** USD per EUR in ten-thousandths (10800 = 1.0800): rates are integers, conversions round explicitly. */
const RATE_SCALE = 10_000n;

/** An expense: `amount` out of `from` into `category`. */
function spend(category: CategoryName, from: AccountKey, amount: bigint): PlannedPosting[] {
  return [
    { target: category, amount },
    { target: from, amount: -amount },
  ];
}

function transfer(from: AccountKey, to: AccountKey, amount: bigint): PlannedPosting[] {
  return [
    { target: from, amount: -amount },
    { target: to, amount },
  ];
}

export function everyDay(today: Day): void {
  monthly(today);
  shopping(today);
  occasions(today);
  trip(today);
}

/** Rent, bills, subscriptions, salary, saving, interest, and paying off last month's card. */
function monthly({ year, month, day, yearsIn, random, balance, cardCharges, add }: Day): void {
  if (day === 1) add(PAYEES.landlord, 'Monthly rent', spend('Rent', 'checking', 950_00n + 35_00n * yearsIn));
  if (day === 1) add(PAYEES.transit, 'Deutschlandticket', spend('Public transport', 'checking', 49_00n));
  if (day === 3) add(PAYEES.internet, 'Internet and phone', spend('Utilities', 'checking', 39_99n));
  if (day === 15) {
    add(PAYEES.power, 'Electricity and gas', spend('Utilities', 'checking', random.minor(78_00, 112_00)));
  }
  if (day === 8) add('Netflix', 'Netflix Standard', spend('Subscriptions', 'card', 13_99n));
  if (day === 12) add('Spotify', 'Spotify Premium', spend('Subscriptions', 'card', 10_99n));
  if (day === 25) {
    const salary = 3_100_00n + 100_00n * yearsIn;
    add(PAYEES.employer, 'Salary', [
      { target: 'checking', amount: salary },
      { target: 'Salary', amount: -salary },
    ]);
  }
  if (day === 26) add(null, 'Transfer to savings', transfer('checking', 'savings', 500_00n));
  if (day === 5) {
    const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const owed = cardCharges(previous);
    if (owed > 0n) add(null, 'Credit card payment', transfer('checking', 'card', owed));
  }
  if (month % 3 === 0 && day === daysInMonth(year, month)) {
    const interest = scaleMinor(balance('savings'), 150n, 40_000n); // 1.5 % a year, paid quarterly
    add(PAYEES.bank, 'Interest', [
      { target: 'savings', amount: interest },
      { target: 'Interest', amount: -interest },
    ]);
  }
}

/** Pays from the wallet if it holds enough, else by debit card from checking. */
function walletOr(today: Day, amount: bigint): AccountKey {
  return today.balance('cash') >= amount ? 'cash' : 'checking';
}

/** Weekly groceries (some split with household goods), bakeries, restaurants, fuel, the odd purchase. */
function shopping(today: Day): void {
  const { weekday, random, add } = today;
  if (weekday !== 0 && today.balance('cash') < 40_00n) {
    add(null, 'Cash withdrawal', transfer('checking', 'cash', random.pick([100_00n, 150_00n, 200_00n])));
  }
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
  const cashOr = (amount: bigint, percent: number) =>
    random.chance(percent) ? walletOr(today, amount) : 'checking';
  if (weekday === 3 && random.chance(40)) {
    const amount = random.minor(8_00, 30_00);
    add(random.pick(PAYEES.discounters), 'Top-up shop', spend('Groceries', cashOr(amount, 50), amount));
  }
  if (weekday !== 0 && random.chance(15)) {
    const amount = random.minor(2_50, 9_80);
    add(
      random.pick(PAYEES.bakeries),
      'Bread and coffee',
      spend('Groceries', walletOr(today, amount), amount),
    );
  }
  if (random.chance(10)) {
    const amount = random.minor(18_00, 75_00);
    const from = random.chance(60) ? 'card' : walletOr(today, amount);
    add(random.pick(PAYEES.restaurants), 'Dinner', spend('Restaurants', from, amount));
  }
  if (random.chance(7))
    add(random.pick(PAYEES.fuel), 'Fuel', spend('Fuel', 'card', random.minor(55_00, 85_00)));
  if (random.chance(2)) {
    add(random.pick(PAYEES.clothing), 'Clothes', spend('Clothing', 'card', random.minor(25_00, 120_00)));
  }
  if (random.chance(3)) {
    const amount = random.minor(5_00, 40_00);
    add(random.pick(PAYEES.health), 'Pharmacy', spend('Health', cashOr(amount, 50), amount));
  }
  if (random.chance(3)) {
    const amount = random.minor(10_00, 60_00);
    add(random.pick(PAYEES.entertainment), 'Going out', spend('Entertainment', 'card', amount));
  }
  if (random.chance(2)) {
    const amount = random.minor(15_00, 150_00);
    add(random.pick(PAYEES.household), 'Home things', spend('Household', 'card', amount));
  }
}

/** Christmas presents and three birthdays a year. */
function occasions({ month, day, random, add }: Day): void {
  const christmas = month === 12 && (day === 10 || day === 14 || day === 18);
  const birthday = (month === 3 && day === 14) || (month === 7 && day === 2) || (month === 10 && day === 21);
  if (christmas || birthday) {
    const what = christmas ? 'Christmas present' : 'Birthday present';
    add(random.pick(PAYEES.gifts), what, spend('Gifts', 'card', random.minor(20_00, 80_00)));
  }
}

/** Each May: EUR changed into the USD account on the 2nd, then a week in New York paid from it. */
function trip(today: Day): void {
  const { month, day, random, add, memory } = today;
  if (month !== 5) return;
  if (day === 2) {
    memory.usdPerEur = BigInt(random.int(10_650, 10_950));
    const euros = random.pick([800_00n, 1_000_00n, 1_200_00n]);
    const dollars = scaleMinor(euros, memory.usdPerEur, RATE_SCALE);
    add(null, `Exchange EUR → USD at ${formatRate(memory.usdPerEur)}`, [
      { target: 'checking', amount: -euros },
      { target: 'travel', amount: dollars, value: euros },
    ]);
  }
  if (day < 12 || day > 18) return;
  const outings: [CategoryName, readonly string[], number, number][] = [
    ['Restaurants', PAYEES.usRestaurants, 15_00, 90_00],
    ['Public transport', PAYEES.usTransit, 2_90, 34_00],
    ['Entertainment', PAYEES.usEntertainment, 25_00, 120_00],
  ];
  for (let n = random.int(2, 3); n > 0; n--) {
    const [category, payees, low, high] = random.pick(outings);
    const dollars = random.minor(low, high);
    if (dollars > today.balance('travel')) return;
    const euros = scaleMinor(dollars, RATE_SCALE, memory.usdPerEur);
    add(random.pick(payees), 'New York trip', [
      { target: category, amount: euros },
      { target: 'travel', amount: -dollars, value: -euros },
    ]);
  }
}

function formatRate(rate: bigint): string {
  const text = rate.toString().padStart(5, '0');
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}
