/**
 * Many results: every page of a long list walked by cursor through the API, against one bare
 * statement that reads every row at once, and the register's first page. Walking all pages is
 * where a cursor that restarts its scan shows (page n costing n times the first): the figure is
 * the sum over all pages, beside the first page and the last.
 */
import type { BareDb } from './bare.ts';
import { timedGet } from './server.ts';
import { repeat, type Timing, timing } from './stats.ts';

/** As the API pages it (the newest first), with the columns of each transaction and its postings. */
const BARE_ROWS = `select t.id, t.date, t.currency, t.total, t.payee_id, t.description, t.notes, t.status,
  p.id, p.account_id, p.amount, p.value, p.memo
  from transactions t join postings p on p.transaction_id = t.id`;
const BARE_ORDER = 'order by t.date desc, t.id desc, p.position';

export const COMMON_WORD = 'invoice';
export const PAGE_SIZE = 1000;

export interface PagingRow {
  name: string;
  target: string;
  api: { client: Timing; server: Timing };
  bare?: Timing;
  /** Rows and requests of one walk, and the server's time for its first and last page. */
  detail?: { rows: number; requests: number; firstPageMs: number; lastPageMs: number };
}

interface Walk {
  client: number;
  server: number;
  rows: number;
  pages: number[];
}

/** Every page of `url` at PAGE_SIZE, following nextCursor to the end. */
async function walk(url: string, cookie: string): Promise<Walk> {
  const result: Walk = { client: 0, server: 0, rows: 0, pages: [] };
  let cursor: string | null = null;
  do {
    const page = `${url}&limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const started = performance.now();
    const reply = await fetch(page, {
      headers: { cookie, 'accept-encoding': 'identity', 'cache-control': 'no-cache' },
    });
    const body = (await reply.json()) as { items: unknown[]; nextCursor: string | null };
    result.client += performance.now() - started;
    if (!reply.ok) throw new Error(`GET ${page}: ${reply.status}`);
    const server = Number(/dur=([\d.]+)/.exec(reply.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
    result.server += server;
    result.pages.push(server);
    result.rows += body.items.length;
    cursor = body.nextCursor;
  } while (cursor);
  return result;
}

async function pagedRow(
  name: string,
  url: string,
  cookie: string,
  runs: number,
  bare: () => Promise<number>,
): Promise<PagingRow> {
  const walks: Walk[] = [];
  const clients = await repeat(runs, async () => {
    const one = await walk(url, cookie);
    walks.push(one);
    return one.client;
  });
  const measured = walks.slice(1); // the first was the warm-up
  const last = measured.at(-1)!;
  return {
    name,
    target: '≤ 2× bare',
    api: { client: timing(clients), server: timing(measured.map((w) => w.server)) },
    bare: timing(await repeat(runs, bare)),
    detail: {
      rows: last.rows,
      requests: last.pages.length,
      firstPageMs: last.pages[0]!,
      lastPageMs: last.pages.at(-1)!,
    },
  };
}

export interface PagingScope {
  /** `…/api/v1/books/:bookId` */
  api: string;
  cookie: string;
  bookId: number;
  accountId: number;
  year: { from: string; to: string };
}

/** The figures of many results, each beside its bare-SQL baseline. */
export async function pagingFigures(scope: PagingScope, bare: BareDb, runs: number): Promise<PagingRow[]> {
  const { api, cookie, bookId, accountId, year } = scope;
  // Each walk takes seconds: a warm-up and at most three measured runs.
  const walks = Math.max(1, Math.min(runs, 3));
  process.stderr.write(`every match of "${COMMON_WORD}" (paged by ${PAGE_SIZE})…\n`);
  const word = await pagedRow(
    `every match of a common word (paged, page size ${PAGE_SIZE})`,
    `${api}/transactions?q=${COMMON_WORD}`,
    cookie,
    walks,
    () =>
      bare.timeAll([
        [
          `${BARE_ROWS} where t.book_id = ? and t.search_text like ? ${BARE_ORDER}`,
          [bookId, `%${COMMON_WORD}%`],
        ],
      ]),
  );
  process.stderr.write("one account's year (paged)…\n");
  const accountYear = await pagedRow(
    `one account's year (paged, page size ${PAGE_SIZE})`,
    `${api}/transactions?accountId=${accountId}&from=${year.from}&to=${year.to}`,
    cookie,
    walks,
    () =>
      bare.timeAll([
        [
          `${BARE_ROWS} where t.book_id = ? and t.date between ? and ? and exists
           (select 1 from postings x where x.transaction_id = t.id and x.account_id = ?) ${BARE_ORDER}`,
          [bookId, year.from, year.to, accountId],
        ],
      ]),
  );
  process.stderr.write('register: the 50 latest of one account…\n');
  const serverTimes: number[] = [];
  const client = await repeat(runs, async () => {
    const t = await timedGet(`${api}/accounts/${accountId}/register?limit=50`, cookie);
    serverTimes.push(t.server);
    return t.client;
  });
  const register: PagingRow = {
    name: 'register: the 50 latest of one account',
    target: '≤ 5 ms',
    api: { client: timing(client), server: timing(serverTimes.slice(1)) },
    bare: timing(
      await repeat(runs, () =>
        bare.timeAll([
          [
            `select p.id, p.transaction_id, p.date, p.amount, p.memo, t.status, t.description, y.id, y.name
             from postings p join transactions t on t.id = p.transaction_id left join payees y on y.id = t.payee_id
             where p.account_id = ? order by p.date desc, p.transaction_id desc, p.id desc limit 51`,
            [accountId],
          ],
        ]),
      ),
    ),
  };
  return [word, accountYear, register];
}
