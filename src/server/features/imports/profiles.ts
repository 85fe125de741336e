import type { Selectable } from 'kysely';
import { fail } from '../../../core/errors.ts';
import type { CsvMapping } from '../../../core/import/types.ts';
import { foldText } from '../../../core/text/fold.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import type { ImportProfileTable } from '../../../db/schema-import.ts';

type ProfileRow = Selectable<ImportProfileTable>;

/** The saved mapping an import reads a CSV file with. */
export interface ProfileChoice {
  id: number;
  name: string;
  mapping: CsvMapping;
}

/** How a header record is recognised again: its cells folded and joined. */
export function headerKey(header: readonly string[] | null): string | null {
  return header ? header.map((cell) => foldText(cell.trim())).join('|') : null;
}

export function profileJson(row: ProfileRow) {
  return {
    id: row.id,
    name: row.name,
    accountId: row.account_id,
    mapping: storedMapping(row.mapping),
    header: row.header_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listProfiles(db: Db, bookId: number): Promise<ProfileRow[]> {
  return db
    .selectFrom('import_profiles')
    .selectAll()
    .where('book_id', '=', bookId)
    .orderBy('name_key')
    .execute();
}

export async function requireProfile(
  db: Db,
  bookId: number,
  id: number,
  field?: string,
): Promise<ProfileRow> {
  const row = await db
    .selectFrom('import_profiles')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    const message = `There is no import profile ${id} in this book.`;
    fail('NOT_FOUND', message, field ? [{ field, code: 'NOT_FOUND', message }] : []);
  }
  return row;
}

/**
 * The profile a CSV file is read with: the one asked for; else one saved for a file with the same
 * header (this account's first); else, for a file without header, the account's own.
 */
export async function chooseProfile(
  db: Db,
  bookId: number,
  accountId: number,
  profileId: number | undefined,
  header: readonly string[] | null,
): Promise<ProfileChoice | null> {
  if (profileId !== undefined) return choice(await requireProfile(db, bookId, profileId, '/profileId'));
  const key = headerKey(header);
  const profiles = await listProfiles(db, bookId);
  const ranked = profiles
    .filter((p) => p.header_key === key && (key !== null || p.account_id === accountId))
    .sort((a, b) => Number(b.account_id === accountId) - Number(a.account_id === accountId) || b.id - a.id);
  return ranked[0] ? choice(ranked[0]) : null;
}

export function choice(row: ProfileRow): ProfileChoice {
  return { id: row.id, name: row.name, mapping: storedMapping(row.mapping) };
}

/** A saved mapping, with the fields added since it was saved at their "not used" value. */
function storedMapping(json: string): CsvMapping {
  return { balanceColumn: null, ...(JSON.parse(json) as Partial<CsvMapping>) } as CsvMapping;
}

/**
 * After a CSV import: the mapping used is remembered, in the profile named by the caller, else the
 * profile the import used, else a new profile named after the account.
 */
export async function rememberMapping(
  db: Db,
  bookId: number,
  account: { id: number; name: string },
  used: ProfileChoice | null,
  name: string | undefined,
  mapping: CsvMapping,
  header: readonly string[] | null,
  now: string,
): Promise<number> {
  const columns = { mapping: JSON.stringify(mapping), header_key: headerKey(header), updated_at: now };
  const named = name ?? used?.name;
  const existing = named
    ? await db
        .selectFrom('import_profiles')
        .select('id')
        .where('book_id', '=', bookId)
        .where('name_key', '=', foldText(named.trim()))
        .executeTakeFirst()
    : undefined;
  if (existing) {
    await db.updateTable('import_profiles').set(columns).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const inserted = await db
    .insertInto('import_profiles')
    .values({
      book_id: bookId,
      account_id: account.id,
      ...nameColumns(named ?? (await freeName(db, bookId, `${account.name} CSV`))),
      ...columns,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

async function freeName(db: Db, bookId: number, base: string): Promise<string> {
  const taken = new Set((await listProfiles(db, bookId)).map((p) => p.name_key));
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!taken.has(foldText(name))) return name;
  }
}

export interface ProfileInput {
  name?: string | undefined;
  accountId?: number | null | undefined;
  mapping?: CsvMapping | undefined;
}

async function checkProfileAccount(
  db: Db,
  bookId: number,
  accountId: number | null | undefined,
): Promise<void> {
  if (accountId === null || accountId === undefined) return;
  const row = await db
    .selectFrom('accounts')
    .select('type')
    .where('book_id', '=', bookId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row || row.type === 'income' || row.type === 'expense') {
    const message = `There is no account ${accountId} in this book.`;
    fail('UNKNOWN_ACCOUNT', message, [{ field: '/accountId', code: 'UNKNOWN_ACCOUNT', message }]);
  }
}

export async function createProfile(db: Db, bookId: number, input: Required<ProfileInput>, now: string) {
  await checkProfileAccount(db, bookId, input.accountId);
  return db
    .insertInto('import_profiles')
    .values({
      book_id: bookId,
      account_id: input.accountId,
      ...nameColumns(input.name),
      mapping: JSON.stringify(input.mapping),
      header_key: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateProfile(db: Db, bookId: number, id: number, patch: ProfileInput, now: string) {
  await requireProfile(db, bookId, id);
  await checkProfileAccount(db, bookId, patch.accountId);
  return db
    .updateTable('import_profiles')
    .set({
      ...(patch.name === undefined ? {} : nameColumns(patch.name)),
      ...(patch.accountId === undefined ? {} : { account_id: patch.accountId }),
      ...(patch.mapping === undefined ? {} : { mapping: JSON.stringify(patch.mapping) }),
      updated_at: now,
    })
    .where('book_id', '=', bookId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteProfile(db: Db, bookId: number, id: number): Promise<void> {
  await requireProfile(db, bookId, id);
  await db.deleteFrom('import_profiles').where('book_id', '=', bookId).where('id', '=', id).execute();
}
