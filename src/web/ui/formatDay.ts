/** A calendar date (`2025-03-12`) as the locale writes it (`12.03.2025`, `Mar 12, 2025`), any time zone. */
export function formatDay(
  iso: string,
  locale: string,
  style: 'short' | 'medium' | 'long' = 'medium',
): string {
  const day = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(day);
}
