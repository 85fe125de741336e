import type { MoneyJson } from '../../../contract/common.ts';
import { shiftBudgetMonth } from '../../../core/budget/envelope-fill.ts';
import { type EnvelopeMonth, envelopeMonth } from '../../../core/budget/index.ts';
import { fail } from '../../../core/errors.ts';
import { type CurrencyCode, currency, type Money } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { fromFlag, toFlag } from '../../../db/values.ts';
import { fromMoneyJson, moneyJson, toMoneyJson } from '../../money-json.ts';
import type { BookScope } from '../../types.ts';
import { getAccountRow } from '../accounts/queries.ts';
import { monthIndex, readMonthSums, readOpening } from './month-sums.ts';
import { envelopeAccounts, firstActiveMonth, getSettings, type MoveRow, startingBalance } from './queries.ts';
import { touchEnvelopeYears } from './years.ts';

/** How far a month may lie from the budget's start: a hundred years of months. */
const MAX_MONTHS = 1200;

function invalidMonth(message: string): never {
  fail('INVALID_DATE', message, [{ field: 'path:month', code: 'INVALID_DATE', message }]);
}

export function settingsJson(row: { enabled: number; started_month: string } | undefined) {
  return { enabled: row ? toFlag(row.enabled) : false, startMonth: row?.started_month ?? null };
}

export async function readSettings(db: Db, bookId: number) {
  return settingsJson(await getSettings(db, bookId));
}

export async function saveSettings(
  db: Db,
  scope: BookScope,
  input: { enabled: boolean; startMonth?: string | undefined },
  now: string,
) {
  return inTransaction(db, async (trx) => {
    const existing = await getSettings(trx, scope.bookId);
    const startMonth =
      input.startMonth ??
      existing?.started_month ??
      (await firstActiveMonth(trx, scope.bookId)) ??
      now.slice(0, 7);
    const values = { enabled: fromFlag(input.enabled), started_month: startMonth, updated_at: now };
    await trx
      .insertInto('envelope_settings')
      .values({ book_id: scope.bookId, ...values })
      .onConflict((conflict) => conflict.column('book_id').doUpdateSet(values))
      .execute();
    return settingsJson(values);
  });
}

/** An expense category of this book in its base currency: the only kind an envelope holds. */
async function requireEnvelopeCategory(db: Db, scope: BookScope, id: number, field: string) {
  const row = await getAccountRow(db, scope.bookId, id);
  const refuse = (code: 'UNKNOWN_ACCOUNT' | 'INVALID_ACCOUNT_KIND' | 'CURRENCY_MISMATCH', message: string) =>
    fail(code, message, [{ field, code, message }]);
  if (!row) return refuse('UNKNOWN_ACCOUNT', `There is no category ${id} in this book.`);
  if (row.type !== 'expense')
    return refuse('INVALID_ACCOUNT_KIND', 'Only expense categories hold envelopes.');
  if (row.currency !== scope.baseCurrency) {
    return refuse(
      'CURRENCY_MISMATCH',
      `The category is in ${row.currency}; envelopes hold the book's base currency, ${scope.baseCurrency}.`,
    );
  }
  return row;
}

/** Base-currency money from the API, at `field`. */
function baseMoney(scope: BookScope, json: MoneyJson, field: string): Money {
  const value = fromMoneyJson(json, field);
  if (value.currency !== scope.baseCurrency) {
    const message = `Envelopes hold the book's base currency, ${scope.baseCurrency}.`;
    fail('CURRENCY_MISMATCH', message, [{ field: `${field}/currency`, code: 'CURRENCY_MISMATCH', message }]);
  }
  return value;
}

async function checkNotBeforeStart(db: Db, bookId: number, month: string) {
  const settings = await getSettings(db, bookId);
  if (settings && month < settings.started_month) {
    invalidMonth(`The envelope budget starts in ${settings.started_month}.`);
  }
}

export async function setAssignment(
  db: Db,
  scope: BookScope,
  month: string,
  categoryId: number,
  json: MoneyJson,
  now: string,
) {
  const amount = baseMoney(scope, json, '/amount');
  return inTransaction(db, async (trx) => {
    await requireEnvelopeCategory(trx, scope, categoryId, 'path:categoryId');
    await checkNotBeforeStart(trx, scope.bookId, month);
    const key = { book_id: scope.bookId, month, category_id: categoryId };
    if (amount.minor === 0n) {
      await trx
        .deleteFrom('envelope_assignments')
        .where('book_id', '=', scope.bookId)
        .where('month', '=', month)
        .where('category_id', '=', categoryId)
        .execute();
    } else {
      const values = { amount: amount.minor, updated_at: now };
      await trx
        .insertInto('envelope_assignments')
        .values({ ...key, ...values })
        .onConflict((conflict) => conflict.columns(['book_id', 'month', 'category_id']).doUpdateSet(values))
        .execute();
    }
    await touchEnvelopeYears(trx, scope.bookId, [{ categoryId, month }]);
    return { month, categoryId, amount: toMoneyJson(amount) };
  });
}

export function moveJson(row: MoveRow, code: string) {
  return { ...row, amount: moneyJson(row.amount, code) };
}

