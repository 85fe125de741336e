/**
 * What a write does to the figures cached beside the postings: each account's balance and its
 * monthly roll-up (Σ amount and the number of postings per calendar month). A write adds the
 * postings it makes and subtracts the ones it removes; the sums then move once per account and
 * once per (account, month), however many postings the write touched.
 */
export interface MonthDelta {
  readonly accountId: number;
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly amount: bigint;
  /** Postings added (positive) or removed (negative). */
  readonly postings: number;
}

/** The calendar month of an ISO date ('2026-11-21' → '2026-11'). */
export const monthOf = (date: string): string => date.slice(0, 7);

export class PostingDeltas {
  readonly #balances = new Map<number, bigint>();
  readonly #months = new Map<
    string,
    { accountId: number; month: string; amount: bigint; postings: number }
  >();

  /** A posting written (`direction` 1) or removed (−1). */
  add(accountId: number, date: string, amount: bigint, direction: 1 | -1 = 1): this {
    const signed = direction === 1 ? amount : -amount;
    this.#balances.set(accountId, (this.#balances.get(accountId) ?? 0n) + signed);
    const month = monthOf(date);
    const key = `${accountId}:${month}`;
    const row = this.#months.get(key) ?? { accountId, month, amount: 0n, postings: 0 };
    row.amount += signed;
    row.postings += direction;
    this.#months.set(key, row);
    return this;
  }

  /** Each account's change of balance; accounts whose postings cancel out are left out. */
  balances(): Map<number, bigint> {
    return new Map([...this.#balances].filter(([, delta]) => delta !== 0n));
  }

  /** Each (account, month) that changed, in account then month order. */
  months(): MonthDelta[] {
    return [...this.#months.values()]
      .filter((row) => row.amount !== 0n || row.postings !== 0)
      .sort((a, b) => a.accountId - b.accountId || a.month.localeCompare(b.month));
  }
}
