import { countCells, mappedColumns } from '../../../core/import/csv/mapping-columns.ts';
import type { CsvMappingJson } from '../../api/types.ts';

/** The CSV layout as the mapping form shows it: column names, date formats with examples, choices. */

/** 5 March 2026 written in `format`: what the person recognises from their bank's file. */
export function dateExample(format: string): string {
  const parts: Record<string, string> = { YYYY: '2026', YY: '26', MMM: 'Mar', MM: '03', DD: '05' };
  return format.replace(/YYYY|YY|MMM|MM|DD/g, (token) => parts[token]!);
}

/** Which part comes first, in words: the difference between two formats a person must choose from. */
export function dateOrderWords(format: string): string {
  const order = format
    .replace(/YYYY|YY/, 'year')
    .replace(/MMM|MM/, 'month')
    .replace('DD', 'day')
    .split(/[^a-z]+/)
    .filter(Boolean);
  return order.join(', ');
}

export const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar (|)' },
] as const satisfies ReadonlyArray<{ value: CsvMappingJson['delimiter']; label: string }>;

export const DECIMAL_SEPARATORS = [
  { value: '.', label: 'Point: 1234.56' },
  { value: ',', label: 'Comma: 1234,56' },
] as const satisfies ReadonlyArray<{ value: CsvMappingJson['decimalSeparator']; label: string }>;

export const THOUSANDS_SEPARATORS = [
  { value: '', label: 'None: 1234' },
  { value: ',', label: 'Comma: 1,234' },
  { value: '.', label: 'Point: 1.234' },
  { value: "'", label: "Apostrophe: 1'234" },
  { value: ' ', label: 'Space: 1 234' },
] as const satisfies ReadonlyArray<{ value: CsvMappingJson['thousandsSeparator']; label: string }>;

export const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252 (Western Europe)' },
  { value: 'iso-8859-1', label: 'ISO-8859-1 (Latin-1)' },
  { value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
] as const satisfies ReadonlyArray<{ value: CsvMappingJson['encoding']; label: string }>;

export type AmountKind = CsvMappingJson['amount']['kind'];

export const AMOUNT_KINDS = [
  { value: 'signed', label: 'One column with a sign (−12.34)' },
  { value: 'debit-credit', label: 'Money out and money in in two columns' },
  { value: 'sign-column', label: 'An amount and a column saying which way' },
] as const satisfies ReadonlyArray<{ value: AmountKind; label: string }>;

/** The amount mapping of another kind, reusing the columns already chosen. */
export function amountOfKind(current: CsvMappingJson['amount'], kind: AmountKind): CsvMappingJson['amount'] {
  const first = current.kind === 'debit-credit' ? current.debitColumn : current.column;
  const second =
    current.kind === 'debit-credit'
      ? current.creditColumn
      : current.kind === 'sign-column'
        ? current.signColumn
        : first + 1;
  if (kind === 'signed') return { kind, column: first };
  if (kind === 'debit-credit') return { kind, debitColumn: first, creditColumn: second };
  return {
    kind,
    column: first,
    signColumn: second,
    debitValues: current.kind === 'sign-column' ? current.debitValues : ['D', 'Debit'],
  };
}

/**
 * The columns the person picks from: "1: Date" from the header, or "Column 1" when there is none;
 * as many as the header or the widest of the sample lines, and at least every column the mapping uses.
 */
export function columnLabels(
  header: readonly string[] | null,
  samples: readonly string[],
  mapping: CsvMappingJson,
): string[] {
  const used = mappedColumns(mapping);
  if (mapping.balanceColumn !== null) used.push(mapping.balanceColumn);
  const widest = Math.max(0, ...samples.map((line) => countCells(line, mapping.delimiter)));
  const count = Math.min(200, Math.max(header?.length ?? 0, widest, ...used.map((column) => column + 1)));
  return Array.from({ length: count }, (_, column) => {
    const name = header?.[column]?.trim();
    return name ? `${column + 1}: ${name}` : `Column ${column + 1}`;
  });
}

/** Values typed as a list ("D, Debit"): trimmed, blanks left out. */
export const listOf = (text: string) =>
  text
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
