import type { CsvAmountMapping } from '../types.ts';
import {
  type ColumnProfile,
  cleanCell,
  isAmountColumn,
  isCurrencyColumn,
  isDateColumn,
  isSignColumn,
  isTextColumn,
  profileColumns,
  share,
} from './column-profile.ts';
import { currencyOfHeader } from './currency-cell.ts';
import {
  type ColumnRole,
  DEBIT_WORDS,
  isPendingValue,
  matchHeader,
  normalizeHeader,
  signWordOf,
} from './header-names.ts';

/**
 * Which column is what: by header name first (in any of the languages of `header-names.ts`), checked
 * against the cells (a "Datum" column must hold dates), then by content where names say nothing or
 * there is no header: the leftmost column of dates, the column of amounts that has signs and
 * fractions (a running balance rarely goes negative), the columns of free text.
 */
export interface ColumnGuess {
  dateColumn: number | null;
  valueDateColumn: number | null;
  amount: CsvAmountMapping | null;
  payeeColumn: number | null;
  descriptionColumns: number[];
  currencyColumn: number | null;
  referenceColumn: number | null;
  statusColumn: number | null;
  pendingValues: string[];
  /** A column of amounts named as a running balance ("Saldo", "Kontostand", "Running Balance"). */
  balanceColumn: number | null;
  /** A currency the amount's header names (`Bedrag (EUR)`). */
  currency: string | null;
  /** Whether date and amount were found by name (detection is then more certain). */
  named: boolean;
}

/** Numbered free-text columns: GLS's VWZ1…VWZ14, "Verwendungszweck 2", "Memo 3". */
const NUMBERED_TEXT =
  /^(?:vwz|verwendungszweck|description|memo|purpose|details|narrative|libelle|text)\s?\d+$/;

/** Values meaning "pending" in a yes/no column headed "Pending". */
const YES = new Set(['true', 'yes', 'y', '1', 'ja', 'oui', 'si', 'да']);

