import { checkBackup } from '../../../core/export/backup-check.ts';
import { remapImportKey } from '../../../core/export/backup-references.ts';
import type { BackupDocument } from '../../../core/export/backup-types.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { fromFlag } from '../../../db/values.ts';
import { rebuildAccountMonths } from '../accounts/ledger-totals.ts';
import type { BookRecord } from '../books/queries.ts';
import { createBook } from '../books/service.ts';
import { contentColumns } from '../transactions/ledger-writes.ts';
import { restoreBudgets, restoreEnvelope } from './restore-budgets.ts';
import { restoreImportSettings } from './restore-import-settings.ts';
import { insertAll, insertNumbered, insertRows, mapped, minor } from './restore-rows.ts';

export interface RestoreResult {
  book: BookRecord;
  counts: {
    accounts: number;
    categoryGroups: number;
    payees: number;
    tags: number;
    transactions: number;
    postings: number;
    budgets: number;
    rules: number;
    importProfiles: number;
    importBatches: number;
  };
}

/**
 * Restores a backup into a NEW book owned by `userId`, with every id remapped, in one database
 * transaction: a backup that fails its checks (INVALID_BACKUP) or a failure while writing leaves
 * nothing behind. Timestamps are kept, the book's too (only the caller's membership is new). Who
 * created a row is not in a backup and restores as unknown (null).
 */
export async function restoreBackup(
  db: Db,
  userId: number,
  input: unknown,
  now: string,
  name?: string,
): Promise<RestoreResult> {
  const { document: doc, transactions: ledger, balances } = checkBackup(input);
  return inTransaction(db, async (trx) => {
    const book = await createBook(
      trx,
      userId,
      { name: name ?? doc.book.name, baseCurrency: doc.book.baseCurrency },
      now,
      doc.book,
    );
    const bookId = book.id;

    const groups = await insertNumbered(trx, 'category_groups', doc.categoryGroups, (g) => ({
      book_id: bookId,
      ...nameColumns(g.name),
      kind: g.kind,
      position: g.position,
      hidden: fromFlag(g.hidden),
      created_at: g.createdAt,
      updated_at: g.updatedAt,
    }));

    const accounts = await insertNumbered(trx, 'accounts', doc.accounts, (a) => ({
      book_id: bookId,
      ...nameColumns(a.name),
      type: a.type,
      subtype: a.subtype,
      currency: a.currency,
      // Parents are set below, once every account has its new id.
      parent_id: null,
      group_id: mapped(groups, a.groupId),
      role: a.role,
      notes: a.notes,
      archived: fromFlag(a.archived),
      hidden: fromFlag(a.hidden),
      balance: balances.get(a.id) ?? 0n,
      target: a.target === null ? null : minor(a.target, a.currency),
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    }));
    for (const account of doc.accounts.filter((a) => a.parentId !== null)) {
      await trx
        .updateTable('accounts')
        .set({ parent_id: mapped(accounts, account.parentId) })
        .where('id', '=', accounts.get(account.id)!)
        .execute();
    }

    const payees = await insertNumbered(trx, 'payees', doc.payees, (p) => ({
      book_id: bookId,
      ...nameColumns(p.name),
      default_category_id: mapped(accounts, p.defaultCategoryId),
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    }));

    const tags = await insertNumbered(trx, 'tags', doc.tags, (t) => ({
      book_id: bookId,
      ...nameColumns(t.name),
      color: t.color,
      created_at: t.createdAt,
      updated_at: t.updatedAt,
    }));

    const batches = await insertNumbered(trx, 'import_batches', doc.importBatches, (b) => ({
      book_id: bookId,
      account_id: mapped(accounts, b.accountId),
      format: b.format,
      file_name: b.fileName,
      file_sha256: b.fileSha256,
      transaction_count: b.transactionCount,
      skipped_count: b.skippedCount,
      created_by: null,
      created_at: b.createdAt,
      undone_at: b.undoneAt,
      undone_by: null,
    }));

    const currencyOf = new Map(doc.accounts.map((a) => [a.id, a.currency]));
    const reconciliations = await insertNumbered(trx, 'reconciliations', doc.reconciliations, (r) => ({
      book_id: bookId,
      account_id: accounts.get(r.accountId)!,
      statement_date: r.statementDate,
      statement_balance: minor(r.statementBalance, currencyOf.get(r.accountId)!),
      transaction_count: r.transactionCount,
      created_by: null,
      created_at: r.createdAt,
    }));

    const counts = await restoreLedger(trx, bookId, doc, ledger, {
      accounts,
      payees,
      tags,
      batches,
      reconciliations,
    });
    await restoreBudgets(trx, bookId, doc, accounts, groups);
    await restoreEnvelope(trx, bookId, doc, accounts);
    await restoreImportSettings(trx, bookId, doc, { account: accounts, category: accounts, tag: tags });

    return {
      book,
      counts: {
        accounts: doc.accounts.length,
        categoryGroups: doc.categoryGroups.length,
        payees: doc.payees.length,
        tags: doc.tags.length,
        transactions: doc.transactions.length,
        postings: counts.postings,
        budgets: doc.budgets.length,
        rules: doc.rules.length,
        importProfiles: doc.importProfiles.length,
        importBatches: doc.importBatches.length,
      },
    };
  });
}

type Maps = Record<
  'accounts' | 'payees' | 'tags' | 'batches' | 'reconciliations',
  ReadonlyMap<number, number>
>;

async function restoreLedger(
  trx: Db,
  bookId: number,
  doc: BackupDocument,
  ledger: ReturnType<typeof checkBackup>['transactions'],
  maps: Maps,
): Promise<{ postings: number }> {
  const ids = await insertAll(
    doc.transactions.map((t, index) => ({ t, balanced: ledger[index]! })),
    (chunk) =>
      trx
        .insertInto('transactions')
        .values(
          chunk.map(({ t, balanced }) => ({
            book_id: bookId,
            ...contentColumns(
              {
                date: t.date,
                payeeId: mapped(maps.payees, t.payeeId),
                description: t.description,
                notes: t.notes,
                status: t.status,
              },
              balanced,
            ),
            created_by: null,
            created_at: t.createdAt,
            updated_by: null,
            updated_at: t.updatedAt,
            import_batch_id: mapped(maps.batches, t.importBatchId),
            reconciliation_id: mapped(maps.reconciliations, t.reconciliationId),
            import_key: t.importKey === null ? null : remapImportKey(t.importKey, maps.accounts),
          })),
        )
        .returning('id')
        .execute(),
  );
  const postings = doc.transactions.flatMap((t, index) =>
    ledger[index]!.postings.map((p, position) => ({
      book_id: bookId,
      transaction_id: ids[index]!,
      account_id: maps.accounts.get(p.accountId)!,
      date: t.date,
      amount: p.amount.minor,
      value: p.value.minor,
      memo: p.memo,
      position,
    })),
  );
  await insertRows(trx, 'postings', postings);
  await rebuildAccountMonths(trx, bookId);
  const tagRows = doc.transactions.flatMap((t, index) =>
    t.tagIds.map((tagId) => ({
      transaction_id: ids[index]!,
      tag_id: maps.tags.get(tagId)!,
      book_id: bookId,
    })),
  );
  await insertRows(trx, 'transaction_tags', tagRows);
  return { postings: postings.length };
}
