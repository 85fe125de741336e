/**
 * Ids that hide inside JSON and text columns of a backup: the account, category and tag ids of a
 * rule's conditions and actions, and the account id that prefixes an import key. Restore must find
 * them (a dangling one refuses the backup) and give them their new values.
 */
import type { BackupRule } from './backup-types.ts';

export type ReferenceKind = 'account' | 'category' | 'tag';

export interface Reference {
  /** JSON pointer inside the rule, e.g. `/actions/0/categoryId`. */
  readonly path: string;
  readonly kind: ReferenceKind;
  readonly id: unknown;
}

/** Where the references of one condition or action sit, by the kind of id they hold. */
interface Place {
  readonly kind: ReferenceKind;
  read(part: Record<string, unknown>): { key: string; ids: unknown[]; many: boolean }[];
}

const CONDITION_PLACES: Place[] = [
  {
    kind: 'account',
    read: (part) =>
      part.field === 'account' ? [{ key: 'accountIds', ids: asArray(part.accountIds), many: true }] : [],
  },
];

const ACTION_PLACES: Place[] = [
  {
    kind: 'category',
    read: (part) =>
      part.type === 'setCategory' ? [{ key: 'categoryId', ids: [part.categoryId], many: false }] : [],
  },
  {
    kind: 'tag',
    read: (part) => (part.type === 'addTag' ? [{ key: 'tagId', ids: [part.tagId], many: false }] : []),
  },
];

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function splitParts(action: Record<string, unknown>): Record<string, unknown>[] {
  if (action.type !== 'split') return [];
  return asArray(action.parts).filter(
    (part): part is Record<string, unknown> => part !== null && typeof part === 'object',
  );
}

/** Every id a rule refers to, with where it sits. */
export function ruleReferences(rule: Pick<BackupRule, 'conditions' | 'actions'>): Reference[] {
  const found: Reference[] = [];
  const scan = (parts: Record<string, unknown>[], places: Place[], prefix: string) => {
    for (const [index, part] of parts.entries())
      for (const place of places)
        for (const { key, ids, many } of place.read(part))
          for (const [i, id] of ids.entries())
            found.push({ path: `${prefix}/${index}/${key}${many ? `/${i}` : ''}`, kind: place.kind, id });
  };
  scan(rule.conditions, CONDITION_PLACES, '/conditions');
  scan(rule.actions, ACTION_PLACES, '/actions');
  for (const [index, action] of rule.actions.entries())
    for (const [p, part] of splitParts(action).entries())
      found.push({ path: `/actions/${index}/parts/${p}/categoryId`, kind: 'category', id: part.categoryId });
  return found;
}

export type IdMaps = Readonly<Record<ReferenceKind, ReadonlyMap<number, number>>>;

/** The rule's conditions and actions with every id replaced by its new one (unknown ids stay). */
export function remapRule(
  rule: Pick<BackupRule, 'conditions' | 'actions'>,
  maps: IdMaps,
): Pick<BackupRule, 'conditions' | 'actions'> {
  const swap = (kind: ReferenceKind, id: unknown) =>
    typeof id === 'number' ? (maps[kind].get(id) ?? id) : id;
  const conditions = rule.conditions.map((condition) =>
    condition.field === 'account'
      ? { ...condition, accountIds: asArray(condition.accountIds).map((id) => swap('account', id)) }
      : { ...condition },
  );
  const actions = rule.actions.map((action) => {
    if (action.type === 'setCategory') return { ...action, categoryId: swap('category', action.categoryId) };
    if (action.type === 'addTag') return { ...action, tagId: swap('tag', action.tagId) };
    if (action.type === 'split') {
      return {
        ...action,
        parts: asArray(action.parts).map((part) =>
          part !== null && typeof part === 'object'
            ? { ...part, categoryId: swap('category', (part as Record<string, unknown>).categoryId) }
            : part,
        ),
      };
    }
    return { ...action };
  });
  return { conditions, actions };
}

const KEY_ACCOUNT = /^(\d{1,10}):/;

/** The account id an import key starts with (`'12:id:FITID…'`), if it starts with one. */
export function importKeyAccount(key: string): number | undefined {
  const match = KEY_ACCOUNT.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** The import key with its account id replaced. */
export function remapImportKey(key: string, accounts: ReadonlyMap<number, number>): string {
  const old = importKeyAccount(key);
  if (old === undefined) return key;
  return key.replace(KEY_ACCOUNT, `${accounts.get(old) ?? old}:`);
}
