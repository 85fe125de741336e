/**
 * Slows down password guessing: after `limit` failed logins for one e-mail address or from one
 * client address within `windowMs`, further attempts are refused until the window has passed.
 * In memory: each instance throttles on its own, which still bounds guessing per instance.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds until `keys` may try again, or 0 when they may now. */
  retryAfter(keys: readonly string[], nowMs: number): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, nowMs);
      if (recent.length >= this.limit) wait = Math.max(wait, recent[0]! + this.windowMs - nowMs);
    }
    return Math.ceil(wait / 1000);
  }

  fail(keys: readonly string[], nowMs: number): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
    if (this.failures.size > 100_000) this.sweep(nowMs);
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
  }

  private sweep(nowMs: number): void {
    for (const key of this.failures.keys()) {
      if (this.recent(key, nowMs).length === 0) this.failures.delete(key);
    }
  }
}