export function guessColumns(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  width: number,
): ColumnGuess {
  const names = (header ?? []).map((name) => normalizeHeader(name));
  const profiles = profileColumns(rows, Math.max(width, names.length));
  const used = new Set<number>();
  const named = (role: ColumnRole, accept: (p: ColumnProfile) => boolean): ColumnProfile[] =>
    profiles
      .map((p) => ({ p, match: names[p.index] ? matchHeader(names[p.index]!, role) : { score: 0, rank: 0 } }))
      .filter(({ p, match }) => match.score > 0 && !used.has(p.index) && accept(p))
      .sort((a, b) => b.match.score - a.match.score || a.match.rank - b.match.rank)
      .map(({ p }) => p);
  const scoreOf = (index: number, role: ColumnRole) =>
    names[index] ? matchHeader(names[index]!, role).score : 0;
  const take = (p: ColumnProfile | undefined): number | null => {
    if (!p) return null;
    used.add(p.index);
    return p.index;
  };

  const balance = new Set(
    profiles
      .filter((p) => scoreOf(p.index, 'balance') >= Math.max(2, scoreOf(p.index, 'amount')))
      .map((p) => p.index),
  );

  // Dates: a named date column, else a value date standing alone, else the leftmost column of dates.
  const namedDate = named('date', (p) => isDateColumn(p))[0] ?? named('valueDate', (p) => isDateColumn(p))[0];
  const dateColumn = take(
    namedDate ??
      profiles.find((p) => !used.has(p.index) && isDateColumn(p, 0.9) && p.nonEmpty >= p.rows * 0.5),
  );
  const valueDateColumn = take(named('valueDate', (p) => isDateColumn(p))[0]);

  const amount = guessAmount(profiles, names, used, balance, named, scoreOf);
  if (amount?.kind === 'sign-column') amount.debitValues = debitValuesOf(rows, amount.signColumn);
  const amountColumn = amount ? (amount.kind === 'debit-credit' ? amount.creditColumn : amount.column) : null;
  // Never one of the amount's columns: those are taken (and a balance-named column is never an amount).
  const balanceColumn = take(named('balance', (p) => balance.has(p.index) && isAmountColumn(p, 0.5))[0]);

  const payeeColumn = take(named('payee', (p) => p.nonEmpty > 0 && share(p, p.textual) >= 0.3)[0]);

  const distance = (index: number) =>
    amountColumn === null ? index : index > amountColumn ? index - amountColumn : amountColumn - index + 0.5;
  const currencyNamed = named('currency', (p) => isCurrencyColumn(p, true));
  const currencyContent = profiles
    .filter((p) => !used.has(p.index) && !names[p.index] && isCurrencyColumn(p) && p.nonEmpty >= p.rows * 0.5)
    .sort((a, b) => distance(a.index) - distance(b.index));
  const bestCurrency =
    currencyNamed.length > 0 ? nearestOfBest(currencyNamed, names, distance) : currencyContent[0];
  const currencyColumn = take(bestCurrency);

  const referenceColumn = take(
    named('reference', (p) => p.nonEmpty >= p.rows * 0.8 && p.distinct === p.nonEmpty && p.nonEmpty > 0)[0],
  );

  const status = named('status', (p) => p.nonEmpty > 0 && p.distinct <= Math.max(6, p.rows / 2))[0];
  const statusColumn = take(status);
  const pendingValues =
    statusColumn === null ? [] : pendingValuesOf(rows, statusColumn, names[statusColumn]!);

  // Free text: not sign words, not one value repeated on every row ("Compte personnel UBS").
  const textual = (p: ColumnProfile) =>
    p.nonEmpty > 0 &&
    p.signWords < p.nonEmpty &&
    !used.has(p.index) &&
    !(p.nonEmpty >= 3 && p.distinct === 1);
  // A named text column may be empty in the sample (GLS's VWZ5…VWZ14) and filled further down.
  let descriptionColumns = profiles
    .filter(
      (p) => names[p.index] && (scoreOf(p.index, 'description') >= 2 || NUMBERED_TEXT.test(names[p.index]!)),
    )
    .filter((p) => textual(p) || (p.nonEmpty === 0 && !used.has(p.index)))
    .map((p) => p.index);
  if (descriptionColumns.length === 0) {
    const unnamed = (p: ColumnProfile) =>
      !names[p.index] ||
      (['date', 'valueDate', 'amount', 'currency', 'balance', 'status', 'reference'] as const).every(
        (role) => scoreOf(p.index, role) === 0,
      );
    descriptionColumns = profiles
      .filter((p) => textual(p) && unnamed(p) && !balance.has(p.index) && isTextColumn(p))
      .map((p) => p.index);
  }

  const amountHeader = amountColumn !== null ? (header?.[amountColumn] ?? '') : '';
  return {
    dateColumn,
    valueDateColumn,
    amount,
    payeeColumn,
    descriptionColumns,
    currencyColumn,
    referenceColumn,
    statusColumn,
    pendingValues,
    balanceColumn,
    currency: currencyOfHeader(amountHeader),
    named:
      namedDate !== undefined &&
      amount !== null &&
      amountColumn !== null &&
      scoreOf(amountColumn, 'amount') + scoreOf(amountColumn, 'credit') > 0,
  };
}

/** Among the best-named columns (same score and rank), the one nearest the amount, after it first. */
function nearestOfBest(
  candidates: ColumnProfile[],
  names: readonly string[],
  distance: (index: number) => number,
): ColumnProfile {
  const best = matchHeader(names[candidates[0]!.index]!, 'currency');
  return candidates
    .filter((p) => {
      const match = matchHeader(names[p.index]!, 'currency');
      return match.score === best.score && match.rank === best.rank;
    })
    .sort((a, b) => distance(a.index) - distance(b.index))[0]!;
}

type Named = (role: ColumnRole, accept: (p: ColumnProfile) => boolean) => ColumnProfile[];

