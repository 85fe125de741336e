/**
 * Today's date where the person is (YYYY-MM-DD), not in UTC: near midnight `toISOString()` gives
 * yesterday or tomorrow.
 */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
