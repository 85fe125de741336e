import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isPostgres } from './connect.ts';
import type { Schema } from './schema.ts';

/**
 * Which rows of `envelope_years` to compute: one book (or every book), and within it the given
 * categories over the given calendar years (or all of them).
 */
export interface EnvelopeYearsScope {
  bookId?: number | undefined;
  categoryIds?: readonly number[] | undefined;
  years?: { from: number; to: number } | undefined;
}

/**
 * The envelope year blocks (see `src/core/budget/envelope-years.ts`) computed from scratch: per
 * expense category and calendar year, Σ assigned (moves in and out included), Σ net spending from
 * the monthly roll-ups, and the lowest running sum of (assigned − spent) within the year (≤ 0).
 * A move counts when both its categories are expense categories of one currency, which is what
 * an envelope month counts whatever the book's base currency. One statement on both databases:
 * the migration's backfill, `moneta check` (against the kept rows), its rebuild, and every write
 * (over the categories and years it touched) use it.
 */
export function computedEnvelopeYears(scope: EnvelopeYearsScope): RawBuilder<{
  book_id: number;
  category_id: number;
  year: number;
  assigned: string | number | bigint;
  spent: string | number | bigint;
  low: string | number | bigint;
}> {
  const where = (book: string, category: string, month: string) => {
    const parts = [sql`true`];
    if (scope.bookId !== undefined) parts.push(sql`${sql.ref(book)} = ${scope.bookId}`);
    if (scope.categoryIds !== undefined) {
      parts.push(
        scope.categoryIds.length === 0
          ? sql`false`
          : sql`${sql.ref(category)} in (${sql.join(scope.categoryIds)})`,
      );
    }
    if (scope.years !== undefined) {
      parts.push(sql`${sql.ref(month)} >= ${`${String(scope.years.from).padStart(4, '0')}-01`}`);
      parts.push(sql`${sql.ref(month)} <= ${`${String(scope.years.to).padStart(4, '0')}-12`}`);
    }
    return sql.join(parts, sql` and `);
  };
  const moves = (side: 'from' | 'to', sign: RawBuilder<unknown>) => sql`
    select mv.book_id, mv.${sql.ref(`${side}_category_id`)} as category_id, mv.month,
      ${sign} * mv.amount as assigned, 0 as spent
    from envelope_moves mv
    join accounts f on f.id = mv.from_category_id
    join accounts t on t.id = mv.to_category_id
    where f.type = 'expense' and t.type = 'expense' and f.currency = t.currency
      and ${where('mv.book_id', `mv.${side}_category_id`, 'mv.month')}`;
  return sql`
    with flows as (
      select m.book_id, m.account_id as category_id, m.month, 0 as assigned, m.amount as spent
      from account_months m join accounts a on a.id = m.account_id
      where a.type = 'expense' and ${where('m.book_id', 'm.account_id', 'm.month')}
      union all
      select e.book_id, e.category_id, e.month, e.amount as assigned, 0 as spent
      from envelope_assignments e
      where ${where('e.book_id', 'e.category_id', 'e.month')}
      union all ${moves('from', sql`-1`)}
      union all ${moves('to', sql`1`)}
    ),
    monthly as (
      select book_id, category_id, month, sum(assigned) as assigned, sum(spent) as spent
      from flows group by book_id, category_id, month
    ),
    running as (
      select book_id, category_id, cast(substr(month, 1, 4) as integer) as year, assigned, spent,
        sum(assigned - spent) over (
          partition by category_id, substr(month, 1, 4) order by month rows unbounded preceding
        ) as run
      from monthly
    )
    select book_id, category_id, year, sum(assigned) as assigned, sum(spent) as spent,
      min(case when run < 0 then run else 0 end) as low
    from running group by book_id, category_id, year`;
}

/**
 * Replaces the kept rows in `scope` by what `computedEnvelopeYears` gives: a write's own
 * transaction calls it for the categories and years it touched; a rebuild for a whole book.
 */
export async function refreshEnvelopeYears(db: Kysely<Schema>, scope: EnvelopeYearsScope): Promise<void> {
  if (scope.categoryIds !== undefined && scope.categoryIds.length === 0) return;
  if (isPostgres(db) && (scope.bookId !== undefined || scope.categoryIds !== undefined)) {
    // Writers that touch one category take turns on its account row (in id order; the lock a
    // balance's UPDATE takes, which the foreign keys' KEY SHARE of an assignment or a move does not
    // block), so that each computes its years after the one before it committed: under READ
    // COMMITTED a later statement sees that, and neither loses the other's change.
    let lock = db
      .selectFrom('accounts')
      .select('id')
      .where('type', '=', 'expense')
      .orderBy('id')
      .forNoKeyUpdate();
    if (scope.bookId !== undefined) lock = lock.where('book_id', '=', scope.bookId);
    if (scope.categoryIds !== undefined) lock = lock.where('id', 'in', scope.categoryIds);
    await lock.execute();
  }
  let clear = db.deleteFrom('envelope_years');
  if (scope.bookId !== undefined) clear = clear.where('book_id', '=', scope.bookId);
  if (scope.categoryIds !== undefined) clear = clear.where('category_id', 'in', scope.categoryIds);
  if (scope.years !== undefined) {
    clear = clear.where('year', '>=', scope.years.from).where('year', '<=', scope.years.to);
  }
  await clear.execute();
  await sql`insert into envelope_years (book_id, category_id, year, assigned, spent, low)
    select book_id, category_id, year, assigned, spent, low from (${computedEnvelopeYears(scope)}) computed`.execute(
    db,
  );
}
