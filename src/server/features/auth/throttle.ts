/**
 * Slows down guessing: after `limit` counted attempts for one key (an e-mail address, a client
 * address, a user) within `windowMs`, further attempts for that key are refused until the oldest
 * leaves the window. In memory: each instance throttles on its own, which still bounds guessing.
 */
export class Throttle {
  private readonly counted = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    return recent.length < this.limit ? 0 : Math.ceil((recent[0]! + this.windowMs - nowMs) / 1000);
  }

  /**
   * Counts an attempt from the moment it starts (as failed, for a throttle of failures), so that
   * parallel attempts cannot all pass the check before any of them has failed; `forgive` or
   * `clear` take it back.
   */
  attempt(key: string, nowMs: number): void {
    this.counted.set(key, [...this.recent(key, nowMs), nowMs].slice(-this.limit));
    if (this.counted.size > 100_000) this.sweep(nowMs);
  }

  /** Takes back one attempt made at `atMs` (it succeeded). */
  forgive(key: string, atMs: number): void {
    const list = this.counted.get(key);
    const index = list?.lastIndexOf(atMs) ?? -1;
    if (list && index >= 0) list.splice(index, 1);
  }

  /** Forgets every attempt of `key` (the right password ends the lock-out of an address). */
  clear(key: string): void {
    this.counted.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.counted.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
  }

  private sweep(nowMs: number): void {
    for (const key of this.counted.keys()) {
      if (this.recent(key, nowMs).length === 0) this.counted.delete(key);
    }
  }
}
