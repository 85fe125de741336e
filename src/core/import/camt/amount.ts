/**
 * ISO 20022 amounts as exact decimal strings. The schema's amounts are unsigned decimals that a
 * separate `CdtDbtInd` signs; banks write them as "905.3", "38" or "8.850", so the digits are kept as
 * written (a third decimal in EUR is the bank's, not ours to round) and only the sign is added.
 */

const UNSIGNED_DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/** The canonical form of an unsigned amount ("007.50" → "7.50", ".5" → "0.5"), or null when it is not one. */
export function canonicalAmount(text: string | null): string | null {
  if (text === null) return null;
  const match = UNSIGNED_DECIMAL.exec(text);
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return null;
  const digits = whole.replace(/^0+(?=\d)/, '') || '0';
  return fraction === '' ? digits : `${digits}.${fraction}`;
}

/** The amount from the account holder's view: debits negative, and zero never "-0". */
export function signAmount(amount: string, debit: boolean): string {
  return debit && /[1-9]/.test(amount) ? `-${amount}` : amount;
}

/** The exact sum of signed canonical decimals, with as many decimals as the longest ("18.150" + "8.85" = "27.000"). */
export function sumAmounts(amounts: readonly string[]): string {
  const scale = Math.max(0, ...amounts.map((amount) => fractionLength(amount)));
  let total = 0n;
  for (const amount of amounts) total += scaled(amount, scale);
  return unscaled(total, scale);
}

/** True when two signed decimals are the same number ("27.00" and "27.000"). */
export function sameAmount(a: string, b: string): boolean {
  const scale = Math.max(fractionLength(a), fractionLength(b));
  return scaled(a, scale) === scaled(b, scale);
}

function fractionLength(amount: string): number {
  const dot = amount.indexOf('.');
  return dot === -1 ? 0 : amount.length - dot - 1;
}

function scaled(amount: string, scale: number): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const value = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -value : value;
}

function unscaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
