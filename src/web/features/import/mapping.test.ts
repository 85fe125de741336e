import { describe, expect, it } from 'vitest';
import { countCells } from '../../../core/import/csv/mapping-columns.ts';
import type { CsvMappingJson } from '../../api/types.ts';
import { amountOfKind, columnLabels, dateExample, dateOrderWords, listOf } from './mapping.ts';

const mapping: CsvMappingJson = {
  encoding: 'utf-8',
  delimiter: ';',
  headerLine: 1,
  firstDataLine: 2,
  footerLines: 0,
  dateColumn: 0,
  dateFormat: 'DD.MM.YYYY',
  valueDateColumn: null,
  amount: { kind: 'signed', column: 3 },
  decimalSeparator: ',',
  thousandsSeparator: '.',
  invertSign: false,
  payeeColumn: 1,
  descriptionColumns: [2],
  currencyColumn: null,
  referenceColumn: null,
  balanceColumn: null,
  statusColumn: null,
  pendingValues: [],
  currency: null,
};

describe('the CSV layout form', () => {
  it('shows each date format with 5 March 2026 written in it, and its order in words', () => {
    expect(dateExample('DD.MM.YYYY')).toBe('05.03.2026');
    expect(dateExample('MMM DD, YYYY')).toBe('Mar 05, 2026');
    expect(dateExample('DD/MM/YY')).toBe('05/03/26');
    expect(dateExample('YYYYMMDD')).toBe('20260305');
    expect(dateOrderWords('MM/DD/YYYY')).toBe('month, day, year');
    expect(dateOrderWords('DD MMM YYYY')).toBe('day, month, year');
  });

  it('names columns from the header, or counts them in the lines (quotes respected)', () => {
    expect(columnLabels(['Date', 'Payee', 'Purpose', 'Amount'], [], mapping)).toEqual([
      '1: Date',
      '2: Payee',
      '3: Purpose',
      '4: Amount',
    ]);
    expect(countCells('"Smith; John";x;1,00', ';')).toBe(3);
    expect(columnLabels(null, ['a;b', 'a;b;c;d;e'], mapping)).toHaveLength(5);
    expect(columnLabels(null, [], { ...mapping, payeeColumn: 7 }).at(-1)).toBe('Column 8');
  });

  it('switches the amount kind keeping the columns chosen', () => {
    const split = amountOfKind({ kind: 'signed', column: 3 }, 'debit-credit');
    expect(split).toEqual({ kind: 'debit-credit', debitColumn: 3, creditColumn: 4 });
    expect(amountOfKind(split, 'sign-column')).toEqual({
      kind: 'sign-column',
      column: 3,
      signColumn: 4,
      debitValues: ['D', 'Debit'],
    });
    expect(amountOfKind(split, 'signed')).toEqual({ kind: 'signed', column: 3 });
    expect(listOf(' D, Debit ,, S ')).toEqual(['D', 'Debit', 'S']);
  });
});
