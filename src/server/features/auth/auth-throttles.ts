import type { FastifyReply } from 'fastify';
import { fail, MonetaError } from '../../../core/errors.ts';
import { Throttle } from './throttle.ts';

/**
 * The key of a client address: an IPv4 address as it is, an IPv6 one by its /64 network, which a
 * single subscriber usually holds whole (so that a guesser cannot take a fresh address per try).
 */
export function clientKey(ip: string): string {
  const address = ip.split('%')[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros =
    tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  const groups = [...left, ...zeros, ...right].slice(0, 4);
  return `${groups.map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}

interface Count {
  throttle: Throttle;
  key: string;
}

/** An attempt let through, counted as failed from its start. */
export class Attempt {
  constructor(
    private readonly atMs: number,
    private readonly counts: readonly Count[],
    /** Counts that the right password clears altogether, not just of this attempt. */
    private readonly clearedOnSuccess: readonly Count[] = [],
  ) {}

  /** Waits for the attempt's work: a wrong password stays counted; anything else is taken back. */
  async settle<T>(work: Promise<T>): Promise<T> {
    try {
      const result = await work;
      for (const { throttle, key } of this.clearedOnSuccess) throttle.clear(key);
      this.forgive();
      return result;
    } catch (error) {
      if (!(error instanceof MonetaError && error.code === 'INVALID_CREDENTIALS')) this.forgive();
      throw error;
    }
  }

  private forgive(): void {
    for (const { throttle, key } of this.counts) throttle.forgive(key, this.atMs);
  }
}

/** Refuses with 429 RATE_LIMITED and Retry-After when any count is spent; otherwise counts the attempt. */
function admit(reply: FastifyReply, counts: readonly Count[], what: string, nowMs: number): void {
  const wait = Math.max(0, ...counts.map(({ throttle, key }) => throttle.retryAfter(key, nowMs)));
  if (wait > 0) {
    reply.header('retry-after', String(wait));
    fail('RATE_LIMITED', `Too many ${what}; try again in ${wait} seconds.`);
  }
  for (const { throttle, key } of counts) throttle.attempt(key, nowMs);
}

/**
 * The limits on guessing and on creating accounts, each within 15 minutes. A failed login counts
 * against its e-mail at its client address (5: the lock a guesser meets, and only they, so a
 * stranger cannot lock the owner out elsewhere), its client address (50, as a household shares
 * one) and its e-mail from anywhere (100: bounds guessing from many addresses, which a stranger
 * reaches only from 20 of them). A wrong current password at the password change counts against
 * the user (5) and the client address (the same 50). Every registration counts, failed or not,
 * against its client address (10) and its e-mail (5).
 */
export class AuthThrottles {
  private readonly failuresPerEmailAtClient = new Throttle(5);
  private readonly failuresPerClient = new Throttle(50);
  private readonly failuresPerEmail = new Throttle(100);
  private readonly failuresPerUser = new Throttle(5);
  private readonly registrationsPerClient = new Throttle(10);
  private readonly registrationsPerEmail = new Throttle(5);

  login(reply: FastifyReply, ip: string, email: string, nowMs = Date.now()): Attempt {
    const client = { throttle: this.failuresPerClient, key: clientKey(ip) };
    const anywhere = { throttle: this.failuresPerEmail, key: email };
    const here = { throttle: this.failuresPerEmailAtClient, key: `${email} ${client.key}` };
    admit(reply, [here, client, anywhere], 'failed logins', nowMs);
    return new Attempt(nowMs, [here, client, anywhere], [here]);
  }

  passwordChange(reply: FastifyReply, ip: string, userId: number, nowMs = Date.now()): Attempt {
    const counts = [
      { throttle: this.failuresPerUser, key: String(userId) },
      { throttle: this.failuresPerClient, key: clientKey(ip) },
    ];
    admit(reply, counts, 'wrong passwords', nowMs);
    return new Attempt(nowMs, counts);
  }

  registration(reply: FastifyReply, ip: string, email: string, nowMs = Date.now()): void {
    const counts = [
      { throttle: this.registrationsPerClient, key: clientKey(ip) },
      { throttle: this.registrationsPerEmail, key: email },
    ];
    admit(reply, counts, 'registrations', nowMs);
  }
}
