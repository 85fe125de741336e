/**
 * `node --import tsx bench/generate/main.ts [--database URL] [--count N] [--seed N] [--years N] [--csv FILE] [--csv-rows N]`:
 * writes the reference book into a database (migrating it first) and, with --csv, a bank CSV file
 * of new rows for the import benchmark.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { writeBankCsv } from './csv.ts';
import { writeBenchBook } from './write.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'bench/data/reference.db' },
    count: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '20261121' },
    years: { type: 'string', default: '20' },
    'end-date': { type: 'string', default: '2026-10-31' },
    csv: { type: 'string' },
    'csv-rows': { type: 'string', default: '100000' },
  },
});
const options = {
  seed: Number(values.seed),
  count: Number(values.count),
  years: Number(values.years),
  endDate: values['end-date'],
};
if (values.csv) {
  await writeBankCsv(values.csv, { ...options, count: Number(values['csv-rows']) });
  console.log(`wrote ${values['csv-rows']} rows to ${values.csv}`);
} else {
  const database = openDatabase(values.database, { poolSize: 2 });
  try {
    await migrateToLatest(database);
    const started = performance.now();
    const book = await writeBenchBook(database.db, options, new Date().toISOString(), (written) => {
      if (written % 100_000 === 0) process.stderr.write(`… ${written}\n`);
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`book ${book.bookId}: ${book.transactions} transactions in ${seconds} s`);
  } finally {
    await database.close();
  }
}
