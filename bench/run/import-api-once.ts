/**
 * Runs only the API import figure (`import-api-bench.ts`) against a copy of a reference database:
 * `node bench/run/import-api-once.ts <database file> [runs]`.
 */
import Database from 'better-sqlite3';
import { importThroughApi } from './import-api-bench.ts';

const [file, runs = '2'] = process.argv.slice(2);
if (!file) throw new Error('usage: import-api-once.ts <database file> [runs]');
const sqlite = new Database(file, { readonly: true });
const account = sqlite
  .prepare("SELECT id, book_id FROM accounts WHERE name = 'Emergency fund' ORDER BY id LIMIT 1")
  .get() as { id: number; book_id: number };
sqlite.close();
const figure = await importThroughApi(
  file,
  account.book_id,
  account.id,
  new URL('../data/import-100k.csv', import.meta.url).pathname,
  Number(runs),
);
console.log(JSON.stringify(figure));
