import type { SuggestExample } from './suggester.ts';

/**
 * A seeded, deterministic ledger for measuring the suggester: a few hundred payees built from each
 * category's own vocabulary ("Apotheke am Markt", "Pizzeria Roma"), used with Zipf-like
 * frequencies, behind the noisy descriptions banks write ("CARD 1234 REWE SAGT DANKE 45821
 * MUENCHEN"). Each payee mostly books to one category; some are mixed (a department store), and a
 * share of all rows goes to a random category, as people categorise inconsistently.
 */

/** mulberry32: a small, good-enough seeded generator, so the ledger is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CategorySpec {
  id: number;
  inflow?: boolean;
  /** Payee names: prefixes × names, or brands alone. */
  prefixes: string[];
  names: string[];
}

const CATEGORIES: CategorySpec[] = [
  {
    id: 1,
    prefixes: [''],
    names: [
      'REWE Markt',
      'EDEKA',
      'ALDI SUED',
      'LIDL',
      'Netto Marken-Discount',
      'Kaufland',
      'Penny',
      'Bio Company',
      'Denns Biomarkt',
      'Alnatura',
    ],
  },
  {
    id: 2,
    prefixes: ['Baeckerei', 'Backhaus', 'Metzgerei', 'Konditorei'],
    names: ['Mueller', 'Schmidt', 'Huber', 'am Dom', 'Wagner', 'Kamps'],
  },
  {
    id: 3,
    prefixes: ['Pizzeria', 'Ristorante', 'Trattoria', 'Bistro', 'Gasthaus', 'Sushi Bar', 'Imbiss'],
    names: ['Roma', 'Da Mario', 'Bella Italia', 'Zur Post', 'Sakura', 'Istanbul', 'Athen', 'Lindenhof'],
  },
  {
    id: 4,
    prefixes: [''],
    names: ['McDonalds', 'Burger King', 'Subway', 'KFC', 'Starbucks', 'Coffee Fellows', 'Vapiano'],
  },
  { id: 5, prefixes: ['Tankstelle', ''], names: ['Shell', 'Aral', 'Esso', 'TotalEnergies', 'JET', 'Agip'] },
  {
    id: 6,
    prefixes: [''],
    names: ['DB Vertrieb GmbH', 'MVG Muenchen', 'BVG Berlin', 'HVV Hamburg', 'FlixBus', 'RMV Frankfurt'],
  },
  {
    id: 7,
    prefixes: ['Hausverwaltung'],
    names: ['Schneider', 'Becker Immobilien', 'Wohnbau Nord', 'Vonovia'],
  },
  { id: 8, prefixes: ['Stadtwerke', ''], names: ['Muenchen', 'Koeln', 'Vattenfall', 'E.ON Energie', 'EnBW'] },
  {
    id: 9,
    prefixes: [''],
    names: ['Telekom Deutschland', 'Vodafone GmbH', 'O2 Telefonica', '1&1 Telecom', 'congstar'],
  },
  { id: 10, prefixes: ['Versicherung', ''], names: ['Allianz', 'HUK-Coburg', 'AXA', 'ERGO', 'DEVK'] },
  {
    id: 11,
    prefixes: [''],
    names: ['Netflix', 'Spotify AB', 'Disney Plus', 'Apple Services', 'YouTube Premium', 'DAZN'],
  },
  { id: 12, prefixes: [''], names: ['Zalando SE', 'Otto GmbH', 'eBay', 'Etsy', 'Temu', 'AboutYou'] },
  {
    id: 13,
    prefixes: ['Apotheke', 'Praxis Dr.', 'Zahnarzt Dr.'],
    names: ['am Markt', 'Weber', 'Fischer', 'im Zentrum', 'Hoffmann'],
  },
  { id: 14, prefixes: [''], names: ['dm-drogerie markt', 'Rossmann', 'Mueller Drogerie', 'Douglas'] },
  {
    id: 15,
    prefixes: [''],
    names: ['H&M', 'C&A', 'Zara', 'Primark', 'Peek & Cloppenburg', 'Deichmann', 'Snipes'],
  },
  {
    id: 16,
    prefixes: [''],
    names: ['IKEA', 'OBI Markt', 'Bauhaus', 'Hornbach', 'toom Baumarkt', 'Poco', 'XXXLutz'],
  },
  {
    id: 17,
    inflow: true,
    prefixes: [''],
    names: ['ACME Software GmbH', 'Stadt Muenchen Bezuege', 'Siemens AG Gehalt'],
  },
  {
    id: 18,
    prefixes: ['Geldautomat', 'GA'],
    names: ['Sparkasse', 'Commerzbank', 'Deutsche Bank', 'Volksbank'],
  },
  {
    id: 19,
    prefixes: [''],
    names: ['Lufthansa', 'Booking.com', 'Airbnb', 'Ryanair', 'Eurowings', 'Hotel Adlon', 'Europcar'],
  },
  { id: 20, prefixes: [''], names: ['McFit', 'Urban Sports Club', 'FitX', 'Kieser Training'] },
  { id: 21, prefixes: ['Buchhandlung', ''], names: ['Thalia', 'Hugendubel', 'am Rathaus', 'Osiander'] },
  { id: 22, prefixes: [''], names: ['Fressnapf', 'Tierarzt Dr. Klein', 'Zooplus'] },
  { id: 23, prefixes: ['Finanzamt'], names: ['Muenchen', 'Berlin Mitte', 'Hamburg Nord'] },
  {
    id: 24,
    inflow: true,
    prefixes: [''],
    names: ['Erstattung Krankenkasse TK', 'Rueckerstattung Amazon', 'Steuererstattung'],
  },
  {
    id: 25,
    prefixes: ['Kino', ''],
    names: ['CinemaxX', 'UCI', 'Eventim', 'Ticketmaster', 'Theater am Markt'],
  },
];

