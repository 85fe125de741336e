/**
 * Calendar dates (`2025-03-01`) written and read as the chosen locale writes them with digits
 * (`03/01/2025` in en-US, `01.03.2025` in de-DE, `2025/03/01` in ja-JP). Pure: the date field
 * renders it, the tests check it. The browser's own date input follows the browser's language,
 * not the locale chosen in Moneta, hence these.
 */
type Part = 'year' | 'month' | 'day';

const numeric = (locale: string) =>
  new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });

/** The order of day, month and year in the locale. */
function order(locale: string): Part[] {
  return numeric(locale)
    .formatToParts(new Date(Date.UTC(2025, 10, 22)))
    .map((part) => part.type)
    .filter((type): type is Part => type === 'year' || type === 'month' || type === 'day');
}

/** What to type, as a placeholder: `MM/DD/YYYY`, `DD.MM.YYYY` (the letters in English). */
export function datePattern(locale: string): string {
  const letters = { year: 'YYYY', month: 'MM', day: 'DD' } as const;
  return numeric(locale)
    .formatToParts(new Date(Date.UTC(2025, 10, 22)))
    .map((part) => (part.type === 'literal' ? part.value : (letters[part.type as Part] ?? '')))
    .join('')
    .replace(/[\u200e\u200f]/g, '');
}

export function formatDate(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return numeric(locale)
    .format(day)
    .replace(/[\u200e\u200f]/g, '');
}

/**
 * The date typed, in the locale's order of day, month and year, whatever separates them; an ISO
 * date is taken as well. A two-digit year is in this century. Null when it is no real date.
 */
export function parseDate(text: string, locale: string): string | null {
  const groups = text.match(/\d+/g);
  if (groups?.length !== 3) return null;
  const parts = groups[0]!.length === 4 ? (['year', 'month', 'day'] as Part[]) : order(locale);
  const value = Object.fromEntries(parts.map((part, i) => [part, Number(groups[i])])) as Record<Part, number>;
  const year = value.year < 100 ? 2000 + value.year : value.year;
  const date = new Date(Date.UTC(year, value.month - 1, value.day));
  if (year > 9999 || date.getUTCMonth() !== value.month - 1 || date.getUTCDate() !== value.day) return null;
  return date.toISOString().slice(0, 10);
}
