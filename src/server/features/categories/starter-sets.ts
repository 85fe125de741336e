import {
  type StarterLanguage,
  type StarterSetId,
  starterSet,
} from '../../../core/categories/starter-sets.ts';
import { foldText } from '../../../core/text/fold.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import type { AccountRow } from '../accounts/queries.ts';
import { type CategoryGroupRow, listGroups } from '../category-groups/queries.ts';
import { createGroup } from '../category-groups/service.ts';
import { createCategory } from './service.ts';

/**
 * Adds a starter set's groups and categories to the book, in one transaction. A name the book
 * already uses for a category is skipped (whatever its group), and a group of the same kind and
 * name takes the set's categories, so adding a set twice, or after renaming some, makes nothing twice.
 */
export async function addStarterSet(
  db: Db,
  scope: BookScope,
  set: StarterSetId,
  language: StarterLanguage,
  now: string,
): Promise<{ groups: CategoryGroupRow[]; categories: AccountRow[]; skipped: string[] }> {
  return inTransaction(db, async (trx) => {
    const groupsByKey = new Map(
      (await listGroups(trx, scope.bookId)).map((group) => [`${group.kind}:${group.name_key}`, group]),
    );
    const taken = new Set(
      (
        await trx
          .selectFrom('accounts')
          .select('name_key')
          .where('book_id', '=', scope.bookId)
          .where('type', 'in', ['income', 'expense'])
          .execute()
      ).map((row) => row.name_key),
    );
    const made = {
      groups: [] as CategoryGroupRow[],
      categories: [] as AccountRow[],
      skipped: [] as string[],
    };
    for (const group of starterSet(set, language)) {
      const names = group.categories.filter((name) => {
        if (!taken.has(foldText(name))) return true;
        made.skipped.push(name);
        return false;
      });
      if (names.length === 0) continue;
      let row = groupsByKey.get(`${group.kind}:${foldText(group.name)}`);
      if (!row) {
        row = await createGroup(trx, scope, { name: group.name, kind: group.kind }, now);
        made.groups.push(row);
      }
      for (const name of names) {
        made.categories.push(
          await createCategory(trx, scope, { name, kind: group.kind, groupId: row.id }, now),
        );
      }
    }
    return made;
  });
}