/**
 * The amount: a column named as an amount exactly ("Betrag"), else a named debit/credit pair
 * ("Soll"/"Haben", "Withdrawal (-)"/"Deposit (+)"), else a column whose name contains an amount word,
 * else by content. An unsigned amount next to a column of C/D, Af/Bij, S/H words is read with it.
 */
function guessAmount(
  profiles: ColumnProfile[],
  names: readonly string[],
  used: Set<number>,
  balance: ReadonlySet<number>,
  named: Named,
  scoreOf: (index: number, role: ColumnRole) => number,
): CsvAmountMapping | null {
  const money = (p: ColumnProfile) => !balance.has(p.index) && isAmountColumn(p, 0.5);
  const maybeEmpty = (p: ColumnProfile) =>
    !balance.has(p.index) && (p.nonEmpty === 0 || isAmountColumn(p, 0.5));
  const amounts = named('amount', money);
  const debit = named('debit', maybeEmpty).find(
    (p) => scoreOf(p.index, 'debit') >= scoreOf(p.index, 'amount'),
  );
  const credit = named('credit', maybeEmpty).find(
    (p) => p.index !== debit?.index && scoreOf(p.index, 'credit') >= scoreOf(p.index, 'amount'),
  );
  const best = amounts[0];
  let column: ColumnProfile | undefined;
  if (best && scoreOf(best.index, 'amount') === 3) column = best;
  else if (debit && credit && (debit.nonEmpty > 0 || credit.nonEmpty > 0)) {
    used.add(debit.index);
    used.add(credit.index);
    return { kind: 'debit-credit', debitColumn: debit.index, creditColumn: credit.index };
  } else column = best ?? byContent(profiles, names, used, balance);
  if (!column) return null;
  used.add(column.index);
  if (column.negative > 0) return { kind: 'signed', column: column.index };
  const sign =
    named('sign', isSignColumn)[0] ??
    profiles.find((p) => !used.has(p.index) && isSignColumn(p) && p.debitWords > 0 && p.creditWords > 0);
  if (!sign) return { kind: 'signed', column: column.index };
  used.add(sign.index);
  return { kind: 'sign-column', column: column.index, signColumn: sign.index, debitValues: [] };
}

/** The unnamed column of amounts most like money moving: signs, then fractions. */
function byContent(
  profiles: ColumnProfile[],
  names: readonly string[],
  used: ReadonlySet<number>,
  balance: ReadonlySet<number>,
): ColumnProfile | undefined {
  const weight = (p: ColumnProfile) =>
    (p.negative > 0 ? 2 : 0) + (p.plus > 0 ? 1 : 0) + share(p, p.fractional) - (names[p.index] ? 0.5 : 0);
  return profiles
    .filter(
      (p) =>
        !used.has(p.index) &&
        !balance.has(p.index) &&
        isAmountColumn(p) &&
        p.nonEmpty >= p.rows * 0.5 &&
        (p.fractional > 0 || p.negative > 0),
    )
    .sort((a, b) => weight(b) - weight(a) || a.index - b.index)[0];
}

/** The values of a status column that mean pending, as written; "Pending" when none shows yet. */
function pendingValuesOf(rows: readonly (readonly string[])[], column: number, name: string): string[] {
  const found = new Set<string>();
  for (const row of rows) {
    const cell = cleanCell(row[column] ?? '');
    if (cell === '') continue;
    if (isPendingValue(cell) || (name === 'pending' && YES.has(cell.toLowerCase()))) found.add(cell);
  }
  return found.size > 0 ? [...found] : ['Pending'];
}

/** The values of a sign column that mean money out, as written, plus the usual ones. */
export function debitValuesOf(rows: readonly (readonly string[])[], column: number): string[] {
  const found = new Set<string>();
  for (const row of rows) {
    const cell = cleanCell(row[column] ?? '');
    if (DEBIT_WORDS.has(signWordOf(cell))) found.add(cell);
  }
  return found.size > 0 ? [...found] : ['D', 'DR', 'Debit', 'Af', 'S', 'Soll', '-'];
}
