import { bookAccess } from '../plugins/book-access.ts';
import type { App } from '../types.ts';
import { accountRoutes } from './accounts/routes.ts';
import { bookListRoutes, bookRoutes } from './books/routes.ts';
import { budgetRoutes } from './budgets/routes.ts';
import { categoryRoutes } from './categories/routes.ts';
import { starterSetRoutes } from './categories/starter-routes.ts';
import { categoryGroupRoutes } from './category-groups/routes.ts';
import { envelopeBulkRoutes } from './envelope/bulk-routes.ts';
import { envelopeRoutes } from './envelope/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { importProfileRoutes } from './imports/profile-routes.ts';
import { importRoutes } from './imports/routes.ts';
import { payeeRoutes } from './payees/routes.ts';
import { reconciliationRoutes } from './reconciliations/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { ruleRoutes } from './rules/routes.ts';
import { tagRoutes } from './tags/routes.ts';
import { transactionBulkRoutes } from './transactions/bulk-routes.ts';
import { transactionRoutes } from './transactions/routes.ts';
import { transactionSummaryRoutes } from './transactions/summary-routes.ts';

/** Everything under /api/v1 that works on finance data; all of it behind the book-access gate. */
export async function financeRoutes(app: App): Promise<void> {
  await app.register(bookListRoutes);
  await app.register(exportRoutes);
  await app.register(
    async (book: App) => {
      bookAccess(book);
      await book.register(bookRoutes);
      await book.register(accountRoutes);
      await book.register(reconciliationRoutes);
      await book.register(categoryGroupRoutes);
      await book.register(categoryRoutes);
      await book.register(starterSetRoutes);
      await book.register(payeeRoutes);
      await book.register(tagRoutes);
      await book.register(transactionRoutes);
      await book.register(transactionBulkRoutes);
      await book.register(transactionSummaryRoutes);
      await book.register(reportRoutes);
      await book.register(budgetRoutes);
      await book.register(envelopeRoutes);
      await book.register(envelopeBulkRoutes);
      await book.register(ruleRoutes);
      await book.register(importRoutes);
      await book.register(importProfileRoutes);
    },
    { prefix: '/books/:bookId' },
  );
}
