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

/** A page being filled from rows offered in file order; `offer` says true once it is full. */
export interface PageCollector {
  /** Where the page starts: rows before this index are not offered, or are passed over. */
  readonly from: number;
  offer(row: PreparedRow): boolean;
  page(): { rows: PreparedRow[]; nextCursor: string | null };
}

/**
 * A page of the rows `filter` keeps, from row index `cursor` on (rows are in file order, so the
 * cursor is the index after the previous page's last row), and where the next page starts.
 */
export function pageCollector(
  filter: string | undefined,
  cursor: string | undefined,
  limit: number = PREVIEW_PAGE_SIZE,
): PageCollector {
  const keep = rowFilter(filter);
  const from = cursor === undefined ? 0 : Number(cursor);
  const rows: PreparedRow[] = [];
  let nextCursor: string | null = null;
  return {
    from,
    offer(row) {
      if (nextCursor !== null) return true;
      if (row.index < from || !keep(row)) return false;
      if (rows.length === limit) {
        nextCursor = String(row.index);
        return true;
      }
      rows.push(row);
      return false;
    },
    page: () => ({ rows, nextCursor }),
  };
}

/** `pageCollector` over rows all in memory. */
export function pageOfRows(
  rows: readonly PreparedRow[],
  filter: string | undefined,
  cursor: string | undefined,
  limit: number = PREVIEW_PAGE_SIZE,
): { rows: PreparedRow[]; nextCursor: string | null } {
  const collector = pageCollector(filter, cursor, limit);
  for (let index = collector.from; index < rows.length; index++) {
    if (collector.offer(rows[index]!)) break;
  }
  return collector.page();
}