export async function addMove(
  db: Db,
  scope: BookScope,
  month: string,
  input: { from: number; to: number; amount: MoneyJson },
  now: string,
) {
  const amount = baseMoney(scope, input.amount, '/amount');
  if (amount.minor <= 0n) {
    const message = 'A move moves a positive amount.';
    fail('INVALID_AMOUNT', message, [{ field: '/amount/amount', code: 'INVALID_AMOUNT', message }]);
  }
  if (input.from === input.to) {
    const message = 'A move needs two different categories.';
    fail('VALIDATION_FAILED', message, [{ field: '/to', code: 'VALIDATION_FAILED', message }]);
  }
  return inTransaction(db, async (trx) => {
    await requireEnvelopeCategory(trx, scope, input.from, '/from');
    await requireEnvelopeCategory(trx, scope, input.to, '/to');
    await checkNotBeforeStart(trx, scope.bookId, month);
    const row = await trx
      .insertInto('envelope_moves')
      .values({
        book_id: scope.bookId,
        month,
        from_category_id: input.from,
        to_category_id: input.to,
        amount: amount.minor,
        created_by: scope.userId,
        created_at: now,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await touchEnvelopeYears(trx, scope.bookId, [
      { categoryId: input.from, month },
      { categoryId: input.to, month },
    ]);
    const move = { id: row.id, month, from: input.from, to: input.to, amount: amount.minor };
    return moveJson({ ...move, createdAt: row.created_at }, scope.baseCurrency);
  });
}

export async function deleteMove(db: Db, scope: BookScope, id: number) {
  await inTransaction(db, async (trx) => {
    const move = await trx
      .deleteFrom('envelope_moves')
      .where('book_id', '=', scope.bookId)
      .where('id', '=', id)
      .returning(['month', 'from_category_id', 'to_category_id'])
      .executeTakeFirst();
    if (!move) fail('NOT_FOUND', `There is no move ${id} in this book.`);
    await touchEnvelopeYears(trx, scope.bookId, [
      { categoryId: move.from_category_id, month: move.month },
      { categoryId: move.to_category_id, month: move.month },
    ]);
  });
}

/**
 * The month as the core computes it from the budget's start month: every calendar year before the
 * one of the month before it from the kept envelope years (one opening month), and the months
 * after that from the monthly roll-ups, assignments and moves; no posting is read. The on-budget
 * accounts' balance before the start (from the roll-ups too) is the start month's money to assign.
 * Only the asked month is built as objects; the months before it are bare sums.
 */
export async function readMonth(db: Db, scope: BookScope, month: string) {
  return inTransaction(db, async (trx) => {
    const settings = await getSettings(trx, scope.bookId);
    const start = settings?.started_month ?? (await firstActiveMonth(trx, scope.bookId)) ?? month;
    if (month < start) invalidMonth(`The envelope budget starts in ${start}.`);
    const count = monthIndex(month) - monthIndex(start) + 1;
    if (count > MAX_MONTHS) invalidMonth(`A month at most ${MAX_MONTHS} months after ${start}.`);
    const code = currency(scope.baseCurrency);
    const { categories, incomeIds, onBudgetIds } = await envelopeAccounts(trx, scope.bookId, code);
    const book = {
      bookId: scope.bookId,
      currency: code,
      known: new Set(categories.map((c) => c.id)),
      incomeIds,
    };
    // The opening's own month splits its TBB otherwise: walk at least the month before the asked one.
    const walkFrom = `${shiftBudgetMonth(month, -1).slice(0, 4)}-01`;
    const opened = walkFrom > start;
    const before = shiftBudgetMonth(walkFrom, -1);
    const [starting, walk, opening] = await Promise.all([
      startingBalance(trx, onBudgetIds, start),
      readMonthSums(trx, book, opened ? walkFrom : start, month),
      opened ? readOpening(trx, book, { start, before }) : undefined,
    ]);
    const [first, ...rest] = walk.months;
    const result = envelopeMonth(
      code,
      categories.map(({ id }) => id),
      opening
        ? [{ ...opening, income: opening.income + starting }, ...walk.months]
        : [{ ...first!, startingBalance: starting }, ...rest],
    );
    return monthJson(result, month, start, code, categories, walk.moves);
  });
}

function monthJson(
  result: EnvelopeMonth,
  month: string,
  start: string,
  code: CurrencyCode,
  categories: { id: number; name: string; archived: boolean }[],
  moves: MoveRow[],
) {
  const names = new Map(categories.map((c) => [c.id, c]));
  const isZero = (value: Money) => value.minor === 0n;
  return {
    month,
    startMonth: start,
    startingBalance: toMoneyJson(result.startingBalance),
    income: toMoneyJson(result.income),
    carriedTbb: toMoneyJson(result.carriedTbb),
    overspendingFromLastMonth: toMoneyJson(result.overspendingFromLastMonth),
    assigned: toMoneyJson(result.assigned),
    tbb: toMoneyJson(result.tbb),
    overAssigned: result.overAssigned,
    rolledIntoNextTbb: toMoneyJson(result.rolledIntoNextTbb),
    categories: result.categories
      .filter((c) => {
        const quiet = [c.carriedIn, c.assigned, c.spent, c.balance].every(isZero);
        return !(names.get(c.categoryId as number)?.archived && quiet);
      })
      .map((c) => ({
        categoryId: c.categoryId as number,
        name: names.get(c.categoryId as number)?.name ?? '',
        carriedIn: toMoneyJson(c.carriedIn),
        assigned: toMoneyJson(c.assigned),
        spent: toMoneyJson(c.spent),
        balance: toMoneyJson(c.balance),
        overspent: toMoneyJson(c.overspent),
      })),
    moves: moves.filter((move) => move.month === month).map((move) => moveJson(move, code)),
  };
}
