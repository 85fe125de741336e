import type { ImportPreviewRowJson } from '../../api/types.ts';
import type { Choices } from './choices.ts';

/** How the preview table shows and filters rows. */

/** The server's filters of a preview's rows (`…/imports/previews/{id}/rows?filter=`); rules come after. */
export const ROW_FILTERS = [
  { value: 'all', label: 'All rows' },
  { value: 'duplicates', label: 'Duplicates' },
  { value: 'uncategorised', label: 'Uncategorised' },
  { value: 'problems', label: 'Errors and warnings' },
] as const;

export const SOURCE_WORDS = {
  rule: 'set by a rule',
  file: 'from the file',
  payee: 'the payee’s default',
  suggestion: 'suggested from past transactions',
  user: 'your choice',
} as const;

/** The select's value for a row: a category id, `none`, or `keep` (the file's transfer or split). */
export function categoryValue(row: ImportPreviewRowJson, choices: Choices): string {
  const chosen = choices.categories.get(row.index);
  if (chosen !== undefined) return chosen === null ? 'none' : String(chosen);
  if (row.category) return String(row.category.id);
  if (row.transferAccount || row.split.length > 0) return 'keep';
  return 'none';
}

/**
 * The choice a select value means: undefined when it is what the import decided anyway (so the row
 * keeps its source), else the category id or null for none.
 */
export function choiceOf(row: ImportPreviewRowJson, value: string): number | null | undefined {
  if (value === 'keep') return undefined;
  const planned = row.category
    ? String(row.category.id)
    : row.transferAccount || row.split.length > 0
      ? 'keep'
      : 'none';
  if (value === planned) return undefined;
  return value === 'none' ? null : Number(value);
}

/** 1-based page bounds over `count` rows. */
export function pageOf(count: number, page: number, size: number) {
  const pages = Math.max(1, Math.ceil(count / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { pages, current, start: current * size, end: Math.min(count, (current + 1) * size) };
}
