import { describe, expect, it } from 'vitest';
import type { TransactionJson } from '../../api/types.ts';
import { linesOf, monthAfter, type ReconcileLine, summaryOf } from './reconcile.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const line = (transactionId: number, amount: string, cleared = false): ReconcileLine => ({
  transactionId,
  date: '2026-01-10',
  payee: '',
  description: '',
  amount: eur(amount),
  cleared,
});

describe('summaryOf', () => {
  // Reconciled before: 1000.00. Cleared already: 0.10. Pending: 0.20 and -54.30.
  const lines = [line(1, '0.10', true), line(2, '0.20'), line(3, '-54.30')];
  const serverCleared = eur('1000.10');

  it('counts what is reconciled and what is cleared', () => {
    expect(summaryOf('1000.10', serverCleared, lines, new Map())).toEqual({
      cleared: '1000.10',
      difference: '0.00',
      ticked: 1,
    });
  });

  it('is exact where floats are not (0.1 + 0.2)', () => {
    const summary = summaryOf('1000.30', serverCleared, lines, new Map([[2, true]]));
    expect(summary).toEqual({ cleared: '1000.30', difference: '0.00', ticked: 2 });
  });

  it('follows ticks and unticks not yet saved, and says the difference with its sign', () => {
    const ticks = new Map([
      [1, false],
      [3, true],
    ]);
    expect(summaryOf('950.00', serverCleared, lines, ticks)).toEqual({
      cleared: '945.70',
      difference: '4.30',
      ticked: 1,
    });
    expect(summaryOf('900.00', serverCleared, lines, ticks).difference).toBe('-45.70');
  });

  it('has no difference while no balance is given', () => {
    expect(summaryOf('', serverCleared, lines, new Map()).difference).toBeNull();
  });

  it('keeps amounts exact up to the largest Moneta holds', () => {
    const big = [line(1, '90071992547409.90')];
    const summary = summaryOf('90071992547409.91', eur('0.01'), big, new Map([[1, true]]));
    expect(summary).toEqual({ cleared: '90071992547409.91', difference: '0.00', ticked: 1 });
  });
});

describe('linesOf', () => {
  it('takes the account’s side of each transaction, oldest first', () => {
    const transaction = (id: number, date: string, postings: [number, string][]): TransactionJson =>
      ({
        id,
        date,
        status: id === 2 ? 'cleared' : 'pending',
        payee: id === 1 ? { id: 5, name: 'Rewe' } : null,
        description: `t${id}`,
        postings: postings.map(([accountId, amount], i) => ({
          id: id * 10 + i,
          accountId,
          amount: eur(amount),
          value: eur(amount),
          memo: null,
        })),
      }) as TransactionJson;
    const lines = linesOf(
      [
        transaction(2, '2026-01-20', [
          [1, '-10.00'],
          [9, '10.00'],
        ]),
        transaction(1, '2026-01-05', [
          [1, '-3.00'],
          [1, '-4.50'],
          [9, '7.50'],
        ]),
      ],
      1,
      'EUR',
    );
    expect(lines.map((l) => [l.transactionId, l.payee, l.amount.amount, l.cleared])).toEqual([
      [1, 'Rewe', '-7.50', false],
      [2, '', '-10.00', true],
    ]);
  });
});

describe('monthAfter', () => {
  it('is the same day a month later, or the month’s end after a month’s end', () => {
    expect(monthAfter('2026-01-15')).toBe('2026-02-15');
    expect(monthAfter('2026-01-31')).toBe('2026-02-28');
    expect(monthAfter('2026-02-28')).toBe('2026-03-31');
    expect(monthAfter('2024-01-30')).toBe('2024-02-29');
    expect(monthAfter('2025-12-31')).toBe('2026-01-31');
    expect(monthAfter('2026-04-30')).toBe('2026-05-31');
  });
});
