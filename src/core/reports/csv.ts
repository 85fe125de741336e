/** One CSV field: text as it is, numbers as plain digits, null as an empty field. */
export type CsvField = string | number | null;

/** RFC 4180: fields holding a comma, a quote, CR or LF are quoted, quotes doubled; lines end in CRLF. */
export function csvField(value: CsvField): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document: the header row, then one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
