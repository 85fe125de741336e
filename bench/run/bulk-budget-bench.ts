/**
 * Bulk envelope budgeting: every cell of a long history set in one request
 * (`PUT /envelope/assignments`), and one fill helper. Measured on a small book of its own in the
 * same database and server: the write reads and writes assignment rows and checks categories, and
 * does not depend on how many transactions the database holds. The book is deleted at the end.
 * Bare baseline (SQLite): the same cells upserted by a prepared statement in one transaction.
 */
import Database from 'better-sqlite3';
import { shiftBudgetMonth } from '../../src/core/budget/envelope-fill.ts';
import { repeat, type Timing, timing } from './stats.ts';

export interface BulkBudgetContext {
  /** `http://host:port` of the running server */
  base: string;
  session: { cookie: string; csrf: string };
  runs: number;
  /** The SQLite file, for the bare baseline; null on PostgreSQL (no baseline). */
  sqliteFile: string | null;
}

export interface BulkBudgetFigure {
  name: string;
  target: string;
  api: { client: Timing; server: Timing };
  bare?: Timing;
}

interface Cell {
  month: string;
  categoryId: number;
  amount: { amount: string; currency: 'EUR' };
}

const pad = (n: number) => String(n).padStart(2, '0');

async function call(ctx: BulkBudgetContext, method: string, path: string, body?: unknown) {
  const started = performance.now();
  const reply = await fetch(`${ctx.base}/api/v1${path}`, {
    method,
    headers: {
      cookie: ctx.session.cookie,
      'x-csrf-token': ctx.session.csrf,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await reply.text();
  const client = performance.now() - started;
  if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${text.slice(0, 300)}`);
  const server = Number(/dur=([\d.]+)/.exec(reply.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
  return { client, server, body: text ? JSON.parse(text) : null };
}

/** `years` × `categories` cells from January 2007; `run` changes every amount, so each run writes. */
function cellsOf(categoryIds: readonly number[], years: number, run: number): Cell[] {
  const cells: Cell[] = [];
  for (let m = 0; m < years * 12; m++) {
    for (const [i, categoryId] of categoryIds.entries()) {
      cells.push({
        month: shiftBudgetMonth('2007-01', m),
        categoryId,
        amount: { amount: `${10 + i + run}.${pad(m % 100)}`, currency: 'EUR' },
      });
    }
  }
  return cells;
}

/** The cells upserted by hand, one prepared statement, one transaction. */
function bareUpsert(file: string, bookId: number, cells: readonly Cell[]): number {
  const db = new Database(file);
  try {
    const upsert = db.prepare(
      `insert into envelope_assignments (book_id, month, category_id, amount, updated_at) values (?, ?, ?, ?, ?)
       on conflict (book_id, month, category_id) do update set amount = excluded.amount, updated_at = excluded.updated_at`,
    );
    const now = new Date().toISOString();
    const started = performance.now();
    db.transaction(() => {
      for (const c of cells)
        upsert.run(bookId, c.month, c.categoryId, BigInt(c.amount.amount.replace('.', '')), now);
    })();
    return performance.now() - started;
  } finally {
    db.close();
  }
}

export async function benchBulkBudget(ctx: BulkBudgetContext): Promise<BulkBudgetFigure[]> {
  process.stderr.write('bulk budgeting (a book of its own)…\n');
  const book = (await call(ctx, 'POST', '/books', { name: 'Bulk budget bench', baseCurrency: 'EUR' })).body;
  const path = `/books/${book.id}`;
  try {
    const ids: number[] = [];
    for (let i = 0; i < 60; i++)
      ids.push(
        (await call(ctx, 'POST', `${path}/categories`, { name: `Envelope ${i}`, kind: 'expense' })).body.id,
      );
    await call(ctx, 'PUT', `${path}/envelope/settings`, { enabled: true, startMonth: '2007-01' });
    const figures: BulkBudgetFigure[] = [];
    for (const [name, years, count, target] of [
      ['bulk budget of 10 years × 41 categories (4,920 cells)', 10, 41, '≤ 200 ms'],
      ['bulk budget of 20 years × 60 categories (14,400 cells)', 20, 60, ''],
    ] as const) {
      let run = 0;
      const servers: number[] = [];
      const clients = await repeat(ctx.runs, async () => {
        const t = await call(ctx, 'PUT', `${path}/envelope/assignments`, {
          cells: cellsOf(ids.slice(0, count), years, ++run),
        });
        servers.push(t.server);
        return t.client;
      });
      const file = ctx.sqliteFile;
      const bare = file
        ? timing(
            await repeat(ctx.runs, async () =>
              bareUpsert(file, book.id, cellsOf(ids.slice(0, count), years, ++run)),
            ),
          )
        : undefined;
      figures.push({
        name,
        target,
        api: { client: timing(clients), server: timing(servers.slice(1)) },
        ...(bare && { bare }),
      });
    }
    const servers: number[] = [];
    const clients = await repeat(ctx.runs, async () => {
      const t = await call(ctx, 'POST', `${path}/envelope/months/2026-10/fill`, {
        strategy: 'average-3-months',
      });
      servers.push(t.server);
      return t.client;
    });
    figures.push({
      name: 'fill a month, 60 envelopes (3-month average)',
      target: '',
      api: { client: timing(clients), server: timing(servers.slice(1)) },
    });
    return figures;
  } finally {
    await call(ctx, 'DELETE', path);
  }
}
