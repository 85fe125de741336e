/**
 * `npm run bench [-- --db postgres] [--runs N] [--count N]`: measures Moneta on the reference book
 * (1,000,000 transactions, made by bench/generate on first use and kept in bench/data) and prints
 * every figure beside its target (DESIGN.md) and, for queries, the same query in bare SQL. Writes
 * bench/results/<date>-<db>-<count>.json. A benchmark, not a test: nothing here fails on a slow figure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { startPostgresCluster } from '../../test/support/postgres-cluster.ts';
import { writeBankCsv } from '../generate/csv.ts';
import { BENCH_EMAIL, BENCH_PASSWORD, writeBenchBook } from '../generate/write.ts';
import { type BareDb, barePostgres, bareQueries, bareSqlite } from './bare.ts';
import { benchBulkBudget } from './bulk-budget-bench.ts';
import { coldStartRows } from './cold-start.ts';
import { benchEnvelope } from './envelope-bench.ts';
import { apiImportRows } from './import-api-bench.ts';
import { bareImportOnce, importOnce, undoLeftovers } from './import-bench.ts';
import { pagingFigures } from './paging-bench.ts';
import { logIn, startServer, timedGet } from './server.ts';
import { repeat, round, type Timing, timing } from './stats.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    runs: { type: 'string', default: '5' },
    count: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '20261121' },
  },
});
const runs = Number(values.runs);
const plan = { seed: Number(values.seed), count: Number(values.count), years: 20, endDate: '2026-10-31' };
const DATA = 'bench/data';
mkdirSync(DATA, { recursive: true });
const csvFile = join(DATA, 'import-100k.csv');
if (!existsSync(csvFile)) await writeBankCsv(csvFile, { ...plan, count: 100_000 });

interface Row {
  name: string;
  target: string;
  api?: { client: Timing; server: Timing };
  bare?: Timing;
  /** Where the API reads roll-ups or the text index: the bare query without them (postings, a LIKE scan). */
  postings?: Timing;
  value?: number;
  unit?: string;
}
const rows: Row[] = [];

