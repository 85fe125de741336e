import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupDocument,
  type BackupPosting,
} from '../../../core/export/backup-types.ts';
import type { AccountSubtype } from '../../../core/ledger/account.ts';
import { type CurrencyCode, exponentOf, formatMinor, isCurrencyCode } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { toFlag, toMinor } from '../../../db/values.ts';

/** Minor units as the backup writes them: an exact decimal string of the currency. */
function decimal(value: number | string | bigint, code: string): string {
  return formatMinor(toMinor(value), isCurrencyCode(code) ? exponentOf(code as CurrencyCode) : 2);
}

function parsedJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/**
 * The whole book as a backup document (see src/core/export/backup-types.ts), read in one
 * read-only database transaction so that it is one consistent snapshot (REPEATABLE READ on
 * PostgreSQL; SQLite's transaction is a snapshot already). Rows come ordered by id.
 */
export async function readBackup(db: Db, bookId: number, exportedAt: string): Promise<BackupDocument> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const [book, groups, accounts, payees, tags, batches, transactions] = await Promise.all([
        trx.selectFrom('books').selectAll().where('id', '=', bookId).executeTakeFirstOrThrow(),
        trx.selectFrom('category_groups').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx.selectFrom('accounts').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx.selectFrom('payees').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx.selectFrom('tags').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx.selectFrom('import_batches').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx.selectFrom('transactions').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
      ]);
      const [postings, transactionTags, budgets, amounts, notifications] = await Promise.all([
        trx
          .selectFrom('postings')
          .select(['transaction_id', 'account_id', 'amount', 'value', 'memo'])
          .where('book_id', '=', bookId)
          .orderBy('transaction_id')
          .orderBy('position')
          .execute(),
        trx
          .selectFrom('transaction_tags')
          .select(['transaction_id', 'tag_id'])
          .where('book_id', '=', bookId)
          .orderBy('transaction_id')
          .orderBy('tag_id')
          .execute(),
        trx.selectFrom('budgets').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx
          .selectFrom('budget_amounts')
          .innerJoin('budgets', 'budgets.id', 'budget_amounts.budget_id')
          .select(['budget_amounts.budget_id', 'budget_amounts.from_date', 'budget_amounts.amount'])
          .where('budgets.book_id', '=', bookId)
          .orderBy('budget_amounts.budget_id')
          .orderBy('budget_amounts.from_date')
          .execute(),
        trx.selectFrom('notifications').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
      ]);
      const [settings, assignments, moves, profiles, rules, reconciliations] = await Promise.all([
        trx.selectFrom('envelope_settings').selectAll().where('book_id', '=', bookId).executeTakeFirst(),
        trx
          .selectFrom('envelope_assignments')
          .selectAll()
          .where('book_id', '=', bookId)
          .orderBy('month')
          .orderBy('category_id')
          .execute(),
        trx.selectFrom('envelope_moves').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx.selectFrom('import_profiles').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx.selectFrom('rules').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
        trx.selectFrom('reconciliations').selectAll().where('book_id', '=', bookId).orderBy('id').execute(),
      ]);

      // An import still being written (or cut off, awaiting removal) is not part of the book yet: the
      // backup is the book as it stands if that import never completes.
      const unfinished = new Set(batches.filter((b) => b.status !== 'complete').map((b) => b.id));
      const completeBatches = batches.filter((b) => !unfinished.has(b.id));
      const bookTransactions = transactions.filter(
        (t) => t.import_batch_id === null || !unfinished.has(t.import_batch_id),
      );
      const currencyOf = new Map(accounts.map((a) => [a.id, a.currency]));
      const transactionCurrency = new Map(transactions.map((t) => [t.id, t.currency]));
      const postingsOf = new Map<number, BackupPosting[]>();
      for (const p of postings) {
        const list = postingsOf.get(p.transaction_id) ?? [];
        list.push({
          accountId: p.account_id,
          amount: decimal(p.amount, currencyOf.get(p.account_id)!),
          value: decimal(p.value, transactionCurrency.get(p.transaction_id)!),
          memo: p.memo,
        });
        postingsOf.set(p.transaction_id, list);
      }
      const tagsOf = new Map<number, number[]>();
      for (const t of transactionTags)
        tagsOf.set(t.transaction_id, [...(tagsOf.get(t.transaction_id) ?? []), t.tag_id]);
      const budgetCurrency = new Map(budgets.map((b) => [b.id, b.currency]));
      const amountsOf = new Map<number, { from: string; amount: string }[]>();
      for (const a of amounts) {
        const list = amountsOf.get(a.budget_id) ?? [];
        list.push({ from: a.from_date, amount: decimal(a.amount, budgetCurrency.get(a.budget_id)!) });
        amountsOf.set(a.budget_id, list);
      }
      const base = book.base_currency;

      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt,
        book: {
          id: book.id,
          name: book.name,
          baseCurrency: base,
          createdAt: book.created_at,
          updatedAt: book.updated_at,
        },
        categoryGroups: groups.map((g) => ({
          id: g.id,
          name: g.name,
          kind: g.kind,
          position: g.position,
          hidden: toFlag(g.hidden),
          createdAt: g.created_at,
          updatedAt: g.updated_at,
        })),
        accounts: accounts.map((a) => ({
          id: a.id,
          name: a.name,
          type: a.type,
          subtype: a.subtype as AccountSubtype | null,
          currency: a.currency,
          parentId: a.parent_id,
          groupId: a.group_id,
          role: a.role,
          notes: a.notes,
          archived: toFlag(a.archived),
          hidden: toFlag(a.hidden),
          target: a.target === null ? null : decimal(a.target, a.currency),
          createdAt: a.created_at,
          updatedAt: a.updated_at,
        })),
        payees: payees.map((p) => ({
          id: p.id,
          name: p.name,
          defaultCategoryId: p.default_category_id,
          createdAt: p.created_at,
          updatedAt: p.updated_at,
        })),
        tags: tags.map((t) => ({
          id: t.id,
          name: t.name,
          color: t.color,
          createdAt: t.created_at,
          updatedAt: t.updated_at,
        })),
        importBatches: completeBatches.map((b) => ({
          id: b.id,
          accountId: b.account_id,
          format: b.format,
          fileName: b.file_name,
          fileSha256: b.file_sha256,
          transactionCount: b.transaction_count,
          skippedCount: b.skipped_count,
          createdAt: b.created_at,
          undoneAt: b.undone_at,
        })),
        reconciliations: reconciliations.map((r) => ({
          id: r.id,
          accountId: r.account_id,
          statementDate: r.statement_date,
          statementBalance: decimal(r.statement_balance, currencyOf.get(r.account_id)!),
          transactionCount: r.transaction_count,
          createdAt: r.created_at,
        })),
        transactions: bookTransactions.map((t) => ({
          id: t.id,
          date: t.date,
          currency: t.currency,
          payeeId: t.payee_id,
          description: t.description,
          notes: t.notes,
          status: t.status,
          tagIds: tagsOf.get(t.id) ?? [],
          importBatchId: t.import_batch_id,
          reconciliationId: t.reconciliation_id,
          importKey: t.import_key,
          createdAt: t.created_at,
          updatedAt: t.updated_at,
          postings: postingsOf.get(t.id) ?? [],
        })),
        budgets: budgets.map((b) => ({
          id: b.id,
          name: b.name,
          categoryId: b.category_id,
          groupId: b.group_id,
          recurrence: parsedJson<Record<string, unknown>>(b.recurrence),
          rollover: b.rollover,
          currency: b.currency,
          createdAt: b.created_at,
          updatedAt: b.updated_at,
          amounts: amountsOf.get(b.id) ?? [],
        })),
        notifications: notifications.map((n) => ({
          budgetId: n.budget_id,
          periodStart: n.period_start,
          periodEnd: n.period_end,
          threshold: n.threshold,
          spent: decimal(n.spent, n.currency),
          available: decimal(n.available, n.currency),
          currency: n.currency,
          createdAt: n.created_at,
          dismissedAt: n.dismissed_at,
        })),
        envelope: {
          settings: settings
            ? {
                enabled: toFlag(settings.enabled),
                startedMonth: settings.started_month,
                updatedAt: settings.updated_at,
              }
            : null,
          assignments: assignments.map((a) => ({
            month: a.month,
            categoryId: a.category_id,
            amount: decimal(a.amount, base),
            updatedAt: a.updated_at,
          })),
          moves: moves.map((m) => ({
            month: m.month,
            fromCategoryId: m.from_category_id,
            toCategoryId: m.to_category_id,
            amount: decimal(m.amount, base),
            createdAt: m.created_at,
          })),
        },
        importProfiles: profiles.map((p) => ({
          id: p.id,
          accountId: p.account_id,
          name: p.name,
          mapping: parsedJson<Record<string, unknown>>(p.mapping),
          headerKey: p.header_key,
          createdAt: p.created_at,
          updatedAt: p.updated_at,
        })),
        rules: rules.map((r) => ({
          id: r.id,
          name: r.name,
          position: r.position,
          enabled: toFlag(r.enabled),
          match: r.match,
          conditions: parsedJson<Record<string, unknown>[]>(r.conditions),
          actions: parsedJson<Record<string, unknown>[]>(r.actions),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        })),
      };
    });
}
