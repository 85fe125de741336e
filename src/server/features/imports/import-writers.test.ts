import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ABANDONED_AFTER_MS, isAbandoned, startWriting, stopWriting } from './import-writers.ts';

const NOW = Date.parse('2026-11-21T10:00:00.000Z');
const beat = (ago: number) => new Date(NOW - ago).toISOString();
/** No process has this id: it is above Linux's largest pid_max. */
const GONE = 2 ** 30 - 1;

describe('isAbandoned', () => {
  it('gives up on any writer whose last chunk is older than the lease', () => {
    const writer = `${hostname()} ${process.ppid}`;
    expect(isAbandoned({ id: 1, writer, heartbeat_at: beat(ABANDONED_AFTER_MS + 1) }, NOW)).toBe(true);
    expect(isAbandoned({ id: 1, writer, heartbeat_at: null }, NOW)).toBe(true);
    expect(isAbandoned({ id: 1, writer: 'no-pid', heartbeat_at: beat(0) }, NOW)).toBe(true);
  });

  it('on this host, asks whether the writing process still lives', () => {
    expect(isAbandoned({ id: 1, writer: `${hostname()} ${GONE}`, heartbeat_at: beat(0) }, NOW)).toBe(true);
    expect(isAbandoned({ id: 1, writer: `${hostname()} ${process.ppid}`, heartbeat_at: beat(0) }, NOW)).toBe(
      false,
    );
  });

  it('in this very process, knows which batches it writes', () => {
    const mine = { id: 7, writer: `${hostname()} ${process.pid}`, heartbeat_at: beat(0) };
    expect(isAbandoned(mine, NOW)).toBe(true);
    startWriting(7);
    expect(isAbandoned(mine, NOW)).toBe(false);
    stopWriting(7);
    expect(isAbandoned(mine, NOW)).toBe(true);
  });

  it('trusts a writer on another host until its heartbeat goes stale', () => {
    const elsewhere = { id: 1, writer: `not-${hostname()} ${GONE}` };
    expect(isAbandoned({ ...elsewhere, heartbeat_at: beat(ABANDONED_AFTER_MS - 1000) }, NOW)).toBe(false);
    expect(isAbandoned({ ...elsewhere, heartbeat_at: beat(ABANDONED_AFTER_MS + 1000) }, NOW)).toBe(true);
  });
});
