/** The demo household's accounts, categories and the shops it pays. */

export const DEMO_CURRENCY = 'EUR';

export type AccountKey = 'checking' | 'savings' | 'cash' | 'card' | 'travel';

export interface PlannedAccount {
  readonly key: AccountKey;
  readonly name: string;
  readonly type: 'asset' | 'liability';
  readonly subtype: 'checking' | 'savings' | 'cash' | 'credit_card';
  readonly currency: 'EUR' | 'USD';
  /** Minor units on the first day of the plan, posted against Opening Balances. */
  readonly opening: bigint;
}

export const ACCOUNTS: readonly PlannedAccount[] = [
  {
    key: 'checking',
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    currency: 'EUR',
    opening: 2_500_00n,
  },
  { key: 'savings', name: 'Savings', type: 'asset', subtype: 'savings', currency: 'EUR', opening: 8_000_00n },
  { key: 'cash', name: 'Cash', type: 'asset', subtype: 'cash', currency: 'EUR', opening: 150_00n },
  {
    key: 'card',
    name: 'Credit card',
    type: 'liability',
    subtype: 'credit_card',
    currency: 'EUR',
    opening: 0n,
  },
  { key: 'travel', name: 'Travel USD', type: 'asset', subtype: 'checking', currency: 'USD', opening: 0n },
];

export const GROUPS = [
  { name: 'Income', kind: 'income', categories: ['Salary', 'Interest'] },
  { name: 'Housing', kind: 'expense', categories: ['Rent', 'Utilities'] },
  { name: 'Food', kind: 'expense', categories: ['Groceries', 'Restaurants'] },
  { name: 'Transport', kind: 'expense', categories: ['Fuel', 'Public transport'] },
  {
    name: 'Living',
    kind: 'expense',
    categories: ['Household', 'Clothing', 'Health', 'Entertainment', 'Subscriptions', 'Gifts'],
  },
] as const;

export type PlannedGroup = (typeof GROUPS)[number];
export type CategoryName = PlannedGroup['categories'][number];

/** Where a posting goes: one of the accounts above, or a category. */
export type PostingTarget = AccountKey | CategoryName;

export const PAYEES = {
  employer: 'Acme Corp',
  landlord: 'Landlord GmbH',
  bank: 'Sparkasse',
  transit: 'DB Vertrieb',
  internet: 'Telekom',
  power: 'Stadtwerke',
  supermarkets: ['Rewe', 'Aldi', 'Lidl', 'Edeka'],
  discounters: ['Aldi', 'Lidl'],
  bakeries: ['Bäckerei Müller', 'Backwerk'],
  restaurants: ['Pizzeria Da Mario', 'Sushi Kyoto', 'Café Central', 'Burger Brothers', 'Thai Orchid'],
  fuel: ['Shell', 'Aral', 'Esso'],
  clothing: ['H&M', 'Zalando', 'Uniqlo'],
  health: ['dm-drogerie markt', 'Apotheke am Markt'],
  entertainment: ['CinemaxX', 'Steam', 'Eventim'],
  household: ['IKEA', 'Bauhaus', 'Amazon'],
  gifts: ['Amazon', 'Thalia', 'Blumen Schmidt'],
  usRestaurants: ['Joe’s Diner', 'Shake Shack', 'Katz’s Delicatessen'],
  usTransit: ['MTA New York City Transit'],
  usEntertainment: ['MoMA', 'Broadway Tickets'],
} as const;
