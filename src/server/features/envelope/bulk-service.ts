import type { MoneyJson } from '../../../contract/common.ts';
import { type FillStrategy, fillMonth, shiftBudgetMonth } from '../../../core/budget/envelope-fill.ts';
import { type ErrorCode, type FieldError, fail } from '../../../core/errors.ts';
import { currency } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { fromMoneyJson, moneyJson } from '../../money-json.ts';
import type { BookScope } from '../../types.ts';
import { type AssignmentRow, categoryFacts, upsertAssignments } from './bulk-queries.ts';
import { assignmentsBetween, envelopeCategories, getSettings, monthlySpending } from './queries.ts';

/** The most field errors one refusal lists: enough to fix a batch, not a wall of text. */
const MAX_FIELD_ERRORS = 20;

const cellKey = (month: string, categoryId: number) => `${month}/${categoryId}`;

/** Refuses with every error found (the first's code on top), or returns. */
function refuseIfAny(errors: FieldError[], summary: string) {
  const first = errors[0];
  if (first) fail(first.code, `${summary}: ${first.message}`, errors.slice(0, MAX_FIELD_ERRORS));
}

const fieldError = (field: string, code: ErrorCode, message: string): FieldError => ({
  field,
  code,
  message,
});

/** The cells as exact money in the base currency, each month/category pair once. */
function readCells(
  scope: BookScope,
  cells: readonly { month: string; categoryId: number; amount: MoneyJson }[],
) {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const rows: AssignmentRow[] = cells.map((cell, i) => {
    const amount = fromMoneyJson(cell.amount, `/cells/${i}/amount`);
    if (amount.currency !== scope.baseCurrency) {
      const message = `Envelopes hold the book's base currency, ${scope.baseCurrency}.`;
      errors.push(fieldError(`/cells/${i}/amount/currency`, 'CURRENCY_MISMATCH', message));
    }
    const key = cellKey(cell.month, cell.categoryId);
    const before = seen.get(key);
    if (before !== undefined) {
      const message = `Cell ${i} repeats cell ${before} (${cell.month}, category ${cell.categoryId}).`;
      errors.push(fieldError(`/cells/${i}`, 'VALIDATION_FAILED', message));
    } else seen.set(key, i);
    return { month: cell.month, categoryId: cell.categoryId, amount: amount.minor };
  });
  refuseIfAny(errors, 'The cells were not written');
  return rows;
}

/** Every id must be an expense category of the book in its base currency; `fieldOf(i)` names the i-th. */
async function requireEnvelopeCategories(
  db: Db,
  scope: BookScope,
  ids: readonly number[],
  fieldOf: (index: number) => string,
) {
  const facts = new Map((await categoryFacts(db, scope.bookId, [...new Set(ids)])).map((f) => [f.id, f]));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const row = facts.get(id);
    if (!row)
      errors.push(fieldError(fieldOf(i), 'UNKNOWN_ACCOUNT', `There is no category ${id} in this book.`));
    else if (row.type !== 'expense')
      errors.push(
        fieldError(fieldOf(i), 'INVALID_ACCOUNT_KIND', `Only expense categories hold envelopes (${id}).`),
      );
    else if (row.currency !== scope.baseCurrency) {
      const message = `Category ${id} is in ${row.currency}; envelopes hold the book's base currency, ${scope.baseCurrency}.`;
      errors.push(fieldError(fieldOf(i), 'CURRENCY_MISMATCH', message));
    }
  });
  refuseIfAny(errors, 'Not an envelope category');
}

/** Months before the budget's start month are refused, as the single-cell write refuses them. */
async function requireFromStart(
  db: Db,
  bookId: number,
  months: readonly string[],
  fieldOf: (i: number) => string,
) {
  const settings = await getSettings(db, bookId);
  if (!settings) return;
  const message = `The envelope budget starts in ${settings.started_month}.`;
  const errors = months.flatMap((month, i) =>
    month < settings.started_month ? [fieldError(fieldOf(i), 'INVALID_DATE', message)] : [],
  );
  refuseIfAny(errors, 'Before the start month');
}

