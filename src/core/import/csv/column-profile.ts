import { isAmountText } from '../amount-text.ts';
import { currencyOfCell } from './currency-cell.ts';
import { CREDIT_WORDS, DEBIT_WORDS, signWordOf } from './header-names.ts';
import { isDateCell } from './table.ts';

/** What the cells of one column look like, over a sample of transaction rows. */
export interface ColumnProfile {
  index: number;
  rows: number;
  nonEmpty: number;
  dates: number;
  amounts: number;
  /** Amounts with a fraction part (`12,50`, `-0.42`): money rather than ids or counts. */
  fractional: number;
  negative: number;
  /** Amounts written with an explicit `+`. */
  plus: number;
  /** Known currency codes or symbols (`EUR`, `RUR`, `€`). */
  currencyCodes: number;
  /** Any three letters (`EUR`, but also `ATM`): enough where the header says "currency". */
  codeLike: number;
  signWords: number;
  debitWords: number;
  creditWords: number;
  /** Cells with a letter in them. */
  textual: number;
  distinct: number;
  averageLength: number;
  /** Bank account numbers (IBAN-like) or constant values: no use as a description. */
  accountLike: number;
  /** Times of day (`06:50 PM`): a column of its own in some exports. */
  times: number;
}

const FRACTION = /[.,][0-9]{1,3}\s*(?:\p{Sc}|[A-Z]{3})?\s*-?\)?$/u;
const NEGATIVE = /^\s*(?:[-\u2212(]|.*-\s*$)/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?$/;
const ACCOUNT = /^(?:[A-Z]{2}[0-9]{2}[A-Z0-9 ]{10,32}|[0-9 *'-]{6,})$/;

export function cleanCell(cell: string): string {
  const trimmed = cell.trim();
  // Excel's ="0123" keeps leading zeros in some exports.
  if (trimmed.startsWith('="') && trimmed.endsWith('"')) return trimmed.slice(2, -1).trim();
  return trimmed;
}

export function profileColumns(rows: readonly (readonly string[])[], width: number): ColumnProfile[] {
  const profiles: ColumnProfile[] = [];
  for (let index = 0; index < width; index++) {
    const profile: ColumnProfile = {
      index,
      rows: rows.length,
      nonEmpty: 0,
      dates: 0,
      amounts: 0,
      fractional: 0,
      negative: 0,
      plus: 0,
      currencyCodes: 0,
      codeLike: 0,
      signWords: 0,
      debitWords: 0,
      creditWords: 0,
      textual: 0,
      distinct: 0,
      averageLength: 0,
      accountLike: 0,
      times: 0,
    };
    const values = new Set<string>();
    let length = 0;
    for (const row of rows) {
      const cell = cleanCell(row[index] ?? '');
      if (cell === '') continue;
      profile.nonEmpty++;
      values.add(cell);
      length += cell.length;
      const date = isDateCell(cell);
      if (date) profile.dates++;
      if (!date && isAmountText(cell)) {
        profile.amounts++;
        if (FRACTION.test(cell)) profile.fractional++;
        if (NEGATIVE.test(cell)) profile.negative++;
        if (cell.startsWith('+')) profile.plus++;
      }
      if (currencyOfCell(cell, true) !== null) profile.currencyCodes++;
      if (currencyOfCell(cell) !== null) profile.codeLike++;
      const word = signWordOf(cell);
      if (DEBIT_WORDS.has(word)) profile.debitWords++;
      if (CREDIT_WORDS.has(word)) profile.creditWords++;
      if (/\p{L}/u.test(cell)) profile.textual++;
      if (ACCOUNT.test(cell)) profile.accountLike++;
      if (TIME.test(cell)) profile.times++;
    }
    profile.signWords = profile.debitWords + profile.creditWords;
    profile.distinct = values.size;
    profile.averageLength = profile.nonEmpty > 0 ? length / profile.nonEmpty : 0;
    profiles.push(profile);
  }
  return profiles;
}

/** Share of the non-empty cells with a property (0 for an empty column). */
export function share(profile: ColumnProfile, count: number): number {
  return profile.nonEmpty === 0 ? 0 : count / profile.nonEmpty;
}

export const isDateColumn = (p: ColumnProfile, least = 0.8) => p.nonEmpty > 0 && share(p, p.dates) >= least;
/** Named columns need only half their cells to be amounts (a typo must not hide the column). */
export const isAmountColumn = (p: ColumnProfile, least = 0.8) =>
  p.nonEmpty > 0 && share(p, p.amounts) >= least;
export const isCurrencyColumn = (p: ColumnProfile, named = false) =>
  p.nonEmpty > 0 && share(p, named ? p.codeLike : p.currencyCodes) >= 0.9;
export const isSignColumn = (p: ColumnProfile) =>
  p.nonEmpty > 0 && p.signWords === p.nonEmpty && p.nonEmpty >= p.rows * 0.9;
/** A column of free text: words, varied, not account numbers. */
export const isTextColumn = (p: ColumnProfile) =>
  p.nonEmpty > 0 &&
  share(p, p.textual) >= 0.5 &&
  p.distinct > 1 &&
  p.averageLength >= 4 &&
  share(p, p.accountLike) < 0.5 &&
  share(p, p.currencyCodes) < 0.5 &&
  share(p, p.dates) < 0.5 &&
  share(p, p.times) < 0.5;
