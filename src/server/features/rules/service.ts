import { type FieldError, fail } from '../../../core/errors.ts';
import { type RuleDraft, validateRule } from '../../../core/rules/validate.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import {
  type BookReferences,
  getRule,
  listRules,
  loadReferences,
  nextPosition,
  type RuleRow,
  ruleOf,
} from './queries.ts';

export async function requireRule(db: Db, bookId: number, id: number): Promise<RuleRow> {
  const row = await getRule(db, bookId, id);
  if (!row) fail('NOT_FOUND', `There is no rule ${id} in this book.`);
  return row;
}

/**
 * The ids a rule refers to that the book does not have: categories must be its income or expense
 * accounts (and not archived), accounts its asset or liability accounts, tags its tags.
 */
export function referenceErrors(draft: RuleDraft, references: BookReferences): FieldError[] {
  const errors: FieldError[] = [];
  const category = (id: number, field: string) => {
    const found = references.categories.get(id);
    if (!found)
      errors.push({ field, code: 'UNKNOWN_ACCOUNT', message: `There is no category ${id} in this book.` });
    else if (found.archived)
      errors.push({ field, code: 'ACCOUNT_ARCHIVED', message: `Category ${id} is archived.` });
  };
  draft.conditions.forEach((condition, i) => {
    if (condition.field !== 'account') return;
    condition.accountIds.forEach((id, j) => {
      if (!references.accounts.has(id)) {
        errors.push({
          field: `/conditions/${i}/accountIds/${j}`,
          code: 'UNKNOWN_ACCOUNT',
          message: `There is no asset or liability account ${id} in this book.`,
        });
      }
    });
  });
  draft.actions.forEach((action, i) => {
    if (action.type === 'setCategory') category(action.categoryId, `/actions/${i}/categoryId`);
    if (action.type === 'split') {
      for (const [j, part] of action.parts.entries())
        category(part.categoryId, `/actions/${i}/parts/${j}/categoryId`);
    }
    if (action.type === 'addTag' && !references.tags.has(action.tagId)) {
      errors.push({
        field: `/actions/${i}/tagId`,
        code: 'UNKNOWN_TAG',
        message: `There is no tag ${action.tagId} in this book.`,
      });
    }
  });
  return errors;
}

/** Checks a rule completely (shape, patterns, amounts, and what it refers to) or fails with every problem. */
async function checkedDraft(db: Db, bookId: number, input: unknown): Promise<RuleDraft> {
  const draft = validateRule(input);
  const errors = referenceErrors(draft, await loadReferences(db, bookId));
  if (errors.length > 0) fail(errors[0]!.code, errors[0]!.message, errors);
  return draft;
}

function columns(draft: RuleDraft) {
  return {
    name: draft.name,
    enabled: draft.enabled ? 1 : 0,
    match: draft.match,
    conditions: JSON.stringify(draft.conditions),
    actions: JSON.stringify(draft.actions),
  };
}

/** Adds a rule after the book's last one. */
export async function createRule(db: Db, scope: BookScope, input: unknown, now: string): Promise<RuleRow> {
  return inTransaction(db, async (trx) => {
    const draft = await checkedDraft(trx, scope.bookId, input);
    return trx
      .insertInto('rules')
      .values({
        book_id: scope.bookId,
        position: await nextPosition(trx, scope.bookId),
        ...columns(draft),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export interface RulePatchInput {
  name?: string | undefined;
  enabled?: boolean | undefined;
  match?: 'all' | 'any' | undefined;
  conditions?: unknown[] | undefined;
  actions?: unknown[] | undefined;
}

/** Changes a rule: the fields given replace the old ones, and the whole rule is checked again. */
export async function updateRule(
  db: Db,
  scope: BookScope,
  id: number,
  patch: RulePatchInput,
  now: string,
): Promise<RuleRow> {
  return inTransaction(db, async (trx) => {
    const existing = ruleOf(await requireRule(trx, scope.bookId, id));
    const merged = Object.fromEntries(
      Object.entries({ ...existing, ...patch }).filter(([, value]) => value !== undefined),
    );
    const draft = await checkedDraft(trx, scope.bookId, merged);
    return trx
      .updateTable('rules')
      .set({ ...columns(draft), updated_at: now })
      .where('id', '=', id)
      .where('book_id', '=', scope.bookId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function deleteRule(db: Db, scope: BookScope, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await requireRule(trx, scope.bookId, id);
    await trx.deleteFrom('rules').where('id', '=', id).where('book_id', '=', scope.bookId).execute();
  });
}

/**
 * Fails with NOT_FOUND, at `<list>/<index>`, for each of `ids` that is not one of the book's rules
 * (`known`): the answer GET /rules/{id} gives for it.
 */
export function requireKnownRules(known: ReadonlySet<number>, ids: readonly number[], list: string): void {
  const errors: FieldError[] = ids.flatMap((id, index) =>
    known.has(id)
      ? []
      : [
          {
            field: `${list}/${index}`,
            code: 'NOT_FOUND' as const,
            message: `There is no rule ${id} in this book.`,
          },
        ],
  );
  if (errors.length > 0) fail('NOT_FOUND', errors[0]!.message, errors);
}

/** Puts the book's rules in the order of `ids`, which must name each of them exactly once. */
export async function reorderRules(
  db: Db,
  scope: BookScope,
  ids: readonly number[],
  now: string,
): Promise<RuleRow[]> {
  return inTransaction(db, async (trx) => {
    const existing = new Set((await listRules(trx, scope.bookId)).map((row) => row.id));
    requireKnownRules(existing, ids, '/ids');
    const errors: FieldError[] = [];
    const seen = new Set<number>();
    ids.forEach((id, index) => {
      if (seen.has(id))
        errors.push({
          field: `/ids/${index}`,
          code: 'VALIDATION_FAILED',
          message: `Rule ${id} is listed twice.`,
        });
      seen.add(id);
    });
    const missing = [...existing].filter((id) => !seen.has(id));
    if (missing.length > 0) {
      errors.push({
        field: '/ids',
        code: 'VALIDATION_FAILED',
        message: `List every rule of the book; missing: ${missing.join(', ')}.`,
      });
    }
    if (errors.length > 0) fail('VALIDATION_FAILED', errors[0]!.message, errors);
    for (const [position, id] of ids.entries()) {
      await trx
        .updateTable('rules')
        .set({ position, updated_at: now })
        .where('id', '=', id)
        .where('book_id', '=', scope.bookId)
        .execute();
    }
    return listRules(trx, scope.bookId);
  });
}
