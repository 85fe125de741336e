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
  /**
   * A page of the text search as the API runs it, by hand: on SQLite the trigram index's ids
   * (up to 2,000), then the page among them (or the newest-first scan when more match); on
   * PostgreSQL one `LIKE`, which pg_trgm's index serves.
   */
  timeSearch(bookId: number, folded: string): Promise<number>;
  close(): Promise<void>;
}

const PAGE = 'order by t.date desc, t.id desc limit 50';
const LIKE_PAGE = `select t.* from transactions t where t.book_id = ? and t.search_text like ? ${PAGE}`;

export function bareSqlite(file: string): BareDb {
  const db = new Database(file, { readonly: true });
  return {
    async time(sql, params) {
      const statement = db.prepare(sql);
      const started = performance.now();
      statement.all(...params);
      return performance.now() - started;
    },
    async timeSearch(bookId, folded) {
      const lookup = db.prepare(
        'select rowid from transactions_search where transactions_search match ? limit 2001',
      );
      const started = performance.now();
      const ids = lookup.pluck().all(`"${folded}"`) as number[];
      if (ids.length > 2000) db.prepare(LIKE_PAGE).all(bookId, `%${folded}%`);
      else if (ids.length > 0) {
        db.prepare(
          `select t.* from transactions t where t.book_id = ? and t.id in (${ids.map(() => '?').join(',')}) ${PAGE}`,
        ).all(bookId, ...ids);
      }
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
    async timeSearch(bookId, folded) {
      const started = performance.now();
      await client.query(LIKE_PAGE.replace('?', '$1').replace('?', '$2'), [bookId, `%${folded}%`]);
      return performance.now() - started;
    },
    async close() {
      await client.end();
    },
  };
}

type Query = [sql: string, params: unknown[]];

/**
 * The bare equivalents, by the name of the figure they stand beside: `same` is the query the API
 * runs, written by hand (for reports and balances: the monthly roll-ups, as the bench's ranges are
 * whole months), and `postings`, where the API reads roll-ups, what the same answer costs summed
 * from the postings alone: what the roll-ups save.
 */
export function bareQueries(
  ids: { bookId: number; accountId: number; categoryId: number },
  range: { from: string; to: string },
  page: { from: string; to: string },
): Record<string, { same: Query; postings?: Query } | { search: string; postings: Query }> {
  const { bookId, accountId, categoryId } = ids;
  const months = [range.from.slice(0, 7), range.to.slice(0, 7)];
  const rollUps = (
    select: string,
    types: string,
    where: string,
    groupBy: string,
    params: unknown[],
  ): Query => [
    `select ${select} from accounts a join account_months m on m.account_id = a.id
     where a.book_id = ? and a.type in (${types}) and ${where} group by ${groupBy}`,
    [bookId, ...params],
  ];
  const summed = (
    select: string,
    types: string,
    where: string,
    groupBy: string,
    params: unknown[],
  ): Query => [
    `select ${select} from postings p join accounts a on a.id = p.account_id
     where p.book_id = ? and a.type in (${types}) and ${where} group by ${groupBy}`,
    [bookId, ...params],
  ];
  const categoryTotals = {
    same: rollUps(
      'm.account_id, sum(m.amount)',
      `'income', 'expense'`,
      'm.month between ? and ?',
      'm.account_id',
      months,
    ),
    postings: summed(
      'p.account_id, sum(p.amount)',
      `'income', 'expense'`,
      'p.date between ? and ?',
      'p.account_id',
      [range.from, range.to],
    ),
  };
  return {
    'report: spending': {
      same: rollUps(
        'm.account_id, sum(m.amount)',
        `'expense'`,
        'm.month between ? and ?',
        'm.account_id',
        months,
      ),
      postings: summed('p.account_id, sum(p.amount)', `'expense'`, 'p.date between ? and ?', 'p.account_id', [
        range.from,
        range.to,
      ]),
    },
    'report: income vs expense (monthly)': {
      same: rollUps(
        'm.month, a.type, sum(m.amount)',
        `'income', 'expense'`,
        'm.month between ? and ?',
        '1, 2',
        months,
      ),
      postings: summed(
        'substr(cast(p.date as text), 1, 7), a.type, sum(p.amount)',
        `'income', 'expense'`,
        'p.date between ? and ?',
        '1, 2',
        [range.from, range.to],
      ),
    },
    'report: net worth (monthly)': {
      same: rollUps('m.account_id, m.month, sum(m.amount)', `'asset', 'liability'`, 'm.month <= ?', '1, 2', [
        months[1],
      ]),
      postings: summed(
        'p.account_id, substr(cast(p.date as text), 1, 7), sum(p.amount)',
        `'asset', 'liability'`,
        'p.date <= ?',
        '1, 2',
        [range.to],
      ),
    },
    'report: cash flow': categoryTotals,
    'report: balance sheet': {
      same: rollUps('m.account_id, sum(m.amount)', `'asset', 'liability', 'equity'`, 'm.month <= ?', '1', [
        months[1],
      ]),
      postings: summed('p.account_id, sum(p.amount)', `'asset', 'liability', 'equity'`, 'p.date <= ?', '1', [
        range.to,
      ]),
    },
    'report: income statement': categoryTotals,
    'report: category trend': {
      same: [
        'select month, amount from account_months where account_id = ? and month between ? and ?',
        [categoryId, ...months],
      ],
      postings: [
        `select substr(cast(date as text), 1, 7), sum(amount) from postings where account_id = ? and date between ? and ? group by 1`,
        [categoryId, range.from, range.to],
      ],
    },
    'account balance': {
      same: [
        'select sum(amount) from account_months where account_id = ? and month <= ?',
        [accountId, months[1]],
      ],
      postings: [
        'select sum(amount) from postings where account_id = ? and date <= ?',
        [accountId, range.to],
      ],
    },
    'page of 50, filtered': {
      same: [
        `select t.* from transactions t where t.book_id = ? and t.date between ? and ?
         and exists (select 1 from postings p where p.transaction_id = t.id and p.account_id = ?)
         order by t.date desc, t.id desc limit 50`,
        [bookId, page.from, page.to, accountId],
      ],
    },
    'text search': { search: 'kasol markt', postings: [LIKE_PAGE, [bookId, '%kasol markt%']] },
    'text search, no match': { search: 'xyzzyq', postings: [LIKE_PAGE, [bookId, '%xyzzyq%']] },
  };
}
