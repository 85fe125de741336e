import { bookAccess } from '../plugins/book-access.ts';
import type { App } from '../types.ts';
import { accountRoutes } from './accounts/routes.ts';
import { bookListRoutes, bookRoutes } from './books/routes.ts';

/** Everything under /api/v1 that works on finance data; all of it behind the book-access gate. */
export async function financeRoutes(app: App): Promise<void> {
  await app.register(bookListRoutes);
  await app.register(
    async (book: App) => {
      bookAccess(book);
      await book.register(bookRoutes);
      await book.register(accountRoutes);
    },
    { prefix: '/books/:bookId' },
  );
}
