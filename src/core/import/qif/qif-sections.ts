/**
 * Splits QIF text into sections (`!Type:Bank`, `!Account`, `!Type:Cat` …) and their records (lines
 * up to a `^`). Pure text work: what the fields mean is up to the caller.
 */

export interface QifField {
  /** The field's code letter as written (`D`, `T`, `$` …). */
  code: string;
  /** The rest of the line, not trimmed. */
  value: string;
  line: number;
}

export interface QifRecord {
  /** 1-based line of the record's first field. */
  line: number;
  fields: QifField[];
  /** The record as written, its `^` included. */
  raw: string;
  /** False when the file ended before the record's `^`. */
  terminated: boolean;
}

export interface QifSection {
  /** The header as written, trimmed (`!Type:Bank`), or null for lines before the first header. */
  header: string | null;
  /** Lower-case kind: `type:bank`, `account`, `option:autoswitch` … */
  kind: string;
  line: number;
  records: QifRecord[];
}

export function splitQifSections(text: string): QifSection[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const sections: QifSection[] = [{ header: null, kind: '', line: 1, records: [] }];
  let current: { line: number; fields: QifField[]; rawLines: string[] } | null = null;
  const finish = (terminated: boolean) => {
    if (current && current.fields.length > 0) {
      sections.at(-1)!.records.push({
        line: current.line,
        fields: current.fields,
        raw: current.rawLines.join('\n'),
        terminated,
      });
    }
    current = null;
  };
  lines.forEach((text, index) => {
    const line = index + 1;
    const trimmed = text.trim();
    if (trimmed.startsWith('!')) {
      finish(false);
      sections.push({ header: trimmed, kind: sectionKind(trimmed), line, records: [] });
      return;
    }
    if (trimmed === '^') {
      if (current) current.rawLines.push(text);
      finish(true);
      return;
    }
    // Blank lines separate nothing in QIF; '#' lines are comments some exporters write before the data.
    if (trimmed === '' || (current === null && trimmed.startsWith('#'))) return;
    current ??= { line, fields: [], rawLines: [] };
    current.rawLines.push(text);
    current.fields.push({ code: text.trimStart()[0]!, value: text.trimStart().slice(1), line });
  });
  finish(false);
  return sections;
}

/** `!Type:Bank ` → `type:bank`, `!Type:Oth A` → `type:oth a`, `!Account` → `account`. */
function sectionKind(header: string): string {
  return header
    .slice(1)
    .toLowerCase()
    .replace(/\s*:\s*/, ':')
    .replace(/\s+/g, ' ')
    .trim();
}
