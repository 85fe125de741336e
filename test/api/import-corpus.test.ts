import path from 'node:path';
import { expect, it } from 'vitest';
import { currency } from '../../src/core/money/currency.ts';
import { parseMoney } from '../../src/core/money/money.ts';
import { type Client, signUpWithBook, testApp } from '../support/api.ts';
import {
  type CorpusEntry,
  type CorpusExpected,
  corpusEntries,
  readCorpusFile,
  requireCorpus,
} from '../support/corpus.ts';
import { mappingFromLayout } from '../support/corpus-csv-layout.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * Conformance over the bank-file corpus, through the real import API on both databases: every file
 * is imported into empty accounts and must give the manifest's count, exact sum, first and last
 * date, currency and statement balance. Where the file cannot say (an ambiguous date format), the
 * question is answered from the manifest's csv_layout, as a user would answer it.
 */
const present = requireCorpus('Import corpus conformance');

interface Entry extends CorpusEntry {
  expected: CorpusExpected & {
    accounts?: Array<{
      transaction_count: number;
      amount_sum: string | null;
      ledger_balance?: string;
      section?: string;
    }>;
    statements?: Array<{ entry_count: number; amount_sum: string; closing_booked_balance: string }>;
  };
}

const entries = corpusEntries<Entry>();

/** The account's currency: the file's, else the manifest's hint ("FRF (French francs…)"), else USD. */
function currencyOf(entry: Entry): string {
  const hint = /^[A-Z]{3}\b/.exec(entry.expected.currency_hint ?? '')?.[0];
  const code = entry.expected.currency ?? hint ?? 'USD';
  if (code === 'RUR') return 'RUB'; // the rouble's old code, still written by Russian banks
  return isCurrency(code) ? code : 'USD'; // FRF: Moneta keeps only current currencies
}

function isCurrency(code: string): boolean {
  try {
    currency(code);
    return true;
  } catch {
    return false;
  }
}

/** Exact comparison of decimal strings in a currency ("8.850" EUR is 885 cents). */
function minor(amount: string, currency: string): bigint {
  return parseMoney(amount, currency as never).minor;
}

async function importFile(client: Client, base: string, entry: Entry) {
  const bytes = readCorpusFile(entry);
  const currency = currencyOf(entry);
  const account = async (name: string) =>
    (await client.post(`${base}/accounts`, { name, type: 'asset', currency })).body.id as number;
  const first = await account('Statement 0');
  const file = { fileName: path.basename(entry.path), content: bytes.toString('base64'), accountId: first };
  let preview = await client.post(`${base}/imports/preview`, file);
  expect(preview.status, JSON.stringify(preview.body).slice(0, 500)).toBe(200);
  // Several statements: one account each, named as the file names them (QIF transfers between them resolve).
  const statementAccounts: Array<{ statement: number; accountId: number }> = [];
  for (const statement of preview.body.statements.slice(1)) {
    const name = statement.fileAccountName ?? `Statement ${statement.index}`;
    statementAccounts.push({ statement: statement.index, accountId: await account(name) });
  }
  const firstName = preview.body.statements[0]?.fileAccountName;
  if (firstName) await client.patch(`${base}/accounts/${first}`, { name: firstName });
  let request: Record<string, unknown> = { ...file, statementAccounts };
  const question = preview.body.questions[0];
  if (question && entry.csv_layout) {
    const layout = mappingFromLayout(entry.csv_layout, bytes.toString('latin1'));
    request = { ...request, mapping: { dateFormat: layout.dateFormat } };
  } else if (question) {
    // A QIF file whose dates fit both orders: the order that gives the manifest's date range.
    for (const order of question.options) {
      const answer = await client.post(`${base}/imports/preview`, { ...request, qifDateOrder: order });
      const dates = answer.body.rows.map((r: any) => r.date).sort();
      if (dates[0] === entry.expected.first_date && dates.at(-1) === entry.expected.last_date) {
        request = { ...request, qifDateOrder: order };
      }
    }
  }
  preview = await client.post(`${base}/imports/preview`, request);
  // The preview answers its first page: the rest of the rows, page by page.
  for (let cursor = preview.body.nextCursor; cursor !== null; ) {
    const page = await client.get(
      `${base}/imports/previews/${preview.body.previewId}/rows?limit=500&cursor=${cursor}`,
    );
    preview.body.rows.push(...page.body.rows);
    cursor = page.body.nextCursor;
  }
  const batch = await client.post(`${base}/imports`, request);
  expect(batch.status, JSON.stringify(batch.body).slice(0, 800)).toBe(201);
  const accountIds = [first, ...statementAccounts.map((s) => s.accountId)];
  const balances = await Promise.all(
    accountIds.map(async (id) => (await client.get(`${base}/accounts/${id}`)).body.balance.amount as string),
  );
  return { preview: preview.body, batch: batch.body, balances, currency, accountIds };
}

