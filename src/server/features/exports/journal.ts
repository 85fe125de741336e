import {
  accountDeclarations,
  commodityDirective,
  journalEntry,
  journalHeader,
} from '../../../core/export/journal.ts';
import { journalAccountNames } from '../../../core/export/journal-names.ts';
import type { ExportAccount } from '../../../core/export/ledger-view.ts';
import type { Db } from '../../../db/connect.ts';
import { bookCurrencies, type JournalCursor, journalPage, loadExportAccounts } from './queries.ts';

const PAGE_SIZE = 500;

/**
 * The book as an hledger journal (see docs/export.md), produced page by page in date order, so
 * that memory stays bounded. An account or a currency that appears while the export runs is
 * declared where it first shows up.
 */
export async function journalExport(
  db: Db,
  bookId: number,
  exportedAt: string,
): Promise<AsyncIterable<string>> {
  const book = await db.selectFrom('books').select('name').where('id', '=', bookId).executeTakeFirstOrThrow();
  const loaded = await loadExportAccounts(db, bookId);
  const accounts = new Map<number, ExportAccount>(loaded.accounts.map((a) => [a.id, a]));
  const names = journalAccountNames(loaded.accounts, loaded.groupNames);
  const currencies = new Set(await bookCurrencies(db, bookId));

  /** Declarations of what this page uses and the header did not declare. */
  async function lateDeclarations(page: Awaited<ReturnType<typeof journalPage>>): Promise<string> {
    const lines: string[] = [];
    if (page.some((tx) => tx.postings.some((p) => !names.has(p.accountId)))) {
      const again = await loadExportAccounts(db, bookId);
      const fresh = journalAccountNames(again.accounts, again.groupNames);
      const added = again.accounts.filter((a) => !names.has(a.id));
      for (const account of added) {
        accounts.set(account.id, account);
        names.set(account.id, fresh.get(account.id)!);
      }
      lines.push(...accountDeclarations(added, names));
    }
    for (const code of page.flatMap((tx) => [
      tx.currency,
      ...tx.postings.map((p) => accounts.get(p.accountId)?.currency ?? tx.currency),
    ])) {
      if (!currencies.has(code)) {
        currencies.add(code);
        lines.push(commodityDirective(code));
      }
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n\n`;
  }

  async function* text() {
    yield journalHeader({
      bookName: book.name,
      exportedAt,
      currencies: [...currencies],
      accounts: loaded.accounts,
      names,
    });
    let after: JournalCursor = null;
    for (;;) {
      const page = await journalPage(db, bookId, after, PAGE_SIZE);
      if (page.length === 0) return;
      yield (await lateDeclarations(page)) + page.map((tx) => journalEntry(tx, accounts, names)).join('');
      const last = page.at(-1)!;
      after = [last.date, last.id];
      if (page.length < PAGE_SIZE) return;
    }
  }
  return text();
}
