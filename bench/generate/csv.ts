import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { formatMinor } from '../../src/core/money/index.ts';
import { type BenchOptions, benchPlan } from './plan.ts';

/**
 * A German bank's CSV export of the checking account's purchases from the same generator (another
 * seed, so none of its rows is already in the reference book): `;`-separated, DD.MM.YYYY dates,
 * decimal comma. What the import benchmark feeds through the real import service.
 */
export async function writeBankCsv(file: string, options: BenchOptions): Promise<void> {
  const plan = benchPlan({ ...options, seed: options.seed + 1 });
  const out = createWriteStream(file);
  out.write('Buchungstag;Empfänger;Verwendungszweck;Betrag;Währung\n');
  for (const chunk of plan.chunks()) {
    const lines: string[] = [];
    for (const transaction of chunk) {
      const own = transaction.postings[0]!;
      const [year, month, day] = transaction.date.split('-');
      const payee =
        transaction.payee === null ? transaction.description : plan.payees[transaction.payee]!.name;
      // A purchase the generator paid in dollars or pounds is, in this file, its euro value.
      const amount = formatMinor(own.value ?? own.amount, 2).replace('.', ',');
      lines.push(`${day}.${month}.${year};${payee};${transaction.description};${amount};EUR`);
    }
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
