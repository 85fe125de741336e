/**
 * The limit: each query the API answers, written by hand in plain SQL on the same database, run
 * through the driver directly (better-sqlite3 prepared statements, or pg). The bench prints the
 * API's server-side time beside it as a ratio.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

export interface BareDb {
  /** Runs the statements one after the other; resolves to the milliseconds they took together. */
  timeAll(statements: readonly (readonly [string, readonly unknown[]])[]): Promise<number>;
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
    async timeAll(statements) {
      const prepared = statements.map(([sql, params]) => [db.prepare(sql), params] as const);
      const started = performance.now();
      for (const [statement, params] of prepared) statement.all(...params);
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
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    async timeAll(statements) {
      const started = performance.now();
      for (const [sql, params] of statements) await client.query(numbered(sql), params as unknown[]);
      return performance.now() - started;
    },
    async timeSearch(bookId, folded) {
      const started = performance.now();
      await client.query(numbered(LIKE_PAGE), [bookId, `%${folded}%`]);
      return performance.now() - started;
    },
    async close() {
      await client.end();
    },
  };
}

type Query = [sql: string, params: unknown[]];

/**
 * The bare equivalents, by the name of the figure they stand beside. `same` is the work the API
 * does, written by hand: every statement it runs, in order (for reports and balances the monthly
 * roll-ups, as the bench's ranges are whole months, plus the account names and kinds it reads).
 * `postings`, where the API reads roll-ups or the text index, is the answer without them: summed
 * from the postings, or a `LIKE` scan: what they save.
 */
export function bareQueries(
  ids: { bookId: number; accountId: number; categoryId: number },
  range: { from: string; to: string },
  page: { from: string; to: string },
): Record<string, { same: Query[]; postings?: Query } | { search: string; postings: Query }> {
  const { bookId, accountId, categoryId } = ids;
  const [first, last] = [range.from.slice(0, 7), range.to.slice(0, 7)];
  const sums = (keys: string, types: string, where: string, params: unknown[]): Query => [
    `select ${keys}, sum(m.amount) from accounts a join account_months m on m.account_id = a.id
     where a.book_id = ? and a.type in (${types}) and ${where} group by ${keys}`,
    [bookId, ...params],
  ];
  const summed = (keys: string, types: string, where: string, params: unknown[]): Query => [
    `select ${keys}, sum(p.amount) from postings p join accounts a on a.id = p.account_id
     where p.book_id = ? and a.type in (${types}) and ${where} group by ${keys}`,
    [bookId, ...params],
  ];
  const names: Query = [
    `select a.id, a.name, a.type, a.currency, a.archived, a.group_id, g.name, g.position
     from accounts a left join category_groups g on g.id = a.group_id where a.book_id = ? and a.type in ('income', 'expense')`,
    [bookId],
  ];
  const accounts = (types: string): Query => [
    `select id, name, type, currency, archived from accounts where book_id = ? and type in (${types}) order by type, name, id`,
    [bookId],
  ];
  const inRange = 'm.month between ? and ?';
  const categoryTotals = {
    same: [sums('a.type, a.currency, a.id', `'income', 'expense'`, inRange, [first, last]), names],
    postings: summed('p.account_id', `'income', 'expense'`, 'p.date between ? and ?', [range.from, range.to]),
  };
  const likePage = (text: string): Query => [LIKE_PAGE, [bookId, `%${text}%`]];
  return {
    'report: spending': {
      same: [sums('a.type, a.currency, a.id', `'expense'`, inRange, [first, last]), names],
      postings: summed('p.account_id', `'expense'`, 'p.date between ? and ?', [range.from, range.to]),
    },
    'report: income vs expense (monthly)': {
      same: [sums('a.type, a.currency, m.month', `'income', 'expense'`, inRange, [first, last])],
      postings: summed(
        'a.type, a.currency, substr(cast(p.date as text), 1, 7)',
        `'income', 'expense'`,
        'p.date between ? and ?',
        [range.from, range.to],
      ),
    },
    'report: net worth (monthly)': {
      same: [
        accounts(`'asset', 'liability'`),
        sums('a.type, a.currency, a.id', `'asset', 'liability'`, 'm.month < ?', [first]),
        sums('a.type, a.currency, a.id, m.month', `'asset', 'liability'`, inRange, [first, last]),
      ],
      postings: summed(
        'p.account_id, substr(cast(p.date as text), 1, 7)',
        `'asset', 'liability'`,
        'p.date <= ?',
        [range.to],
      ),
    },
    'report: cash flow': categoryTotals,
    'report: balance sheet': {
      same: [
        accounts(`'asset', 'liability', 'equity'`),
        sums('a.type, a.currency, a.id', `'asset', 'liability', 'equity'`, 'm.month <= ?', [last]),
        sums('a.type, a.currency', `'income', 'expense'`, 'm.month <= ?', [last]),
      ],
      postings: summed('p.account_id', `'asset', 'liability', 'equity'`, 'p.date <= ?', [range.to]),
    },
    'report: income statement': categoryTotals,
    'report: category trend': {
      same: [
        [
          'select id, name, type, currency, archived from accounts where book_id = ? and id = ?',
          [bookId, categoryId],
        ],
        [
          'select m.month, sum(m.amount) from accounts a join account_months m on m.account_id = a.id where a.book_id = ? and a.id = ? and m.month between ? and ? group by m.month',
          [bookId, categoryId, first, last],
        ],
      ],
      postings: [
        `select substr(cast(date as text), 1, 7), sum(amount) from postings where account_id = ? and date between ? and ? group by 1`,
        [categoryId, range.from, range.to],
      ],
    },
    'account balance': {
      same: [
        ['select id, currency from accounts where book_id = ? and id = ?', [bookId, accountId]],
        [
          'select sum(m.amount) from accounts a join account_months m on m.account_id = a.id where a.book_id = ? and a.id = ? and m.month <= ?',
          [bookId, accountId, last],
        ],
      ],
      postings: [
        'select sum(amount) from postings where account_id = ? and date <= ?',
        [accountId, range.to],
      ],
    },
    'page of 50, filtered': {
      same: [
        [
          `select t.* from transactions t where t.book_id = ? and t.date between ? and ?
           and exists (select 1 from postings p where p.transaction_id = t.id and p.account_id = ?) ${PAGE}`,
          [bookId, page.from, page.to, accountId],
        ],
      ],
    },
    'text search': { search: 'kasol markt', postings: likePage('kasol markt') },
    'text search, no match': { search: 'xyzzyq', postings: likePage('xyzzyq') },
  };
}
