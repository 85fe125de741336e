import type { ImportPreviewJson } from '../../../contract/imports.ts';
import type { PreparedRow } from './prepare.ts';
import { hasError, isUncategorised, type RowChoices, willImport } from './preview-json.ts';

/**
 * The counts a preview answers, added up row by row: a streamed preview counts its rows chunk by
 * chunk and keeps none of them.
 */
export interface PreviewTally {
  summary: Omit<ImportPreviewJson['summary'], 'rules'>;
  byRule: Map<number, number>;
  /** Per statement: its rows, and what its imported rows add to the account (minor units). */
  statements: Map<number, { rows: number; imported: bigint }>;
}

export function emptyTally(): PreviewTally {
  return {
    summary: {
      rows: 0,
      toImport: 0,
      exactDuplicates: 0,
      transferHalves: 0,
      likelyDuplicates: 0,
      errors: 0,
      uncategorised: 0,
    },
    byRule: new Map(),
    statements: new Map(),
  };
}

export function countRows(tally: PreviewTally, rows: readonly PreparedRow[], choices: RowChoices): void {
  const { summary, byRule } = tally;
  for (const row of rows) {
    summary.rows++;
    let statement = tally.statements.get(row.statement);
    if (!statement) {
      statement = { rows: 0, imported: 0n };
      tally.statements.set(row.statement, statement);
    }
    statement.rows++;
    if (willImport(row, choices)) {
      summary.toImport++;
      statement.imported += row.planned.amount!.minor;
    }
    if (row.duplicate?.kind === 'exact') summary.exactDuplicates++;
    if (row.duplicate?.kind === 'transfer') summary.transferHalves++;
    if (row.duplicate?.kind === 'likely') summary.likelyDuplicates++;
    if (hasError(row)) summary.errors++;
    if (isUncategorised(row)) summary.uncategorised++;
    for (const id of row.planned.matchedRuleIds) byRule.set(id, (byRule.get(id) ?? 0) + 1);
  }
}

export function tallySummary(tally: PreviewTally): ImportPreviewJson['summary'] {
  return { ...tally.summary, rules: [...tally.byRule].map(([ruleId, rows]) => ({ ruleId, rows })) };
}
