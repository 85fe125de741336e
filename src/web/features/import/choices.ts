import type { ImportCommitJson, ImportPreviewRowJson } from '../../api/types.ts';

/**
 * What the person decided about the preview's rows, beside what the import decided: rows left out,
 * likely duplicates let in, and categories chosen. Mirrors the server's rule of which rows are written.
 */
export interface Choices {
  exclude: ReadonlySet<number>;
  include: ReadonlySet<number>;
  /** null: no category (the row goes to Uncategorised). */
  categories: ReadonlyMap<number, number | null>;
}

export const NO_CHOICES: Choices = { exclude: new Set(), include: new Set(), categories: new Map() };

type Row = Pick<ImportPreviewRowJson, 'index' | 'issues' | 'amount' | 'duplicate'>;

export const hasError = (row: Pick<ImportPreviewRowJson, 'issues' | 'amount'>) =>
  row.amount === null || row.issues.some((issue) => issue.severity === 'error');

/** Whether the commit writes the row: readable, not excluded, not a duplicate unless a likely one let in. */
export function rowWillImport(row: Row, choices: Choices): boolean {
  if (choices.exclude.has(row.index) || hasError(row)) return false;
  if (row.duplicate?.kind === 'exact') return false;
  if (row.duplicate?.kind === 'likely') return choices.include.has(row.index);
  return true;
}

/** Whether the person may tick the row in or out (errors and exact duplicates are never written). */
export const canToggle = (row: Row) => !hasError(row) && row.duplicate?.kind !== 'exact';

const without = <T>(set: ReadonlySet<T>, value: T) => {
  const next = new Set(set);
  next.delete(value);
  return next;
};
const withValue = <T>(set: ReadonlySet<T>, value: T) => new Set(set).add(value);

/** Ticks a row in (`on`) or out; a likely duplicate ticked in is imported anyway. */
export function setImport(choices: Choices, row: Row, on: boolean): Choices {
  if (!canToggle(row)) return choices;
  if (row.duplicate?.kind === 'likely') {
    return {
      ...choices,
      exclude: without(choices.exclude, row.index),
      include: on ? withValue(choices.include, row.index) : without(choices.include, row.index),
    };
  }
  return {
    ...choices,
    exclude: on ? without(choices.exclude, row.index) : withValue(choices.exclude, row.index),
  };
}

/**
 * The category the person chose for a row: an id, null for none, or undefined to go back to what
 * the import decided.
 */
export function setCategory(choices: Choices, index: number, categoryId: number | null | undefined): Choices {
  const categories = new Map(choices.categories);
  if (categoryId === undefined) categories.delete(index);
  else categories.set(index, categoryId);
  return { ...choices, categories };
}

export interface Summary {
  rows: number;
  toImport: number;
  exactDuplicates: number;
  likelyDuplicates: number;
  errors: number;
  excluded: number;
}

export function summarise(rows: readonly Row[], choices: Choices): Summary {
  const summary: Summary = {
    rows: rows.length,
    toImport: 0,
    exactDuplicates: 0,
    likelyDuplicates: 0,
    errors: 0,
    excluded: 0,
  };
  for (const row of rows) {
    if (rowWillImport(row, choices)) summary.toImport++;
    if (row.duplicate?.kind === 'exact') summary.exactDuplicates++;
    if (row.duplicate?.kind === 'likely') summary.likelyDuplicates++;
    if (hasError(row)) summary.errors++;
    else if (choices.exclude.has(row.index) && row.duplicate === null) summary.excluded++;
  }
  return summary;
}

/**
 * The counts with the person's choices for a preview paged from the server: the server's counts over
 * every row, corrected for the rows the person decided about (rows they have seen, in `seen`).
 */
export function summariseWithServer(
  server: Pick<Summary, 'rows' | 'toImport' | 'exactDuplicates' | 'likelyDuplicates' | 'errors'>,
  seen: Iterable<Row>,
  choices: Choices,
): Summary {
  let { toImport } = server;
  let excluded = 0;
  for (const row of seen) {
    const before = rowWillImport(row, NO_CHOICES);
    const now = rowWillImport(row, choices);
    if (before !== now) toImport += now ? 1 : -1;
    if (!hasError(row) && choices.exclude.has(row.index) && row.duplicate === null) excluded++;
  }
  const { rows, exactDuplicates, likelyDuplicates, errors } = server;
  return { rows, toImport, exactDuplicates, likelyDuplicates, errors, excluded };
}

/**
 * The choices as the commit takes them. Rows with errors are always excluded (the server refuses a
 * commit that would write one); categories go only for rows that are written.
 */
export function commitChoices(
  rows: readonly Row[],
  choices: Choices,
): Required<Pick<ImportCommitJson, 'exclude' | 'include' | 'categories'>> {
  const exclude: number[] = [];
  const include: number[] = [];
  const categories: Array<{ index: number; categoryId: number | null }> = [];
  for (const row of rows) {
    if (hasError(row) || choices.exclude.has(row.index)) {
      exclude.push(row.index);
      continue;
    }
    if (row.duplicate?.kind === 'likely' && choices.include.has(row.index)) include.push(row.index);
    const categoryId = choices.categories.get(row.index);
    if (categoryId !== undefined && rowWillImport(row, choices))
      categories.push({ index: row.index, categoryId });
  }
  return { exclude, include, categories };
}

/**
 * Choices kept across a new preview of the same file (another mapping, another account): only for rows
 * whose source line is the same at the same place, so a choice never moves to another row.
 */
export function carryChoices(
  previous: readonly Pick<ImportPreviewRowJson, 'index' | 'raw'>[],
  choices: Choices,
  next: readonly Pick<ImportPreviewRowJson, 'index' | 'raw'>[],
): Choices {
  const same = (index: number) =>
    previous[index]?.raw !== undefined && previous[index]?.raw === next[index]?.raw;
  return {
    exclude: new Set([...choices.exclude].filter(same)),
    include: new Set([...choices.include].filter(same)),
    categories: new Map([...choices.categories].filter(([index]) => same(index))),
  };
}