describeEachDatabase('the import corpus through the API', (ctx) => {
  it.skipIf(!present)(
    'imports every file with the manifest’s count, sum, dates, currency and balance',
    async () => {
      const app = await testApp(ctx.database);
      const failures: string[] = [];
      let passed = 0;
      for (const entry of entries) {
        const { client, base } = await signUpWithBook(app);
        try {
          const { preview, batch, balances, currency, accountIds } = await importFile(client, base, entry);
          const expected = entry.expected;
          const rows = preview.rows.filter(
            (r: any) => r.action === 'import' || r.duplicate?.kind === 'transfer',
          );
          expect(rows.length, 'rows read').toBe(expected.transaction_count);
          expect(batch.transactionCount + preview.summary.transferHalves, 'rows imported').toBe(
            expected.transaction_count,
          );
          const sum = rows.reduce((total: bigint, r: any) => total + minor(r.amount.amount, currency), 0n);
          expect(sum, 'exact sum').toBe(minor(expected.amount_sum, currency));
          // The ledger: each account holds its own rows, plus the other side of transfers from the file's other accounts.
          const held = new Map(accountIds.map((id) => [id, 0n]));
          for (const r of preview.rows.filter((row: any) => row.action === 'import')) {
            const own = preview.statements[r.statement].accountId;
            held.set(own, held.get(own)! + minor(r.amount.amount, currency));
            if (r.transferAccount && held.has(r.transferAccount.id)) {
              held.set(
                r.transferAccount.id,
                held.get(r.transferAccount.id)! - minor(r.amount.amount, currency),
              );
            }
          }
          expect(
            balances.map((b) => minor(b, currency)),
            'account balances',
          ).toEqual(accountIds.map((id) => held.get(id)));
          const dates = rows.map((r: any) => r.date).sort();
          if (expected.transaction_count > 0) {
            expect([dates[0], dates.at(-1)], 'date range').toEqual([expected.first_date, expected.last_date]);
          }
          if (expected.currency) {
            const stated = preview.statements.map(
              (s: any) => s.currency ?? preview.mapping?.currency ?? currency,
            );
            expect(new Set(stated), 'currency').toEqual(new Set([expected.currency]));
          }
          const closing = expected.ledger_balance ?? expected.closing_balance;
          if (closing && preview.statements.length === 1) {
            expect(minor(preview.statements[0].closingBalance.amount.amount, currency), 'balance').toBe(
              minor(closing, currency),
            );
          }
          const perStatement =
            expected.statements?.map((s) => s.closing_booked_balance) ??
            expected.accounts?.filter((a) => a.ledger_balance !== undefined).map((a) => a.ledger_balance!);
          if (perStatement && perStatement.length === preview.statements.length) {
            expect(
              preview.statements.map((s: any) => minor(s.closingBalance.amount.amount, currency)),
              'statement balances',
            ).toEqual(perStatement.map((b) => minor(b, currency)));
          }
          passed++;
        } catch (error) {
          failures.push(`${entry.path}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      console.info(`import corpus [${ctx.dialect}]: ${passed}/${entries.length} files pass`);
      expect(failures).toEqual([]);
    },
  );
});
