/**
 * Writes a demo plan into a new book through the same services the API uses (createBook,
 * createAccount, createTransaction), so the demo data obeys every ledger rule. The whole book is
 * one database transaction (the services join it: see `inTransaction`): fast, and all or nothing.
 */
import type { MoneyJson } from '../../contract/common.ts';
import { type CurrencyCode, currency, exponentOf, formatMinor } from '../../core/money/index.ts';
import type { Db } from '../../db/connect.ts';
import { inTransaction } from '../../db/transaction.ts';
import { toCount } from '../../db/values.ts';
import { createAccount, insertAccount } from '../../server/features/accounts/service.ts';
import { createBook } from '../../server/features/books/service.ts';
import { createGroup } from '../../server/features/category-groups/service.ts';
import { countRows } from '../../server/features/integrity/ledger-checks.ts';
import { createTransaction } from '../../server/features/transactions/service.ts';
import type { BookScope } from '../../server/types.ts';
import { DEMO_CURRENCY, type PostingTarget } from './catalogue.ts';
import type { DemoPlan, PlannedPosting } from './plan.ts';

export const DEMO_BOOK_NAME = 'Demo household';

export interface DemoCounts {
  readonly accounts: number;
  readonly categoryGroups: number;
  readonly categories: number;
  readonly payees: number;
  readonly transactions: number;
  readonly postings: number;
}

export interface DemoResult {
  readonly bookId: number;
  readonly counts: DemoCounts;
}

function moneyOf(minor: bigint, code: CurrencyCode): MoneyJson {
  return { amount: formatMinor(minor, exponentOf(code)), currency: code };
}

/** Creates the book "Demo household" for `userId` (its owner) and writes the plan into it. */
export async function writeDemo(db: Db, userId: number, plan: DemoPlan, now: string): Promise<DemoResult> {
  return inTransaction(db, async (tx) => {
    const book = await createBook(tx, userId, { name: DEMO_BOOK_NAME, baseCurrency: DEMO_CURRENCY }, now);
    const scope: BookScope = { bookId: book.id, userId, role: 'owner', baseCurrency: book.baseCurrency };
    const targets = new Map<PostingTarget, { id: number; currency: CurrencyCode }>();

    for (const [position, group] of plan.groups.entries()) {
      const { id: groupId } = await createGroup(
        tx,
        scope,
        { name: group.name, kind: group.kind, position },
        now,
      );
      for (const name of group.categories) {
        const row = await insertAccount(tx, scope, { name, type: group.kind, groupId }, now);
        targets.set(name, { id: row.id, currency: currency(row.currency) });
      }
    }

    for (const account of plan.accounts) {
      const code = currency(account.currency);
      const row = await createAccount(
        tx,
        scope,
        {
          name: account.name,
          type: account.type,
          subtype: account.subtype,
          currency: code,
          openingBalance: account.opening === 0n ? undefined : moneyOf(account.opening, code),
          openingDate: plan.startDate,
        },
        now,
      );
      targets.set(account.key, { id: row.id, currency: code });
    }

    const posting = (planned: PlannedPosting) => {
      const target = targets.get(planned.target)!;
      return {
        accountId: target.id,
        amount: moneyOf(planned.amount, target.currency),
        ...(planned.value !== undefined && { value: moneyOf(planned.value, currency(DEMO_CURRENCY)) }),
        ...(planned.memo !== undefined && { memo: planned.memo }),
      };
    };
    for (const planned of plan.transactions) {
      await createTransaction(
        tx,
        scope,
        {
          date: planned.date,
          currency: DEMO_CURRENCY,
          ...(planned.payee !== null && { payeeName: planned.payee }),
          description: planned.description,
          status: planned.status,
          postings: planned.postings.map(posting),
        },
        now,
      );
    }
    return { bookId: book.id, counts: await countBook(tx, book.id) };
  });
}

/** The book's rows; accounts and categories as `moneta check` counts them (equity left out). */
async function countBook(db: Db, bookId: number): Promise<DemoCounts> {
  const count = async (table: 'category_groups' | 'payees') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('book_id', '=', bookId)
      .executeTakeFirstOrThrow();
    return toCount(row.n);
  };
  const { accounts, categories, transactions, postings } = await countRows(db, bookId);
  return {
    accounts,
    categoryGroups: await count('category_groups'),
    categories,
    payees: await count('payees'),
    transactions,
    postings,
  };
}
