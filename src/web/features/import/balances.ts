import { negateDecimal, sameDecimal, sumDecimals } from '../../../core/import/amount-text.ts';
import { currency, formatMinor, isCurrencyCode, parseMoney } from '../../../core/money/index.ts';
import type { ImportPreviewRowJson, ImportStatementJson, MoneyJson } from '../../api/types.ts';
import { type Choices, NO_CHOICES, rowWillImport } from './choices.ts';

/**
 * A statement's closing balance against the account's balance once the file is in: exact decimal
 * strings compared as scaled bigints, never as floats.
 */

const fractionDigits = (text: string) => text.split('.')[1]?.length ?? 0;

/** `a − b` as an exact decimal string, with as many decimals as the longer of the two. */
export function decimalDifference(a: string, b: string): string {
  return sumDecimals([a, negateDecimal(b)]);
}

/**
 * The account's balance after the import with the person's choices: the server's figure (for the rows
 * it would import by default) plus the likely duplicates included, minus the rows excluded.
 */
export function balanceAfterChoices(
  statement: ImportStatementJson,
  rows: readonly ImportPreviewRowJson[],
  choices: Choices,
): MoneyJson {
  const after = statement.balanceAfterImport;
  if (!isCurrencyCode(after.currency)) return after;
  const code = currency(after.currency);
  let minor = parseMoney(after.amount, code).minor;
  for (const row of rows) {
    if (row.statement !== statement.index || !row.amount || row.amount.currency !== after.currency) continue;
    const before = rowWillImport(row, NO_CHOICES);
    const now = rowWillImport(row, choices);
    if (before === now) continue;
    const amount = parseMoney(row.amount.amount, code).minor;
    minor += now ? amount : -amount;
  }
  return { amount: formatMinor(minor, fractionDigits(after.amount)), currency: after.currency };
}

export type Agreement =
  | { kind: 'none' }
  | { kind: 'agree'; closing: MoneyJson; date: string | null }
  | { kind: 'differ'; closing: MoneyJson; date: string | null; difference: MoneyJson };

/** Whether the statement's closing balance is what the account will hold after the import. */
export function agreement(statement: ImportStatementJson, after: MoneyJson): Agreement {
  const closing = statement.closingBalance;
  if (!closing || closing.amount.currency !== after.currency) return { kind: 'none' };
  const difference = decimalDifference(closing.amount.amount, after.amount);
  if (sameDecimal(closing.amount.amount, after.amount)) {
    return { kind: 'agree', closing: closing.amount, date: closing.date };
  }
  return {
    kind: 'differ',
    closing: closing.amount,
    date: closing.date,
    difference: { amount: difference, currency: after.currency },
  };
}
