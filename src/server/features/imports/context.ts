import type { PlanContext, RowClassifier } from '../../../core/import/plan.ts';
import type { PostingAccount } from '../../../core/ledger/transaction.ts';
import type { CurrencyCode } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { toFlag } from '../../../db/values.ts';
import type { AccountRow } from '../accounts/queries.ts';

/** A suggestion at least this confident is applied to an imported row; weaker ones are only shown. */
export const AUTO_SUGGEST_CONFIDENCE = 0.8;

export interface BookPlanContext extends PlanContext {
  categoryNames: Map<number, string>;
  accountNames: Map<number, string>;
  /** Every account of the book as the ledger core checks postings against it. */
  postingAccounts: Map<number, PostingAccount>;
}

/** Names of the book's categories, accounts and payee defaults: what the planner matches file text against. */
export async function loadPlanContext(
  db: Db,
  bookId: number,
  account: AccountRow,
  classify: RowClassifier | null,
  suggestEveryRow: boolean,
): Promise<BookPlanContext> {
  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'name_key', 'type', 'archived', 'role', 'currency'])
    .where('book_id', '=', bookId)
    .execute();
  const categoriesByName = new Map<string, number>();
  const accountsByName = new Map<string, number>();
  const categoryNames = new Map<number, string>();
  const accountNames = new Map<number, string>();
  const postingAccounts = new Map<number, PostingAccount>();
  for (const row of accounts) {
    postingAccounts.set(row.id, {
      id: row.id,
      currency: row.currency as CurrencyCode,
      archived: toFlag(row.archived),
    });
    if (row.type === 'income' || row.type === 'expense') {
      categoryNames.set(row.id, row.name);
      if (!row.role) categoriesByName.set(row.name_key, row.id);
    } else {
      accountNames.set(row.id, row.name);
      if (!row.archived && !row.role) accountsByName.set(row.name_key, row.id);
    }
  }
  const payees = await db
    .selectFrom('payees')
    .select(['name_key', 'default_category_id'])
    .where('book_id', '=', bookId)
    .where('default_category_id', 'is not', null)
    .execute();
  return {
    accountId: account.id,
    currency: account.currency as CurrencyCode,
    categoriesByName,
    accountsByName,
    payeeDefaults: new Map(payees.map((p) => [p.name_key, p.default_category_id!])),
    classify,
    autoSuggestConfidence: AUTO_SUGGEST_CONFIDENCE,
    suggestEveryRow,
    categoryNames,
    accountNames,
    postingAccounts,
  };
}
