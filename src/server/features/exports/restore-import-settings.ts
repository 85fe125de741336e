import { remapRule } from '../../../core/export/backup-references.ts';
import type { BackupDocument } from '../../../core/export/backup-types.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import { fromFlag } from '../../../db/values.ts';
import { insertRows, mapped } from './restore-rows.ts';

/** Saved CSV mappings and rules, with the ids inside the rules remapped. */
export async function restoreImportSettings(
  trx: Db,
  bookId: number,
  doc: BackupDocument,
  maps: Parameters<typeof remapRule>[1],
): Promise<void> {
  const profiles = doc.importProfiles.map((p) => ({
    book_id: bookId,
    account_id: mapped(maps.account, p.accountId),
    ...nameColumns(p.name),
    mapping: JSON.stringify(p.mapping),
    header_key: p.headerKey,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  }));
  await insertRows(trx, 'import_profiles', profiles);
  const rules = doc.rules.map((r) => {
    const { conditions, actions } = remapRule(r, maps);
    return {
      book_id: bookId,
      name: r.name,
      position: r.position,
      enabled: fromFlag(r.enabled),
      match: r.match,
      conditions: JSON.stringify(conditions),
      actions: JSON.stringify(actions),
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    };
  });
  await insertRows(trx, 'rules', rules);
}
