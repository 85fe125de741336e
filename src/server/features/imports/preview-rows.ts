import type { PreparedRow } from './prepare.ts';
import { hasError, isUncategorised } from './preview-json.ts';

/** Rows of a preview per page, unless asked otherwise; the preview itself answers the first page. */
export const PREVIEW_PAGE_SIZE = 100;

/** Which rows a page shows: `all`, `duplicates`, `uncategorised`, `errors`, `problems` or `rule:<id>`. */
export function rowFilter(filter: string | undefined): (row: PreparedRow) => boolean {
  if (filter === undefined || filter === 'all') return () => true;
  if (filter === 'duplicates') return (row) => row.duplicate !== null;
  if (filter === 'uncategorised') return isUncategorised;
  if (filter === 'errors') return hasError;
  if (filter === 'problems') return (row) => row.planned.issues.length > 0;
  const ruleId = Number(filter.slice('rule:'.length));
  return (row) => row.planned.matchedRuleIds.includes(ruleId);
}

/**
 * A page of the rows `filter` keeps, from row index `cursor` on (rows are in file order, so the
 * cursor is the index after the previous page's last row), and where the next page starts.
 */
export function pageOfRows(
  rows: readonly PreparedRow[],
  filter: string | undefined,
  cursor: string | undefined,
  limit: number = PREVIEW_PAGE_SIZE,
): { rows: PreparedRow[]; nextCursor: string | null } {
  const keep = rowFilter(filter);
  const page: PreparedRow[] = [];
  for (let index = cursor === undefined ? 0 : Number(cursor); index < rows.length; index++) {
    const row = rows[index]!;
    if (!keep(row)) continue;
    if (page.length === limit) return { rows: page, nextCursor: String(index) };
    page.push(row);
  }
  return { rows: page, nextCursor: null };
}
