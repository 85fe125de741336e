import { transactionCsvHeader, transactionCsvLines } from '../../../core/export/csv-rows.ts';
import type { ExportAccount, ExportTransaction } from '../../../core/export/ledger-view.ts';
import { currency, parseMoney } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { listTransactions, type TransactionFilter, type TransactionJson } from '../transactions/queries.ts';
import { loadExportAccounts } from './queries.ts';

/** Transactions per query: memory stays bounded by one page whatever the size of the book. */
export const CSV_PAGE_SIZE = 500;

function exportView(tx: TransactionJson): ExportTransaction {
  const minor = (money: { amount: string; currency: string }) =>
    parseMoney(money.amount, currency(money.currency)).minor;
  return {
    id: tx.id,
    date: tx.date,
    currency: tx.currency,
    payee: tx.payee?.name ?? null,
    description: tx.description,
    notes: tx.notes,
    status: tx.status,
    tags: tx.tags.map((tag) => tag.name),
    postings: tx.postings.map((p) => ({
      accountId: p.accountId,
      amount: minor(p.amount),
      value: minor(p.value),
      memo: p.memo,
    })),
  };
}

/**
 * The transactions matching `filter` as CSV text, produced page by page through the same query and
 * cursor as GET /transactions (newest first). The first page is read before this returns, so a bad
 * filter fails as an error answer rather than in the middle of a download.
 */
export async function transactionCsv(
  db: Db,
  bookId: number,
  filter: TransactionFilter,
  pageSize = CSV_PAGE_SIZE,
): Promise<AsyncIterable<string>> {
  let accounts = new Map<number, ExportAccount>();
  const loadAccounts = async () => {
    accounts = new Map((await loadExportAccounts(db, bookId)).accounts.map((a) => [a.id, a]));
  };
  const first = await listTransactions(db, bookId, filter, undefined, pageSize);
  await loadAccounts();
  async function* lines() {
    yield transactionCsvHeader();
    for (let page = first; ; ) {
      const transactions = page.items.map(exportView);
      // An account created while the export runs: read the accounts again.
      if (transactions.some((tx) => tx.postings.some((p) => !accounts.has(p.accountId))))
        await loadAccounts();
      yield transactionCsvLines(transactions, accounts, filter.accountId);
      if (!page.nextCursor) return;
      page = await listTransactions(db, bookId, filter, page.nextCursor, pageSize);
    }
  }
  return lines();
}
