/**
 * The limit: each query the API answers, written by hand in plain SQL on the same database, run
 * through the driver directly (better-sqlite3 prepared statements, or pg). The bench prints the
 * API's server-side time beside it as a ratio.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

export interface BareDb {
  /** Runs the query once; resolves to the milliseconds it took. */
  time(sql: string, params: readonly unknown[]): Promise<number>;
  close(): Promise<void>;
}

export function bareSqlite(file: string): BareDb {
  const db = new Database(file, { readonly: true });
  return {
    async time(sql, params) {
      const statement = db.prepare(sql);
      const started = performance.now();
      statement.all(...params);
      return performance.now() - started;
    },
    async close() {
      db.close();
    },
  };
}

export async function barePostgres(url: string): Promise<BareDb> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async time(sql, params) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      const started = performance.now();
      await client.query(text, params as unknown[]);
      return performance.now() - started;
    },
    async close() {
      await client.end();
    },
  };
}

/** The bare equivalents, by the name of the figure they stand beside. */
export function bareQueries(
  ids: { bookId: number; accountId: number; categoryId: number },
  range: { from: string; to: string },
) {
  const { bookId, accountId, categoryId } = ids;
  const categoryTotals = `select p.account_id, sum(p.amount) from postings p join accounts a on a.id = p.account_id
    where p.book_id = ? and a.type in ('income', 'expense') and p.date between ? and ? group by p.account_id`;
  return {
    'report: spending': [
      `select p.account_id, sum(p.amount) from postings p join accounts a on a.id = p.account_id
       where p.book_id = ? and a.type = 'expense' and p.date between ? and ? group by p.account_id`,
      [bookId, range.from, range.to],
    ],
    'report: income vs expense (monthly)': [
      `select substr(cast(p.date as text), 1, 7), a.type, sum(p.value) from postings p join accounts a on a.id = p.account_id
       where p.book_id = ? and a.type in ('income', 'expense') and p.date between ? and ? group by 1, 2`,
      [bookId, range.from, range.to],
    ],
    'report: net worth (monthly)': [
      `select p.account_id, substr(cast(p.date as text), 1, 7), sum(p.amount) from postings p join accounts a on a.id = p.account_id
       where p.book_id = ? and a.type in ('asset', 'liability') and p.date <= ? group by 1, 2`,
      [bookId, range.to],
    ],
    'report: cash flow': [categoryTotals, [bookId, range.from, range.to]],
    'report: balance sheet': [
      `select p.account_id, sum(p.amount) from postings p join accounts a on a.id = p.account_id
       where p.book_id = ? and a.type in ('asset', 'liability', 'equity') and p.date <= ? group by p.account_id`,
      [bookId, range.to],
    ],
    'report: income statement': [categoryTotals, [bookId, range.from, range.to]],
    'report: category trend': [
      `select substr(cast(date as text), 1, 7), sum(amount) from postings where account_id = ? and date between ? and ? group by 1`,
      [categoryId, range.from, range.to],
    ],
    'account balance': [
      `select sum(amount) from postings where account_id = ? and date <= ?`,
      [accountId, range.to],
    ],
    'page of 50, filtered': [
      `select t.* from transactions t where t.book_id = ? and t.date between ? and ?
       and exists (select 1 from postings p where p.transaction_id = t.id and p.account_id = ?)
       order by t.date desc, t.id desc limit 50`,
      [bookId, range.from, range.to, accountId],
    ],
    'text search': [
      `select t.* from transactions t where t.book_id = ? and t.search_text like ? order by t.date desc, t.id desc limit 50`,
      [bookId, '%kasol markt%'],
    ],
  } satisfies Record<string, [string, unknown[]]>;
}
