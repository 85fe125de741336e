import type { Selectable } from 'kysely';
import { reassignCategory } from '../../../core/rules/reassign.ts';
import type { Rule, RuleAction, RuleCondition } from '../../../core/rules/types.ts';
import type { Db } from '../../../db/connect.ts';
import type { RuleTable } from '../../../db/schema-import.ts';
import { toFlag } from '../../../db/values.ts';

export type RuleRow = Selectable<RuleTable>;

/** The core's view of a stored rule (conditions and actions are JSON text in the table). */
export function ruleOf(row: RuleRow): Rule {
  return {
    id: row.id,
    name: row.name,
    enabled: toFlag(row.enabled),
    match: row.match,
    conditions: JSON.parse(row.conditions) as RuleCondition[],
    actions: JSON.parse(row.actions) as RuleAction[],
  };
}

/** A rule as the API shows it. */
export function ruleJson(row: RuleRow) {
  return {
    ...ruleOf(row),
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The book's rules in the order they run. */
export function listRules(db: Db, bookId: number): Promise<RuleRow[]> {
  return db
    .selectFrom('rules')
    .selectAll()
    .where('book_id', '=', bookId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function getRule(db: Db, bookId: number, id: number): Promise<RuleRow | undefined> {
  return db
    .selectFrom('rules')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The position after the book's last rule. */
export async function nextPosition(db: Db, bookId: number): Promise<number> {
  const row = await db
    .selectFrom('rules')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('book_id', '=', bookId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** What a rule may refer to: the book's categories, balance-sheet accounts and tags. */
export interface BookReferences {
  /** Income and expense accounts, with whether they are archived. */
  categories: Map<number, { archived: boolean; currency: string }>;
  /** Asset and liability accounts. */
  accounts: Set<number>;
  tags: Set<number>;
}

export async function loadReferences(db: Db, bookId: number): Promise<BookReferences> {
  const [accounts, tags] = await Promise.all([
    db
      .selectFrom('accounts')
      .select(['id', 'type', 'archived', 'currency'])
      .where('book_id', '=', bookId)
      .execute(),
    db.selectFrom('tags').select('id').where('book_id', '=', bookId).execute(),
  ]);
  const references: BookReferences = { categories: new Map(), accounts: new Set(), tags: new Set() };
  for (const account of accounts) {
    if (account.type === 'income' || account.type === 'expense')
      references.categories.set(account.id, {
        archived: toFlag(account.archived),
        currency: account.currency,
      });
    else if (account.type === 'asset' || account.type === 'liability') references.accounts.add(account.id);
  }
  for (const tag of tags) references.tags.add(tag.id);
  return references;
}

/** After a category merge: the book's rules that named the merged category name the target instead. */
export async function reassignRuleCategories(
  db: Db,
  bookId: number,
  fromId: number,
  toId: number,
  now: string,
): Promise<void> {
  for (const row of await listRules(db, bookId)) {
    const actions = reassignCategory(JSON.parse(row.actions) as RuleAction[], fromId, toId);
    if (actions) {
      await db
        .updateTable('rules')
        .set({ actions: JSON.stringify(actions), updated_at: now })
        .where('id', '=', row.id)
        .execute();
    }
  }
}
