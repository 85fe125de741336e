/**
 * Envelope figures: one month at the end of twenty years of budget and at its start, and an edit
 * of a transaction in the first year followed by the current month (what a user sees after fixing
 * an old mistake). The reference book's envelope budget is written first if a cached book predates
 * it. Bare SQL runs the statements the API runs for the month; *without* is the old answer's
 * `GROUP BY` over every posting since the budget's start.
 */

import { shiftBudgetMonth } from '../../src/core/budget/envelope-fill.ts';
import type { Db } from '../../src/db/connect.ts';
import { benchMonths, writeBenchEnvelope } from '../generate/envelope.ts';
import type { BenchOptions } from '../generate/plan.ts';
import type { BareDb } from './bare.ts';
import { timedGet } from './server.ts';
import { repeat, type Timing, timing } from './stats.ts';

export interface EnvelopeBenchContext {
  db: Db;
  bare: BareDb;
  bookId: number;
  options: BenchOptions;
  /** `…/api/v1/books/:id` */
  api: string;
  session: { cookie: string; csrf: string };
  runs: number;
}

export interface EnvelopeFigure {
  name: string;
  target: string;
  api: { client: Timing; server: Timing };
  bare: Timing;
  postings: Timing;
}

type Statement = readonly [string, readonly unknown[]];

/** The months [from, to] as the read takes them: income per month, spending, assignments, moves. */
function monthRows(bookId: number, from: string, to: string): Statement[] {
  return [
    [
      `select s.month, sum(s.amount) from account_months s join accounts a on a.id = s.account_id
       where a.book_id = ? and a.type = 'income' and a.currency = 'EUR' and s.month >= ? and s.month <= ?
       group by s.month`,
      [bookId, from, to],
    ],
    [
      `select account_id, month, amount from account_months where book_id = ? and month >= ? and month <= ?
       and account_id in (select id from accounts where book_id = ? and type = 'expense' and currency = 'EUR')`,
      [bookId, from, to, bookId],
    ],
    [
      'select month, category_id, amount from envelope_assignments where book_id = ? and month >= ? and month <= ?',
      [bookId, from, to],
    ],
    [
      'select * from envelope_moves where book_id = ? and month >= ? and month <= ? order by id',
      [bookId, from, to],
    ],
  ];
}

/**
 * The statements the API runs for one month, by hand: the months from January of the year of the
 * month before it, and before them the budget's partial first year by months, the whole years
 * from `envelope_years` and the income they hold (the income categories first, then their roll-ups
 * by id, as the API reads them).
 */
function monthStatements(
  bookId: number,
  incomeIds: readonly number[],
  start: string,
  month: string,
): Statement[] {
  const walkFrom = `${shiftBudgetMonth(month, -1).slice(0, 4)}-01`;
  const opened = walkFrom > start;
  const statements: Statement[] = [
    ['select * from envelope_settings where book_id = ?', [bookId]],
    [
      `select a.id, a.name, a.archived, g.name, g.position from accounts a
       left join category_groups g on g.id = a.group_id
       where a.book_id = ? and a.type = 'expense' and a.currency = 'EUR'`,
      [bookId],
    ],
    ...monthRows(bookId, opened ? walkFrom : start, month),
  ];
  if (!opened) return statements;
  const startYear = Number(start.slice(0, 4));
  const head = !start.endsWith('-01');
  if (head) statements.push(...monthRows(bookId, start, `${startYear}-12`));
  const before = shiftBudgetMonth(walkFrom, -1);
  statements.push(
    [
      'select category_id, assigned, spent, low from envelope_years where book_id = ? and year >= ? and year <= ? order by year',
      [bookId, head ? startYear + 1 : startYear, Number(before.slice(0, 4))],
    ],
    [`select id from accounts where book_id = ? and type = 'income' and currency = 'EUR'`, [bookId]],
    [
      `select sum(amount) from account_months where account_id in (${incomeIds.map(() => '?').join(', ')})
       and month >= ? and month <= ?`,
      [...incomeIds, start, before],
    ],
  );
  return statements;
}

