import type { CsvAmountMapping, CsvMapping } from '../types.ts';

/** The columns the amount mapping reads: the amount (or money out and money in) and the sign column. */
export function amountColumns(amount: CsvAmountMapping): number[] {
  if (amount.kind === 'debit-credit') return [amount.debitColumn, amount.creditColumn];
  if (amount.kind === 'sign-column') return [amount.column, amount.signColumn];
  return [amount.column];
}

/** Every column a mapping reads into the rows; the running balance, read into no row, is left out. */
export function mappedColumns(mapping: CsvMapping): number[] {
  return [
    mapping.dateColumn,
    mapping.valueDateColumn,
    ...amountColumns(mapping.amount),
    mapping.payeeColumn,
    ...mapping.descriptionColumns,
    mapping.currencyColumn,
    mapping.referenceColumn,
    mapping.statusColumn,
  ].filter((column): column is number => column !== null);
}

/**
 * How many cells one line has, quotes respected but not unescaped: a quick count for choosing a
 * delimiter and for naming the columns of a file without a header.
 */
export function countCells(line: string, delimiter: string): number {
  let cells = 1;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) cells++;
  }
  return cells;
}
