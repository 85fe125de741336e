/**
 * Which fields of a request carry ids, and of what: derived from the property names of the
 * OpenAPI schemas (`accountId`, `tagIds`, …), so the probes put another book's ids wherever a
 * request takes one. A new name ending in Id/Ids that is not listed here fails the probes.
 */
import type { JsonSchema, Operation } from './openapi-operations.ts';
import type { Resource } from './probe-book.ts';

/** `'collection'`: the item kind the operation's path works on (a merge's `into`, a delete's `moveTo`). */
type IdTarget = Resource | 'collection';

const ID_NAMES: Readonly<Record<string, IdTarget>> = {
  accountId: 'accounts',
  accountIds: 'accounts',
  categoryId: 'categories',
  categoryIds: 'categories',
  defaultCategoryId: 'categories',
  groupId: 'category-groups',
  payeeId: 'payees',
  payeeIds: 'payees',
  tagId: 'tags',
  tagIds: 'tags',
  addTagIds: 'tags',
  removeTagIds: 'tags',
  ruleIds: 'rules',
  profileId: 'import-profiles',
  userId: 'members',
  parentId: 'collection',
};

/** Integer fields whose names do not say they hold an id, by the operation's collection. */
const INTEGER_ALIASES: Readonly<Record<string, IdTarget>> = {
  into: 'collection',
  moveTo: 'collection',
  ids: 'collection',
  from: 'categories',
  to: 'categories',
};

const isInteger = (schema: JsonSchema): boolean =>
  schema.type === 'integer' ||
  (schema.type === 'array' && !!schema.items && isInteger(schema.items)) ||
  (schema.anyOf ?? []).some(isInteger);

/** The collection an operation works on: the first segment after the book (`categories`, `rules`). */
export function collectionOf(operation: Operation): string {
  const rest = operation.path.replace(/^\/api\/v1\/books\/\{bookId\}\/?/, '');
  return rest.split('/')[0] ?? '';
}

/** What the field named `name` holds the id of, or null when it holds no id. */
export function idTarget(operation: Operation, name: string, schema: JsonSchema): Resource | null {
  const target = ID_NAMES[name] ?? (isInteger(schema) ? INTEGER_ALIASES[name] : undefined);
  if (target === undefined) {
    if (/Ids?$/.test(name))
      throw new Error(`${operation.key}: classify the id field "${name}" in id-fields.ts`);
    return null;
  }
  return (target === 'collection' ? collectionOf(operation) : target) as Resource;
}

/** The names of every id field of a schema, at any depth and in every branch. */
export function idFieldNames(operation: Operation, schema: JsonSchema | null): Set<string> {
  const names = new Set<string>();
  const visit = (node: JsonSchema | undefined) => {
    if (!node) return;
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      if (idTarget(operation, name, property)) names.add(name);
      visit(property);
    }
    visit(node.items);
    for (const branch of node.anyOf ?? []) visit(branch);
  };
  visit(schema ?? undefined);
  return names;
}

export interface IdOccurrence {
  /** JSON pointer of the id in the body (`/postings/1/accountId`, `/tagIds/0`). */
  pointer: string;
  resource: Resource;
}

/** Every id in an example body, by the names `idFieldNames` found in its schema. */
export function idOccurrences(
  operation: Operation,
  body: unknown,
  names: ReadonlySet<string>,
): IdOccurrence[] {
  const found: IdOccurrence[] = [];
  const visit = (value: unknown, pointer: string) => {
    if (Array.isArray(value)) for (const [i, item] of value.entries()) visit(item, `${pointer}/${i}`);
    else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) {
        const at = `${pointer}/${name}`;
        const resource = names.has(name) ? idTarget(operation, name, { type: 'integer' }) : null;
        if (resource && typeof item === 'number') found.push({ pointer: at, resource });
        else if (resource && Array.isArray(item))
          for (const i of item.keys()) found.push({ pointer: `${at}/${i}`, resource });
        else visit(item, at);
      }
    }
  };
  visit(body, '');
  return found;
}

/** A deep copy of `value` with `replacement` at the JSON pointer `pointer`. */
export function replacedAt<T>(value: T, pointer: string, replacement: unknown): T {
  const copy = structuredClone(value);
  const keys = pointer.split('/').slice(1);
  const last = keys.pop()!;
  let node = copy as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = replacement;
  return copy;
}
