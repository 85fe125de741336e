/**
 * Starter category sets (issue 13): what a new book can begin with instead of an empty list, so the
 * first expense has somewhere to go. Two sets, as budgeting apps offer them — a short household one
 * and a detailed one — each in every language the web app speaks. Pure data; the categories feature
 * adds a set to a book, skipping names the book already uses.
 */

export const STARTER_SETS = ['household', 'detailed'] as const;
export type StarterSetId = (typeof STARTER_SETS)[number];

export const STARTER_LANGUAGES = ['en', 'de'] as const;
export type StarterLanguage = (typeof STARTER_LANGUAGES)[number];

/** A name in each language: English first, then German. */
type Words = readonly [en: string, de: string];

interface GroupWords {
  kind: 'income' | 'expense';
  name: Words;
  categories: readonly Words[];
}

export interface StarterGroup {
  kind: 'income' | 'expense';
  name: string;
  categories: string[];
}

const HOUSEHOLD: readonly GroupWords[] = [
  {
    kind: 'income',
    name: ['Income', 'Einnahmen'],
    categories: [
      ['Salary', 'Gehalt'],
      ['Interest', 'Zinsen'],
      ['Other income', 'Sonstige Einnahmen'],
    ],
  },
  {
    kind: 'expense',
    name: ['Housing', 'Wohnen'],
    categories: [
      ['Rent or mortgage', 'Miete oder Kredit'],
      ['Utilities', 'Nebenkosten'],
      ['Internet and phone', 'Internet und Telefon'],
    ],
  },
  {
    kind: 'expense',
    name: ['Food', 'Essen'],
    categories: [
      ['Groceries', 'Lebensmittel'],
      ['Restaurants', 'Restaurants'],
    ],
  },
  {
    kind: 'expense',
    name: ['Transport', 'Mobilität'],
    categories: [
      ['Fuel', 'Tanken'],
      ['Public transport', 'Öffentlicher Verkehr'],
      ['Car', 'Auto'],
    ],
  },
  {
    kind: 'expense',
    name: ['Living', 'Alltag'],
    categories: [
      ['Health', 'Gesundheit'],
      ['Clothing', 'Kleidung'],
      ['Household', 'Haushalt'],
      ['Entertainment', 'Freizeit'],
      ['Subscriptions', 'Abonnements'],
      ['Gifts', 'Geschenke'],
    ],
  },
  {
    kind: 'expense',
    name: ['Financial', 'Finanzen'],
    categories: [
      ['Insurance', 'Versicherungen'],
      ['Bank fees', 'Bankgebühren'],
      ['Taxes', 'Steuern'],
    ],
  },
];

const DETAILED: readonly GroupWords[] = [
  {
    kind: 'income',
    name: ['Income', 'Einnahmen'],
    categories: [
      ['Salary', 'Gehalt'],
      ['Bonus', 'Bonus'],
      ['Interest', 'Zinsen'],
      ['Dividends', 'Dividenden'],
      ['Refunds', 'Erstattungen'],
      ['Gifts received', 'Erhaltene Geschenke'],
      ['Other income', 'Sonstige Einnahmen'],
    ],
  },
  {
    kind: 'expense',
    name: ['Housing', 'Wohnen'],
    categories: [
      ['Rent', 'Miete'],
      ['Mortgage interest', 'Kreditzinsen'],
      ['Electricity', 'Strom'],
      ['Heating', 'Heizung'],
      ['Water', 'Wasser'],
      ['Internet', 'Internet'],
      ['Phone', 'Telefon'],
      ['Repairs and maintenance', 'Reparaturen und Instandhaltung'],
      ['Furniture', 'Möbel'],
    ],
  },
  {
    kind: 'expense',
    name: ['Food', 'Essen'],
    categories: [
      ['Groceries', 'Lebensmittel'],
      ['Restaurants', 'Restaurants'],
      ['Takeaway', 'Essen zum Mitnehmen'],
      ['Coffee and snacks', 'Kaffee und Snacks'],
    ],
  },
  {
    kind: 'expense',
    name: ['Transport', 'Mobilität'],
    categories: [
      ['Fuel', 'Tanken'],
      ['Public transport', 'Öffentlicher Verkehr'],
      ['Taxi', 'Taxi'],
      ['Parking', 'Parken'],
      ['Car maintenance', 'Autowerkstatt'],
      ['Car insurance and tax', 'Kfz-Versicherung und -Steuer'],
    ],
  },
  {
    kind: 'expense',
    name: ['Health', 'Gesundheit'],
    categories: [
      ['Doctor', 'Arzt'],
      ['Pharmacy', 'Apotheke'],
      ['Dentist', 'Zahnarzt'],
      ['Fitness', 'Fitness'],
    ],
  },
  {
    kind: 'expense',
    name: ['Personal', 'Persönliches'],
    categories: [
      ['Clothing', 'Kleidung'],
      ['Personal care', 'Körperpflege'],
      ['Education', 'Bildung'],
      ['Books', 'Bücher'],
    ],
  },
  {
    kind: 'expense',
    name: ['Family', 'Familie'],
    categories: [
      ['Childcare', 'Kinderbetreuung'],
      ['Kids', 'Kinder'],
      ['Pets', 'Haustiere'],
    ],
  },
  {
    kind: 'expense',
    name: ['Leisure', 'Freizeit'],
    categories: [
      ['Entertainment', 'Unterhaltung'],
      ['Hobbies', 'Hobbys'],
      ['Holidays', 'Urlaub'],
      ['Streaming and subscriptions', 'Streaming und Abonnements'],
    ],
  },
  {
    kind: 'expense',
    name: ['Gifts and donations', 'Geschenke und Spenden'],
    categories: [
      ['Gifts', 'Geschenke'],
      ['Donations', 'Spenden'],
    ],
  },
  {
    kind: 'expense',
    name: ['Financial', 'Finanzen'],
    categories: [
      ['Insurance', 'Versicherungen'],
      ['Bank fees', 'Bankgebühren'],
      ['Interest paid', 'Gezahlte Zinsen'],
      ['Taxes', 'Steuern'],
    ],
  },
];

const SETS: Record<StarterSetId, readonly GroupWords[]> = { household: HOUSEHOLD, detailed: DETAILED };

/** The groups of a starter set, with their categories, named in `language`. */
export function starterSet(id: StarterSetId, language: StarterLanguage): StarterGroup[] {
  const index = STARTER_LANGUAGES.indexOf(language);
  return SETS[id].map((group) => ({
    kind: group.kind,
    name: group.name[index]!,
    categories: group.categories.map((words) => words[index]!),
  }));
}