/** The old read: income and spending per category and month from every posting. */
function postingsStatement(bookId: number, start: string, month: string): Statement {
  return [
    `select p.account_id, a.type, substr(cast(p.date as text), 1, 7), sum(p.amount) from postings p
     join accounts a on a.id = p.account_id
     where p.book_id = ? and a.type in ('income', 'expense') and a.currency = 'EUR'
       and p.date >= ? and p.date < ?
     group by p.account_id, a.type, substr(cast(p.date as text), 1, 7)`,
    [bookId, `${start}-01`, `${shiftBudgetMonth(month, 1)}-01`],
  ];
}

async function timedPatch(url: string, session: EnvelopeBenchContext['session'], body: unknown) {
  const started = performance.now();
  const reply = await fetch(url, {
    method: 'PATCH',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await reply.arrayBuffer();
  const client = performance.now() - started;
  if (!reply.ok) throw new Error(`PATCH ${url}: ${reply.status}`);
  const server = Number(/dur=([\d.]+)/.exec(reply.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
  return { client, server };
}

export async function benchEnvelope(ctx: EnvelopeBenchContext): Promise<EnvelopeFigure[]> {
  const { db, bare, bookId, api, session, runs } = ctx;
  await writeBenchEnvelope(db, bookId, ctx.options, new Date().toISOString());
  const { first, last } = benchMonths(ctx.options);
  const incomeIds = (
    await db
      .selectFrom('accounts')
      .select('id')
      .where('book_id', '=', bookId)
      .where('type', '=', 'income')
      .where('currency', '=', 'EUR')
      .execute()
  ).map((row) => row.id);
  const figures: EnvelopeFigure[] = [];
  const measure = async (name: string, work: () => Promise<{ client: number; server: number }>) => {
    process.stderr.write(`${name}…\n`);
    const servers: number[] = [];
    const clients = await repeat(runs, async () => {
      const t = await work();
      servers.push(t.server);
      return t.client;
    });
    return { client: timing(clients), server: timing(servers.slice(1)) }; // the first was the warm-up
  };
  const bareOf = async (month: string) => ({
    bare: timing(await repeat(runs, () => bare.timeAll(monthStatements(bookId, incomeIds, first, month)))),
    postings: timing(await repeat(runs, () => bare.timeAll([postingsStatement(bookId, first, month)]))),
  });
  const monthUrl = (month: string) => `${api}/envelope/months/${month}`;
  for (const [name, month] of [
    ['envelope month (current)', last],
    ['envelope month (first)', first],
  ] as const) {
    const api = await measure(name, () => timedGet(monthUrl(month), session.cookie));
    figures.push({ name, target: '≤ 10 ms', api, ...(await bareOf(month)) });
  }

  // A purchase in the budget's second month moves to its third and back, run after run.
  const [second, third] = [shiftBudgetMonth(first, 1), shiftBudgetMonth(first, 2)];
  const early = await db
    .selectFrom('transactions')
    .innerJoin('postings', 'postings.transaction_id', 'transactions.id')
    .innerJoin('accounts', 'accounts.id', 'postings.account_id')
    .select(['transactions.id', 'transactions.date'])
    .where('transactions.book_id', '=', bookId)
    .where('accounts.type', '=', 'expense')
    .where('transactions.date', '>=', `${second}-10`)
    .orderBy('transactions.date')
    .orderBy('transactions.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const dates = [String(early.date).slice(0, 10), `${third}-10`];
  let turn = 0;
  const name = 'edit an early transaction, then the current month';
  const api2 = await measure(name, async () => {
    turn += 1;
    const patch = await timedPatch(`${api}/transactions/${early.id}`, session, { date: dates[turn % 2] });
    const read = await timedGet(monthUrl(last), session.cookie);
    return { client: patch.client + read.client, server: patch.server + read.server };
  });
  if (turn % 2 === 1) await timedPatch(`${api}/transactions/${early.id}`, session, { date: dates[0] });
  figures.push({ name, target: '≤ 30 ms', api: api2, ...(await bareOf(last)) });
  return figures;
}