// --- the database ----------------------------------------------------------------------------------
let databaseUrl: string;
let stopCluster: (() => Promise<void>) | null = null;
if (values.db === 'postgres') {
  const cluster = await startPostgresCluster();
  if (!cluster) throw new Error('No PostgreSQL binaries found (set PG_BIN).');
  stopCluster = () => cluster.stop();
  databaseUrl = cluster.url;
} else {
  databaseUrl = join(DATA, `reference-${plan.count}-${plan.seed}.db`);
}
const fresh = values.db === 'postgres' || !existsSync(databaseUrl);
const database = openDatabase(databaseUrl, { poolSize: 2 });
await migrateToLatest(database);
if (fresh) {
  const started = performance.now();
  process.stderr.write(`generating the reference book (${plan.count} transactions)…\n`);
  await writeBenchBook(database.db, plan, new Date().toISOString());
  process.stderr.write(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const book = await database.db.selectFrom('books').select(['id']).orderBy('id').executeTakeFirstOrThrow();
const user = await database.db
  .selectFrom('users')
  .select(['id'])
  .where('email', '=', BENCH_EMAIL)
  .executeTakeFirstOrThrow();
const account = await database.db
  .selectFrom('accounts')
  .select(['id'])
  .where('book_id', '=', book.id)
  .where('name', '=', 'Checking')
  .executeTakeFirstOrThrow();
const category = await database.db
  .selectFrom('accounts')
  .select(['id'])
  .where('book_id', '=', book.id)
  .where('name', '=', 'Groceries')
  .executeTakeFirstOrThrow();
const scope = { bookId: book.id, userId: user.id, role: 'owner' as const, baseCurrency: 'EUR' };
await undoLeftovers(database.db, scope);

// --- the server and its endpoints -----------------------------------------------------------------
const server = await startServer(databaseUrl);
const session = await logIn(server.base, BENCH_EMAIL, BENCH_PASSWORD);
const api = `${server.base}/api/v1/books/${book.id}`;
const year = { from: '2025-11-01', to: '2026-10-31' };
const all = { from: '2006-11-01', to: '2026-10-31' };
const bare: BareDb = values.db === 'postgres' ? await barePostgres(databaseUrl) : bareSqlite(databaseUrl);
const bareSql = bareQueries({ bookId: book.id, accountId: account.id, categoryId: category.id }, all, year);
const endpoints: Array<[string, string, string]> = [
  ['report: spending', `/reports/spending?from=${all.from}&to=${all.to}`, '≤ 150 ms'],
  [
    'report: income vs expense (monthly)',
    `/reports/income-expense?from=${all.from}&to=${all.to}&interval=month`,
    '≤ 150 ms',
  ],
  [
    'report: net worth (monthly)',
    `/reports/net-worth?from=${all.from}&to=${all.to}&interval=month`,
    '≤ 150 ms',
  ],
  ['report: cash flow', `/reports/cash-flow?from=${all.from}&to=${all.to}`, '≤ 150 ms'],
  ['report: balance sheet', `/reports/balance-sheet?date=${all.to}`, '≤ 150 ms'],
  ['report: income statement', `/reports/income-statement?from=${all.from}&to=${all.to}`, '≤ 150 ms'],
  [
    'report: category trend',
    `/reports/categories/${category.id}/trend?from=${all.from}&to=${all.to}`,
    '≤ 150 ms',
  ],
  ['account balance', `/accounts/${account.id}/balance?date=${all.to}`, '≤ 5 ms'],
  [
    'page of 50, filtered',
    `/transactions?accountId=${account.id}&from=${year.from}&to=${year.to}&limit=50`,
    '≤ 10 ms',
  ],
  ['text search', `/transactions?q=${encodeURIComponent('kasol markt')}&limit=50`, '≤ 50 ms'],
  // A word no transaction holds: a scan cannot stop early, so this is the search's worst case.
  ['text search, no match', `/transactions?q=${encodeURIComponent('xyzzyq')}&limit=50`, '≤ 50 ms'],
];
const serverTimes: number[] = [];
for (const [name, path, target] of endpoints) {
  process.stderr.write(`${name}…\n`);
  const samples = await repeat(runs, async () => {
    const t = await timedGet(`${api}${path}`, session.cookie);
    serverTimes.push(t.server);
    return t.client;
  });
  const serverSide = timing(serverTimes.splice(0).slice(1)); // the first was the warm-up
  const entry = bareSql[name]!;
  const postings = entry.postings;
  const bareTiming = timing(
    await repeat(runs, () =>
      'search' in entry ? bare.timeSearch(book.id, entry.search) : bare.timeAll(entry.same),
    ),
  );
  const postingsTiming = postings && timing(await repeat(runs, () => bare.timeAll([postings])));
  rows.push({
    name,
    target,
    api: { client: timing(samples), server: serverSide },
    bare: bareTiming,
    ...(postingsTiming && { postings: postingsTiming }),
  });
}

rows.push(
  ...(await benchEnvelope({ db: database.db, bare, bookId: book.id, options: plan, api, session, runs })),
);
rows.push(
  ...(await benchBulkBudget({
    base: server.base,
    session,
    runs,
    sqliteFile: values.db === 'postgres' ? null : databaseUrl,
  })),
);

rows.push(
  ...(await pagingFigures(
    { api, cookie: session.cookie, bookId: book.id, accountId: account.id, year },
    bare,
    runs,
  )),
);

// --- import ------------------------------------------------------------------------------------------
process.stderr.write('import of 100,000 CSV rows…\n');
const importAccount = await database.db
  .selectFrom('accounts')
  .select('id')
  .where('book_id', '=', book.id)
  .where('name', '=', 'Emergency fund')
  .executeTakeFirstOrThrow();
// An import takes seconds: a warm-up and at most two measured runs.
const importRuns = Math.max(1, Math.min(runs, 2));
const imports = timing(
  await repeat(importRuns, () => importOnce(database.db, scope, importAccount.id, csvFile)),
);
const bareImport =
  values.db === 'postgres'
    ? undefined
    : timing(
        Array.from({ length: importRuns }, () =>
          bareImportOnce(databaseUrl, book.id, importAccount.id, category.id, csvFile),
        ),
      );
rows.push({
  name: 'import 100,000 CSV rows',
  target: '≤ 2,000 ms, ≤ 3× bare',
  api: { client: imports, server: imports },
  ...(bareImport && { bare: bareImport }),
});
rows.push(...(await apiImportRows(databaseUrl, book.id, importAccount.id, csvFile, importRuns)));

// --- load ---------------------------------------------------------------------------------------------
process.stderr.write('load: authenticated GET of a transactions page…\n');
// As clients run it (answers kept while no write happened), then with every answer computed afresh.
for (const [label, extra] of [
  ['', {}],
  [', no read cache', { 'cache-control': 'no-cache' }],
] as const) {
  const load = await autocannon({
    url: `${api}/transactions?limit=50`,
    headers: { cookie: session.cookie, ...extra },
    connections: 20,
    duration: 10,
  });
  rows.push({
    name: `GET a transactions page under load${label}`,
    target: '≥ 5,000 req/s',
    value: Math.round(load.requests.average),
    unit: 'req/s',
  });
  rows.push({ name: '… its p99 latency', target: '', value: load.latency.p99, unit: 'ms' });
}
rows.push({ name: 'server RSS at peak', target: '≤ 250 MB', value: round(server.peakRssMb()), unit: 'MB' });
rows.push({ name: 'web app initial JS (gzip)', target: '≤ 200 kB', value: initialJsKb(), unit: 'kB' });

await server.stop();
rows.push(...(await coldStartRows(databaseUrl, runs)));
await bare.close();
await database.close();
await stopCluster?.();

// --- report -------------------------------------------------------------------------------------------
const header = [
  'figure',
  'target',
  'min',
  'median',
  'server median',
  'bare median',
  'ratio',
  'bare, no roll-up/index',
];
const lines = rows.map((row) => {
  if (row.value !== undefined) return [row.name, row.target, '', `${row.value} ${row.unit}`, '', '', '', ''];
  const ratio = row.bare ? `${(row.api!.server.median / row.bare.median).toFixed(2)}×` : '';
  return [
    row.name,
    row.target,
    `${row.api!.client.min} ms`,
    `${row.api!.client.median} ms`,
    `${row.api!.server.median} ms`,
    row.bare ? `${row.bare.median} ms` : '',
    ratio,
    row.postings ? `${row.postings.median} ms` : '',
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(format(header));
for (const line of lines) console.log(format(line));
mkdirSync('bench/results', { recursive: true });
const out = join('bench/results', `${new Date().toISOString().slice(0, 10)}-${values.db}-${plan.count}.json`);
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), db: values.db, runs, plan, rows }, null, 2)}\n`,
);
console.log(`\nwritten to ${out}`);

/** The gzipped size of the scripts index.html loads at once (entry and modulepreloads). */
function initialJsKb(): number {
  const dist = 'dist/web';
  if (!existsSync(join(dist, 'index.html'))) {
    // A fresh clone has no build yet: make the one `npm start` would serve.
    process.stderr.write('building the web app…\n');
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'ignore' });
  }
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const total = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  return round(total / 1024);
}