const CITIES = ['MUENCHEN', 'BERLIN', 'HAMBURG', 'KOELN', 'FRANKFURT', 'STUTTGART', 'LEIPZIG', 'DRESDEN'];

interface Payee {
  name: string;
  category: CategorySpec;
  /** A second category the payee goes to a third of the time (a department store), or null. */
  mixedWith: CategorySpec | null;
  weight: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function digits(random: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
  return text;
}

function payees(random: () => number): Payee[] {
  const result: Payee[] = [];
  for (const category of CATEGORIES) {
    for (const prefix of category.prefixes) {
      for (const name of category.names) {
        const full = `${prefix} ${name}`.trim();
        if (result.some((p) => p.name === full)) continue;
        const mixed =
          random() < 0.08
            ? pick(
                random,
                CATEGORIES.filter((c) => c !== category && !c.inflow),
              )
            : null;
        result.push({ name: full, category, mixedWith: category.inflow ? null : mixed, weight: 0 });
      }
    }
  }
  // Zipf-like use: a few payees (the supermarket, the salary) come often, most rarely.
  const order = result.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.forEach((index, rank) => {
    result[index]!.weight = 1 / (rank + 1) ** 0.9;
  });
  return result;
}

function description(random: () => number, payee: string): string {
  const upper = payee.toUpperCase();
  const city = pick(random, CITIES);
  switch (Math.floor(random() * 6)) {
    case 0:
      return `CARD ${digits(random, 4)} ${upper} SAGT DANKE ${digits(random, 5)} ${city}`;
    case 1:
      return `SEPA-LASTSCHRIFT ${payee} REF ${digits(random, 10)} MANDAT M${digits(random, 6)}`;
    case 2:
      return `KARTENZAHLUNG ${digits(random, 2)}.${digits(random, 2)} ${upper} ${city}`;
    case 3:
      return `PAYPAL *${upper.replace(/\s+/g, '')} ${digits(random, 12)}`;
    case 4:
      return `${payee}//${city}/DE ${digits(random, 4)}-${digits(random, 2)}`;
    default:
      return `UEBERWEISUNG ${payee} RE ${digits(random, 6)}`;
  }
}

/** The payee at `roll` of the cumulative weights. */
function drawPayee(all: readonly Payee[], roll: number): Payee {
  let left = roll;
  for (const payee of all) {
    left -= payee.weight;
    if (left < 0) return payee;
  }
  return all.at(-1)!;
}

/** `count` categorised transactions of a generated book, in a deterministic order for the seed. */
export function generatedLedger(seed: number, count: number): SuggestExample[] {
  const random = seededRandom(seed);
  const all = payees(random);
  const totalWeight = all.reduce((sum, p) => sum + p.weight, 0);
  const examples: SuggestExample[] = [];
  for (let i = 0; i < count; i++) {
    const payee = drawPayee(all, random() * totalWeight);
    let category = payee.category;
    if (payee.mixedWith && random() < 0.33) category = payee.mixedWith;
    // Noise: people categorise inconsistently.
    if (random() < 0.05) category = pick(random, CATEGORIES);
    const magnitude = BigInt(100 + Math.floor(random() * 20000));
    examples.push({
      payee: random() < 0.75 ? payee.name : null,
      description: description(random, payee.name),
      amount: { minor: category.inflow ? magnitude : -magnitude },
      categoryId: category.id,
    });
  }
  return examples;
}
