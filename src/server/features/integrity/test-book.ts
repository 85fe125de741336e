/**
 * Test support for the integrity tests: a fresh book with a checking account and two expense
 * categories, and a helper that spends from checking on a category.
 */
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { createAccount, insertAccount } from '../accounts/service.ts';
import { insertUser } from '../auth/users.ts';
import { createBook } from '../books/service.ts';
import { createTransaction } from '../transactions/service.ts';

export const NOW = '2026-03-01T12:00:00.000Z';
export const eur = (amount: string) => ({ amount, currency: 'EUR' });
let books = 0;

/** `label` names the book and its owner's email (`label-n-pid@example.com`, n counting books). */
export async function testBook(db: Db, label: { email: string; name: string }) {
  books += 1;
  const user = await insertUser(
    db,
    {
      email: `${label.email}-${books}-${process.pid}@example.com`,
      name: 'O',
      passwordHash: 'x',
      isAdmin: false,
    },
    NOW,
  );
  const created = await createBook(db, user.id, { name: `${label.name} ${books}`, baseCurrency: 'EUR' }, NOW);
  const scope: BookScope = { bookId: created.id, userId: user.id, role: 'owner', baseCurrency: 'EUR' };
  const checking = await createAccount(db, scope, { name: 'Checking', type: 'asset' }, NOW);
  const category = (name: string) => insertAccount(db, scope, { name, type: 'expense' }, NOW);
  const food = await category('Food');
  const dining = await category('Dining');
  const spend = (date: string, amount: string, categoryId: number) =>
    createTransaction(
      db,
      scope,
      {
        date,
        postings: [
          { accountId: checking.id, amount: eur(`-${amount}`) },
          { accountId: categoryId, amount: eur(amount) },
        ],
      },
      NOW,
    );
  return { scope, checking, food, dining, category, spend };
}
