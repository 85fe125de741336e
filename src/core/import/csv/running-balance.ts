import { negateDecimal, sumDecimals } from '../amount-text.ts';
import type { StatementBalance } from '../types.ts';

/**
 * A CSV file's running-balance column, read as the statement's opening and closing balance.
 *
 * Banks write the balance after each movement (most) or before it (ASN Bank), oldest first or
 * newest first. Which of these a file does is read from its arithmetic over consecutive lines:
 * `balance[i] − balance[i−1]` is the amount of line i or of line i−1, or minus one of them.
 * The file's order comes from its dates (the arithmetic decides only when every row has the same
 * date); given the order, the relation that holds most often says whether balances are written
 * after or before the movement, and whether they count the other way (a card's balance owed going
 * up with charges that are negative amounts here). A file whose balances do not chain at all is
 * read as the common case: oldest first if the dates say nothing, balances after the movement.
 *
 * Everything is kept in a few variables, so a stream of a million rows needs no more memory.
 */

/** What one read row brings to the running balance; `balance` is null when its cell is blank. */
export interface BalancePoint {
  line: number;
  date: string;
  amount: string;
  balance: string | null;
  currency: string | null;
}

export interface RunningBalances {
  openingBalance: StatementBalance | null;
  closingBalance: StatementBalance | null;
}

export const NO_BALANCES: RunningBalances = { openingBalance: null, closingBalance: null };

/**
 * How the balance of a line relates to the one before it (`diff` = balance[i] − balance[i−1]):
 * A: diff = amount[i], B: diff = amount[i−1], C: diff = −amount[i], D: diff = −amount[i−1].
 */
type Relations = [a: number, b: number, c: number, d: number];

const isZero = (decimal: string) => /^0(?:\.0+)?$/.test(decimal);

/**
 * Adds to `counts` the relations two consecutive lines satisfy. A pair whose balance does not move
 * says nothing (any zero amount would match it) and is not counted; returns whether it was.
 */
function countPair(
  previous: { amount: string; balance: string },
  current: { amount: string; balance: string },
  counts: Relations,
): boolean {
  const diff = sumDecimals([current.balance, negateDecimal(previous.balance)]);
  if (isZero(diff)) return false;
  const minus = negateDecimal(diff);
  if (isZero(sumDecimals([minus, current.amount]))) counts[0]++;
  if (isZero(sumDecimals([minus, previous.amount]))) counts[1]++;
  if (isZero(sumDecimals([diff, current.amount]))) counts[2]++;
  if (isZero(sumDecimals([diff, previous.amount]))) counts[3]++;
  return true;
}

/**
 * Whether a column's cells chain as a running balance with the rows' amounts (in line order): one
 * relation holds for at least 2 pairs and 80 % of the pairs whose balance moves. Exact decimal
 * arithmetic makes a chance match of a column of ids, fees or counts all but impossible.
 */
export function chainsAsBalance(points: readonly { amount: string; balance: string | null }[]): boolean {
  const counts: Relations = [0, 0, 0, 0];
  let pairs = 0;
  let previous: { amount: string; balance: string } | null = null;
  for (const point of points) {
    if (point.balance === null) continue;
    const current = { amount: point.amount, balance: point.balance };
    if (previous && countPair(previous, current, counts)) pairs++;
    previous = current;
  }
  const best = Math.max(...counts);
  return best >= 2 && best >= pairs * 0.8;
}

export interface BalanceTracker {
  /** Adds the next read row, in line order (rows without a balance cell count for the order). */
  add(point: BalancePoint): void;
  /** The opening and closing balances of what was added. */
  result(): RunningBalances;
}

export function createBalanceTracker(): BalanceTracker {
  const counts: Relations = [0, 0, 0, 0];
  let previous: (BalancePoint & { balance: string }) | null = null;
  let lastDate: string | null = null;
  let up = 0;
  let down = 0;
  // The first and last lines of the earliest date (any row) and of the latest date (rows with a
  // balance): which of each is first in booking order depends on the file's order, known at the end.
  let earliestFirst: BalancePoint | null = null;
  let earliestLast: BalancePoint | null = null;
  let latestFirst: (BalancePoint & { balance: string }) | null = null;
  let latestLast: (BalancePoint & { balance: string }) | null = null;
  const currencies = new Set<string>();

  return {
    add(point) {
      if (lastDate !== null && point.date !== lastDate) {
        if (point.date > lastDate) up++;
        else down++;
      }
      lastDate = point.date;
      if (!earliestFirst || point.date < earliestFirst.date) earliestFirst = earliestLast = point;
      else if (point.date === earliestFirst.date) earliestLast = point;

      if (point.balance === null) return;
      const current = { ...point, balance: point.balance };
      if (point.currency !== null) currencies.add(point.currency);
      if (!latestFirst || current.date > latestFirst.date) latestFirst = latestLast = current;
      else if (current.date === latestFirst.date) latestLast = current;
      if (previous) countPair(previous, current, counts);
      previous = current;
    },

    result() {
      // Balances of several currencies in one column are no one balance.
      if (!latestFirst || !latestLast || !earliestFirst || !earliestLast || currencies.size > 1) {
        return NO_BALANCES;
      }
      const [a, b, c, d] = counts;
      const newestFirst = down > up || (down === up && c + d > a + b);
      // In booking order, per the file's order: after, before, after with the sign turned, before with it turned.
      const readings = newestFirst ? [d, c, b, a] : [a, b, c, d];
      let reading = 0;
      for (let i = 1; i < readings.length; i++) if (readings[i]! > readings[reading]!) reading = i;
      const before = reading === 1 || reading === 3;
      const turned = reading >= 2;

      const latest = newestFirst ? latestFirst : latestLast;
      const earliest = newestFirst ? earliestLast : earliestFirst;
      const value = (balance: string) => (turned ? negateDecimal(balance) : balance);
      const closing = before ? sumDecimals([value(latest.balance), latest.amount]) : value(latest.balance);
      let opening: string | null = null;
      if (earliest.balance !== null) {
        opening = before
          ? value(earliest.balance)
          : sumDecimals([value(earliest.balance), negateDecimal(earliest.amount)]);
      }
      return {
        openingBalance: opening === null ? null : { amount: opening, date: earliest.date },
        closingBalance: { amount: closing, date: latest.date },
      };
    },
  };
}
