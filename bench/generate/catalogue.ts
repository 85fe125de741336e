/**
 * The reference book of the benchmarks (DESIGN.md, Performance): 12 accounts, 60 categories in 10
 * groups, 2,000 payees, three currencies. Names are plain so results read easily.
 */
import type { Random } from '../../src/cli/demo/random.ts';

export type BenchAccountKey =
  | 'checking'
  | 'partner'
  | 'savings'
  | 'emergency'
  | 'cash'
  | 'cardA'
  | 'cardB'
  | 'brokerage'
  | 'loan'
  | 'mortgage'
  | 'usd'
  | 'gbp';

export interface BenchAccount {
  key: BenchAccountKey;
  name: string;
  type: 'asset' | 'liability';
  subtype: string;
  currency: 'EUR' | 'USD' | 'GBP';
}

export const BENCH_ACCOUNTS: readonly BenchAccount[] = [
  { key: 'checking', name: 'Checking', type: 'asset', subtype: 'checking', currency: 'EUR' },
  { key: 'partner', name: 'Partner checking', type: 'asset', subtype: 'checking', currency: 'EUR' },
  { key: 'savings', name: 'Savings', type: 'asset', subtype: 'savings', currency: 'EUR' },
  { key: 'emergency', name: 'Emergency fund', type: 'asset', subtype: 'savings', currency: 'EUR' },
  { key: 'cash', name: 'Cash', type: 'asset', subtype: 'cash', currency: 'EUR' },
  { key: 'cardA', name: 'Visa card', type: 'liability', subtype: 'credit_card', currency: 'EUR' },
  { key: 'cardB', name: 'Store card', type: 'liability', subtype: 'credit_card', currency: 'EUR' },
  { key: 'brokerage', name: 'Brokerage', type: 'asset', subtype: 'investment', currency: 'EUR' },
  { key: 'loan', name: 'Car loan', type: 'liability', subtype: 'loan', currency: 'EUR' },
  { key: 'mortgage', name: 'Mortgage', type: 'liability', subtype: 'loan', currency: 'EUR' },
  { key: 'usd', name: 'Dollar account', type: 'asset', subtype: 'checking', currency: 'USD' },
  { key: 'gbp', name: 'Pound account', type: 'asset', subtype: 'savings', currency: 'GBP' },
];

export interface BenchGroup {
  name: string;
  kind: 'income' | 'expense';
  /** Six categories each, with the range of a typical amount in minor units. */
  categories: ReadonlyArray<readonly [name: string, low: number, high: number]>;
}

export const BENCH_GROUPS: readonly BenchGroup[] = [
  {
    name: 'Income',
    kind: 'income',
    categories: [
      ['Salary', 250_000, 450_000],
      ['Partner salary', 200_000, 380_000],
      ['Bonus', 50_000, 300_000],
      ['Interest', 100, 5_000],
      ['Dividends', 1_000, 40_000],
      ['Refunds', 500, 20_000],
    ],
  },
  {
    name: 'Other income',
    kind: 'income',
    categories: [
      ['Gifts received', 1_000, 50_000],
      ['Side job', 5_000, 80_000],
      ['Rental income', 40_000, 90_000],
      ['Sales', 500, 30_000],
      ['Cashback', 100, 3_000],
      ['Tax refund', 10_000, 200_000],
    ],
  },
  ...(
    [
      ['Home', ['Rent', 'Electricity', 'Water', 'Internet', 'Repairs', 'Furniture']],
      ['Food', ['Groceries', 'Restaurants', 'Coffee', 'Bakery', 'Takeaway', 'Drinks']],
      ['Transport', ['Fuel', 'Public transport', 'Parking', 'Taxi', 'Car service', 'Tolls']],
      ['Health', ['Pharmacy', 'Doctor', 'Dentist', 'Insurance', 'Gym', 'Optician']],
      ['Leisure', ['Cinema', 'Books', 'Music', 'Games', 'Sports', 'Hobbies']],
      ['Shopping', ['Clothes', 'Electronics', 'Household', 'Gifts', 'Beauty', 'Garden']],
      ['Travel', ['Flights', 'Hotels', 'Trains', 'Car rental', 'Excursions', 'Travel insurance']],
      ['Finance', ['Bank fees', 'Loan interest', 'Taxes', 'Donations', 'Subscriptions', 'Childcare']],
    ] as const
  ).map(([name, categories]) => ({
    name,
    kind: 'expense' as const,
    categories: categories.map((category, i) => [category, 200 + i * 150, 3_000 + i * 4_000] as const),
  })),
];

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'zen',
  'tor',
  'bel',
  'vin',
  'sol',
  'mar',
  'den',
  'lux',
  'pro',
  'nova',
  'alt',
];
const SUFFIXES = ['Markt', 'GmbH', 'Shop', 'Store', 'Bistro', 'Service', 'AG', 'Online', 'Center', 'Express'];

export interface BenchPayee {
  name: string;
  /** Index into the flattened expense categories. */
  category: number;
}

/** 2,000 payees, each mostly buying one category: what rules and suggestions learn from. */
export function benchPayees(random: Random, expenseCategories: number): BenchPayee[] {
  const payees: BenchPayee[] = [];
  const seen = new Set<string>();
  while (payees.length < 2_000) {
    const stem = `${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}`;
    const name = `${stem[0]!.toUpperCase()}${stem.slice(1)} ${random.pick(SUFFIXES)} ${payees.length % 97}`;
    if (seen.has(name)) continue;
    seen.add(name);
    payees.push({ name, category: random.int(0, expenseCategories - 1) });
  }
  return payees;
}
