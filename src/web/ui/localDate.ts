/** Today in the user's own time zone, as YYYY-MM-DD (`toISOString` gives UTC's day: a day off near midnight). */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
