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