/**
 * Writes the cells (checked already) and answers what they hold now and held before, so that
 * sending `previous` back as the cells undoes the write in one request.
 */
async function writeCells(trx: Db, scope: BookScope, cells: AssignmentRow[], now: string) {
  const months = [...new Set(cells.map((cell) => cell.month))].sort();
  const before = new Map(
    (await assignmentsBetween(trx, scope.bookId, months[0]!, months.at(-1)!)).map((row) => [
      cellKey(row.month, row.categoryId),
      row.amount,
    ]),
  );
  await upsertAssignments(trx, scope.bookId, cells, now);
  const json = (cell: AssignmentRow, amount: bigint) => ({
    month: cell.month,
    categoryId: cell.categoryId,
    amount: moneyJson(amount, scope.baseCurrency),
  });
  return {
    written: cells.length,
    months,
    cells: cells.map((cell) => json(cell, cell.amount)),
    previous: cells.map((cell) => json(cell, before.get(cellKey(cell.month, cell.categoryId)) ?? 0n)),
  };
}

/** PUT /envelope/assignments: many cells, one transaction, all or nothing. */
export async function setAssignments(
  db: Db,
  scope: BookScope,
  input: { cells: { month: string; categoryId: number; amount: MoneyJson }[] },
  now: string,
) {
  const cells = readCells(scope, input.cells);
  return inTransaction(db, async (trx) => {
    await requireEnvelopeCategories(
      trx,
      scope,
      cells.map((cell) => cell.categoryId),
      (i) => `/cells/${i}/categoryId`,
    );
    await requireFromStart(
      trx,
      scope.bookId,
      cells.map((cell) => cell.month),
      (i) => `/cells/${i}/month`,
    );
    return writeCells(trx, scope, cells, now);
  });
}

/**
 * POST /envelope/months/{month}/fill: one helper over the month's categories, written as one bulk
 * write. `targets` leaves out the categories without a target (nothing written for them).
 */
export async function fillEnvelopeMonth(
  db: Db,
  scope: BookScope,
  month: string,
  input: { strategy: FillStrategy; categoryIds?: number[] | undefined },
  now: string,
) {
  return inTransaction(db, async (trx) => {
    await requireFromStart(trx, scope.bookId, [month], () => 'path:month');
    const code = currency(scope.baseCurrency);
    let ids: number[];
    if (input.categoryIds) {
      ids = input.categoryIds;
      await requireEnvelopeCategories(trx, scope, ids, (i) => `/categoryIds/${i}`);
    } else {
      ids = (await envelopeCategories(trx, scope.bookId, code)).filter((c) => !c.archived).map((c) => c.id);
    }
    const nothing = { written: 0, months: [], cells: [], previous: [] };
    if (ids.length === 0) return nothing;
    const [first, second, last] = [-3, -2, -1].map((by) => shiftBudgetMonth(month, by)) as [
      string,
      string,
      string,
    ];
    // Whole calendar months: the monthly roll-ups hold their spending; no posting is read.
    const spent = new Map<string, bigint>();
    for (const row of await monthlySpending(trx, scope.bookId, ids, { from: first, to: last })) {
      spent.set(cellKey(row.month, row.categoryId), row.total);
    }
    const lastAssigned = new Map(
      (await assignmentsBetween(trx, scope.bookId, last, last)).map((row) => [row.categoryId, row.amount]),
    );
    const targets = new Map(
      (await categoryFacts(trx, scope.bookId, ids)).map((facts) => [facts.id, facts.target]),
    );
    const filled = fillMonth(input.strategy, ids, (id) => ({
      lastAssigned: lastAssigned.get(id) ?? 0n,
      spent: [first, second, last].map((m) => spent.get(cellKey(m, id)) ?? 0n) as [bigint, bigint, bigint],
      target: targets.get(id) ?? null,
    }));
    if (filled.length === 0) return nothing;
    return writeCells(
      trx,
      scope,
      filled.map((cell) => ({ month, ...cell })),
      now,
    );
  });
}
