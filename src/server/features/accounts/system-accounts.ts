import type { AccountType } from '../../../core/ledger/account.ts';
import type { CurrencyCode } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import type { BookScope } from '../../types.ts';

/**
 * Accounts the system posts to on the user's behalf, one per role and currency, created on first
 * use: the equity account opening balances post against, and the income and expense categories
 * imported rows land in until a rule, the file or the user gives them a category.
 */
const SYSTEM_ACCOUNTS = {
  opening_balances: { type: 'equity', subtype: 'other', name: 'Opening Balances' },
  uncategorised_income: { type: 'income', subtype: null, name: 'Uncategorised income' },
  uncategorised_expense: { type: 'expense', subtype: null, name: 'Uncategorised' },
} as const satisfies Record<string, { type: AccountType; subtype: string | null; name: string }>;

export type SystemRole = keyof typeof SYSTEM_ACCOUNTS;

/** The book's account of this role in this currency; created (named after it) when missing. */
export async function systemAccount(
  db: Db,
  scope: BookScope,
  role: SystemRole,
  code: CurrencyCode,
  now: string,
): Promise<number> {
  const existing = await db
    .selectFrom('accounts')
    .select('id')
    .where('book_id', '=', scope.bookId)
    .where('role', '=', role)
    .where('currency', '=', code)
    .executeTakeFirst();
  if (existing) return existing.id;
  const spec = SYSTEM_ACCOUNTS[role];
  const name = code === scope.baseCurrency ? spec.name : `${spec.name} (${code})`;
  const { id } = await db
    .insertInto('accounts')
    .values({
      book_id: scope.bookId,
      ...nameColumns(name),
      type: spec.type,
      subtype: spec.subtype,
      currency: code,
      role,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
