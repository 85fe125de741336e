import { describe, expect, it } from 'vitest';
import { sameDecimal } from '../../../core/import/amount-text.ts';
import type { ImportPreviewRowJson, ImportStatementJson } from '../../api/types.ts';
import { agreement, balanceAfterChoices, decimalDifference } from './balances.ts';
import { bytesToBase64 } from './base64.ts';
import {
  carryChoices,
  commitChoices,
  NO_CHOICES,
  rowWillImport,
  setCategory,
  setImport,
  summarise,
} from './choices.ts';
import { categoryValue, choiceOf, pageOf } from './rowView.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

function row(
  index: number,
  amount: string | null,
  extra: Partial<ImportPreviewRowJson> = {},
): ImportPreviewRowJson {
  return {
    index,
    statement: 0,
    line: index + 2,
    raw: `line ${index}`,
    date: '2026-03-01',
    valueDate: null,
    amount: amount === null ? null : eur(amount),
    payee: null,
    description: '',
    reference: null,
    status: 'cleared',
    category: null,
    transferAccount: null,
    split: [],
    tagIds: [],
    notes: null,
    matchedRuleIds: [],
    suggestions: [],
    duplicate: null,
    issues: [],
    action: 'import',
    ...extra,
  };
}

const broken = { code: 'INVALID_AMOUNT', severity: 'error' as const, message: 'Not an amount', line: 5 };
const rows = [
  row(0, '-23.45'),
  row(1, '-4.20', { duplicate: { kind: 'likely', transactionId: 7 } }),
  row(2, '2500.00', { duplicate: { kind: 'exact', transactionId: null } }),
  row(3, null, { issues: [broken] }),
  row(4, '-0.10', { category: { id: 9, name: 'Fun', source: 'rule' } }),
];

describe('the choices made on a preview', () => {
  it('imports what the server would by default: not duplicates, not rows with errors', () => {
    expect(rows.map((r) => rowWillImport(r, NO_CHOICES))).toEqual([true, false, false, false, true]);
    expect(summarise(rows, NO_CHOICES)).toEqual({
      rows: 5,
      toImport: 2,
      exactDuplicates: 1,
      likelyDuplicates: 1,
      errors: 1,
      excluded: 0,
    });
  });

  it('lets a likely duplicate in, a row out, and never an exact duplicate or a broken row', () => {
    let choices = setImport(NO_CHOICES, rows[1]!, true);
    choices = setImport(choices, rows[0]!, false);
    choices = setImport(choices, rows[2]!, true);
    choices = setImport(choices, rows[3]!, true);
    expect(rows.map((r) => rowWillImport(r, choices))).toEqual([false, true, false, false, true]);
    expect(summarise(rows, choices)).toMatchObject({ toImport: 2, excluded: 1 });
    expect(commitChoices(rows, choices)).toEqual({ exclude: [0, 3], include: [1], categories: [] });
    // Ticking the likely duplicate out again.
    expect(commitChoices(rows, setImport(choices, rows[1]!, false)).include).toEqual([]);
  });

  it('sends chosen categories only for rows that are written, and null for none', () => {
    let choices = setCategory(NO_CHOICES, 4, null);
    choices = setCategory(choices, 0, 12);
    choices = setCategory(choices, 2, 12);
    expect(commitChoices(rows, choices).categories).toEqual([
      { index: 0, categoryId: 12 },
      { index: 4, categoryId: null },
    ]);
    expect(commitChoices(rows, setCategory(choices, 0, undefined)).categories).toEqual([
      { index: 4, categoryId: null },
    ]);
  });

  it('maps the category select to a choice, and back to what the import decided', () => {
    expect(categoryValue(rows[4]!, NO_CHOICES)).toBe('9');
    expect(choiceOf(rows[4]!, '9')).toBeUndefined();
    expect(choiceOf(rows[4]!, 'none')).toBeNull();
    expect(choiceOf(rows[0]!, 'none')).toBeUndefined();
    expect(choiceOf(rows[0]!, '12')).toBe(12);
    const transfer = row(5, '-50.00', { transferAccount: { id: 3, name: 'Savings' } });
    expect(categoryValue(transfer, NO_CHOICES)).toBe('keep');
    expect(choiceOf(transfer, 'none')).toBeNull();
    expect(categoryValue(transfer, setCategory(NO_CHOICES, 5, null))).toBe('none');
  });

  it('keeps choices across a new preview only on rows whose source line is unchanged', () => {
    const choices = setCategory(setImport(setImport(NO_CHOICES, rows[0]!, false), rows[1]!, true), 4, 12);
    const next = rows.map((r) => (r.index === 1 ? { ...r, raw: 'another line' } : r));
    const carried = carryChoices(rows, choices, next);
    expect([...carried.exclude]).toEqual([0]);
    expect([...carried.include]).toEqual([]);
    expect([...carried.categories]).toEqual([[4, 12]]);
    expect(carryChoices(rows, choices, rows.slice(0, 2)).categories.size).toBe(0);
  });
});

describe('balances of a statement', () => {
  const statement: ImportStatementJson = {
    index: 0,
    fileAccountId: 'DE001',
    fileAccountType: 'CHECKING',
    fileAccountName: null,
    currency: 'EUR',
    accountId: 1,
    rowCount: 5,
    openingBalance: null,
    closingBalance: { amount: eur('1972.35'), date: '2026-03-31' },
    balanceAfterImport: eur('1972.35'),
  };

  it('compares exact decimals of any length, never through floats', () => {
    expect(decimalDifference('0.3', '0.1')).toBe('0.2');
    expect(decimalDifference('1972.350', '1972.35')).toBe('0.000');
    expect(sameDecimal('1972.350', '1972.35')).toBe(true);
    expect(decimalDifference('-4.2', '10')).toBe('-14.2');
    expect(decimalDifference('90071992547409.93', '-0.01')).toBe('90071992547409.94');
  });

  it('follows the choices: an excluded row and an included duplicate move the balance after import', () => {
    expect(balanceAfterChoices(statement, rows, NO_CHOICES)).toEqual(eur('1972.35'));
    const choices = setImport(setImport(NO_CHOICES, rows[0]!, false), rows[1]!, true);
    // +23.45 (not imported after all) −4.20 (the duplicate let in)
    expect(balanceAfterChoices(statement, rows, choices)).toEqual(eur('1991.60'));
  });

  it('says whether the closing balance agrees, and by how much it differs', () => {
    expect(agreement(statement, eur('1972.35'))).toMatchObject({ kind: 'agree' });
    expect(agreement(statement, eur('1991.60'))).toMatchObject({
      kind: 'differ',
      difference: eur('-19.25'),
    });
    expect(agreement({ ...statement, closingBalance: null }, eur('1.00'))).toEqual({ kind: 'none' });
  });
});

describe('reading and paging', () => {
  it('encodes bytes as base64 in chunks, also past the chunk size', () => {
    expect(bytesToBase64(new TextEncoder().encode('Datum;Betrag\n'))).toBe(
      Buffer.from('Datum;Betrag\n').toString('base64'),
    );
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('pages 10,000 rows fifty at a time and keeps the page in range', () => {
    expect(pageOf(10_000, 0, 50)).toEqual({ pages: 200, current: 0, start: 0, end: 50 });
    expect(pageOf(10_000, 500, 50)).toEqual({ pages: 200, current: 199, start: 9950, end: 10_000 });
    expect(pageOf(0, 3, 50)).toEqual({ pages: 1, current: 0, start: 0, end: 0 });
  });
});
