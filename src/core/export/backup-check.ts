/**
 * Reading a backup document before restore: the shape of every field, then what the shape cannot
 * say — every reference points at a row of the backup, names are unique where the book needs them
 * to be, and every transaction balances by the ledger's own rules (`balancePostings`). All
 * problems are reported at once as INVALID_BACKUP with field errors; nothing is written unless the
 * whole document is sound.
 */
import { checkRecurrence, type Recurrence } from '../budget/recurrence.ts';
import { isIsoDate } from '../calendar/date.ts';
import { type FieldError, fail, MonetaError } from '../errors.ts';
import { checkSubtype, isCategoryType } from '../ledger/account.ts';
import {
  type BalancedPostings,
  balancePostings,
  type PostingAccount,
  type PostingDraft,
} from '../ledger/transaction.ts';
import { type CurrencyCode, currency, parseMoney } from '../money/index.ts';
import { foldText } from '../text/fold.ts';
import { Problems } from './backup-fields.ts';
import { importKeyAccount, ruleReferences } from './backup-references.ts';
import { backupDocument } from './backup-shape.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupDocument } from './backup-types.ts';

export interface CheckedBackup {
  readonly document: BackupDocument;
  /** Each transaction's postings as the ledger balanced them, aligned with `document.transactions`. */
  readonly transactions: readonly BalancedPostings[];
  /** Σ amount of each account's postings: its cached balance. */
  readonly balances: ReadonlyMap<number, bigint>;
}

function refuse(errors: readonly FieldError[]): never {
  const first = errors[0]!;
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  fail('INVALID_BACKUP', `The backup cannot be restored: ${first.field}: ${first.message}${more}`, errors);
}

/** Parses and checks a backup; fails with INVALID_BACKUP listing every problem. */
export function checkBackup(input: unknown): CheckedBackup {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    refuse([{ field: '/', code: 'INVALID_BACKUP', message: 'A backup is a JSON object.' }]);
  }
  const head = input as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) {
    refuse([
      {
        field: '/format',
        code: 'INVALID_BACKUP',
        message: `Not a Moneta backup: format must be "${BACKUP_FORMAT}".`,
      },
    ]);
  }
  if (head.version !== BACKUP_VERSION) {
    const message = `Backup version ${JSON.stringify(head.version)} is not one this Moneta reads (version ${BACKUP_VERSION}).`;
    refuse([{ field: '/version', code: 'INVALID_BACKUP', message }]);
  }
  const problems = new Problems();
  const document = backupDocument(input, '', problems);
  if (problems.list.length > 0) refuse(problems.list);
  checkRows(document, problems);
  const checked = checkLedger(document, problems);
  if (problems.list.length > 0) refuse(problems.list);
  return { document, ...checked };
}

/** Ids of a collection, each once; a repeated id is a problem. */
function indexById<T extends { id: number }>(
  rows: readonly T[],
  path: string,
  problems: Problems,
): Map<number, T> {
  const byId = new Map<number, T>();
  rows.forEach((row, index) => {
    if (byId.has(row.id)) problems.add(`${path}/${index}/id`, `Id ${row.id} appears twice.`);
    else byId.set(row.id, row);
  });
  return byId;
}

/** Names compared as the book compares them (`foldText`), within a name space. */
function uniqueNames<T extends { name: string }>(
  rows: readonly T[],
  path: string,
  space: (row: T) => string,
  problems: Problems,
): void {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = `${space(row)}\u0000${foldText(row.name.trim())}`;
    if (seen.has(key)) problems.add(`${path}/${index}/name`, `“${row.name}” is used twice.`, 'NAME_TAKEN');
    seen.add(key);
  });
}

function checkRows(doc: BackupDocument, problems: Problems): void {
  const groups = indexById(doc.categoryGroups, '/categoryGroups', problems);
  const accounts = indexById(doc.accounts, '/accounts', problems);
  const payees = indexById(doc.payees, '/payees', problems);
  const tags = indexById(doc.tags, '/tags', problems);
  const batches = indexById(doc.importBatches, '/importBatches', problems);
  const reconciliations = indexById(doc.reconciliations, '/reconciliations', problems);
  const budgets = indexById(doc.budgets, '/budgets', problems);
  indexById(doc.importProfiles, '/importProfiles', problems);
  indexById(doc.rules, '/rules', problems);
  indexById(doc.transactions, '/transactions', problems);

  const category = (id: number | null, path: string) => {
    if (id === null) return;
    const found = accounts.get(id);
    if (!found || !isCategoryType(found.type))
      problems.add(path, `There is no category ${id} in the backup.`, 'UNKNOWN_ACCOUNT');
  };
  const account = (id: number | null, path: string) => {
    if (id !== null && !accounts.has(id))
      problems.add(path, `There is no account ${id} in the backup.`, 'UNKNOWN_ACCOUNT');
  };

  uniqueNames(doc.categoryGroups, '/categoryGroups', (g) => g.kind, problems);
  uniqueNames(doc.accounts, '/accounts', (a) => (isCategoryType(a.type) ? 'category' : 'account'), problems);
  uniqueNames(doc.payees, '/payees', () => '', problems);
  uniqueNames(doc.tags, '/tags', () => '', problems);
  uniqueNames(doc.importProfiles, '/importProfiles', () => '', problems);

  doc.accounts.forEach((row, index) => {
    const path = `/accounts/${index}`;
    try {
      checkSubtype(row.type, row.subtype);
    } catch (error) {
      if (error instanceof MonetaError) problems.add(`${path}/subtype`, error.message, error.code);
    }
    if (row.groupId !== null) {
      const group = groups.get(row.groupId);
      if (!group || group.kind !== row.type)
        problems.add(
          `${path}/groupId`,
          `There is no ${row.type} category group ${row.groupId} in the backup.`,
          'UNKNOWN_CATEGORY_GROUP',
        );
    }
    if (row.parentId !== null) checkParent(row.id, row.parentId, accounts, `${path}/parentId`, problems);
    if (row.target !== null)
      checkTarget(row.type, row.target, row.currency, doc.book.baseCurrency, `${path}/target`, problems);
  });
  doc.payees.forEach((row, index) => {
    category(row.defaultCategoryId, `/payees/${index}/defaultCategoryId`);
  });
  doc.reconciliations.forEach((row, index) => {
    const path = `/reconciliations/${index}`;
    const found = accounts.get(row.accountId);
    if (!found || (found.type !== 'asset' && found.type !== 'liability'))
      problems.add(
        `${path}/accountId`,
        `There is no account ${row.accountId} with statements in the backup.`,
        'UNKNOWN_ACCOUNT',
      );
    else moneyAt(row.statementBalance, found.currency, `${path}/statementBalance`, problems);
  });
  doc.importBatches.forEach((row, index) => {
    account(row.accountId, `/importBatches/${index}/accountId`);
  });
  doc.importProfiles.forEach((row, index) => {
    account(row.accountId, `/importProfiles/${index}/accountId`);
  });

  doc.transactions.forEach((row, index) => {
    const path = `/transactions/${index}`;
    if (row.payeeId !== null && !payees.has(row.payeeId))
      problems.add(`${path}/payeeId`, `There is no payee ${row.payeeId} in the backup.`, 'UNKNOWN_PAYEE');
    row.tagIds.forEach((tagId, t) => {
      if (!tags.has(tagId))
        problems.add(`${path}/tagIds/${t}`, `There is no tag ${tagId} in the backup.`, 'UNKNOWN_TAG');
      else if (row.tagIds.indexOf(tagId) !== t)
        problems.add(`${path}/tagIds/${t}`, `Tag ${tagId} is listed twice.`);
    });
    if (row.reconciliationId !== null && !reconciliations.has(row.reconciliationId))
      problems.add(
        `${path}/reconciliationId`,
        `There is no reconciliation ${row.reconciliationId} in the backup.`,
      );
    if (row.importBatchId !== null && !batches.has(row.importBatchId))
      problems.add(`${path}/importBatchId`, `There is no import batch ${row.importBatchId} in the backup.`);
    const keyAccount = row.importKey === null ? undefined : importKeyAccount(row.importKey);
    if (keyAccount !== undefined) account(keyAccount, `${path}/importKey`);
  });

  doc.budgets.forEach((row, index) => {
    const path = `/budgets/${index}`;
    if ((row.categoryId === null) === (row.groupId === null))
      problems.add(`${path}/categoryId`, 'A budget has a category or a group: exactly one of the two.');
    const target = row.categoryId === null ? undefined : accounts.get(row.categoryId);
    if (row.categoryId !== null && target?.type !== 'expense')
      problems.add(
        `${path}/categoryId`,
        `There is no expense category ${row.categoryId} in the backup.`,
        'UNKNOWN_ACCOUNT',
      );
    if (row.groupId !== null && groups.get(row.groupId)?.kind !== 'expense')
      problems.add(
        `${path}/groupId`,
        `There is no expense group ${row.groupId} in the backup.`,
        'UNKNOWN_CATEGORY_GROUP',
      );
    checkRecurrenceAt(row.recurrence, `${path}/recurrence`, problems);
    const froms = new Set<string>();
    row.amounts.forEach((amount, a) => {
      if (froms.has(amount.from))
        problems.add(`${path}/amounts/${a}/from`, `${amount.from} is listed twice.`);
      froms.add(amount.from);
      const minor = moneyAt(amount.amount, row.currency, `${path}/amounts/${a}/amount`, problems);
      if (minor !== undefined && minor < 0n)
        problems.add(`${path}/amounts/${a}/amount`, 'A budget amount is not negative.', 'INVALID_AMOUNT');
    });
  });
  const alerts = new Set<string>();
  doc.notifications.forEach((row, index) => {
    const path = `/notifications/${index}`;
    if (!budgets.has(row.budgetId))
      problems.add(`${path}/budgetId`, `There is no budget ${row.budgetId} in the backup.`);
    const alert = `${row.budgetId}/${row.periodStart}/${row.threshold}`;
    if (alerts.has(alert))
      problems.add(
        path,
        `The ${row.threshold} % alert of budget ${row.budgetId} for ${row.periodStart} is listed twice.`,
      );
    alerts.add(alert);
    moneyAt(row.spent, row.currency, `${path}/spent`, problems);
    moneyAt(row.available, row.currency, `${path}/available`, problems);
  });

  const base = doc.book.baseCurrency;
  const assigned = new Set<string>();
  doc.envelope.assignments.forEach((row, index) => {
    const path = `/envelope/assignments/${index}`;
    category(row.categoryId, `${path}/categoryId`);
    if (assigned.has(`${row.month}/${row.categoryId}`))
      problems.add(path, `Category ${row.categoryId} is assigned twice in ${row.month}.`);
    assigned.add(`${row.month}/${row.categoryId}`);
    moneyAt(row.amount, base, `${path}/amount`, problems);
  });
  doc.envelope.moves.forEach((row, index) => {
    const path = `/envelope/moves/${index}`;
    category(row.fromCategoryId, `${path}/fromCategoryId`);
    category(row.toCategoryId, `${path}/toCategoryId`);
    const minor = moneyAt(row.amount, base, `${path}/amount`, problems);
    if (minor !== undefined && minor <= 0n)
      problems.add(`${path}/amount`, 'A move is a positive amount.', 'INVALID_AMOUNT');
  });

  doc.rules.forEach((row, index) => {
    for (const reference of ruleReferences(row)) {
      const path = `/rules/${index}${reference.path}`;
      const id = typeof reference.id === 'number' ? reference.id : Number.NaN;
      if (reference.kind === 'tag' && !tags.has(id))
        problems.add(path, `There is no tag ${String(reference.id)} in the backup.`, 'UNKNOWN_TAG');
      if (reference.kind === 'category' && !isCategoryType(accounts.get(id)?.type ?? 'asset'))
        problems.add(path, `There is no category ${String(reference.id)} in the backup.`, 'UNKNOWN_ACCOUNT');
      if (reference.kind === 'account' && !accounts.has(id))
        problems.add(path, `There is no account ${String(reference.id)} in the backup.`, 'UNKNOWN_ACCOUNT');
    }
  });
}

/** A parent is another account of the same type, and no account is its own ancestor. */
function checkParent(
  self: number,
  parentId: number,
  accounts: ReadonlyMap<number, BackupDocument['accounts'][number]>,
  path: string,
  problems: Problems,
): void {
  const own = accounts.get(self)!;
  let cursor = accounts.get(parentId);
  if (!cursor || cursor.type !== own.type) {
    problems.add(path, `There is no ${own.type} account ${parentId} in the backup.`, 'INVALID_PARENT');
    return;
  }
  for (let depth = 0; cursor; depth++) {
    if (cursor.id === self || depth > 50) {
      problems.add(path, 'An account cannot be its own ancestor.', 'INVALID_PARENT');
      return;
    }
    cursor = cursor.parentId === null ? undefined : accounts.get(cursor.parentId);
  }
}

const KINDS = ['weekly', 'biweekly', 'monthly', 'quarterly', 'yearly', 'custom'];

function checkRecurrenceAt(recurrence: Record<string, unknown>, path: string, problems: Problems): void {
  if (!KINDS.includes(recurrence.kind as string)) {
    problems.add(`${path}/kind`, `Must be one of ${KINDS.join(', ')}.`);
    return;
  }
  for (const key of ['anchor', 'start', 'end']) {
    if (key in recurrence && !(typeof recurrence[key] === 'string' && isIsoDate(recurrence[key] as string)))
      problems.add(`${path}/${key}`, 'Must be a calendar date, YYYY-MM-DD.', 'INVALID_DATE');
  }
  try {
    checkRecurrence(recurrence as unknown as Recurrence);
  } catch (error) {
    if (!(error instanceof MonetaError)) throw error;
    const field = error.fieldErrors[0]?.field ?? '';
    problems.add(`${path}${field}`, error.message);
  }
}

/** A monthly target belongs to an expense category and is not negative, as the API keeps it. */
/** As the API sets one: on an expense category of the book's base currency, not negative. */
function checkTarget(
  type: string,
  target: string,
  code: string,
  base: string,
  path: string,
  problems: Problems,
) {
  if (type !== 'expense')
    problems.add(path, 'Only an expense category has a target.', 'INVALID_ACCOUNT_KIND');
  if (code !== base)
    problems.add(path, `A target is in the book's base currency, ${base}, not ${code}.`, 'CURRENCY_MISMATCH');
  const minor = moneyAt(target, code, path, problems);
  if (minor !== undefined && minor < 0n) problems.add(path, 'A target is not negative.', 'INVALID_AMOUNT');
}

/** The amount in minor units of `code`, or undefined after recording why it is not one. */
function moneyAt(text: string, code: string, path: string, problems: Problems): bigint | undefined {
  try {
    return parseMoney(text, currency(code)).minor;
  } catch (error) {
    if (!(error instanceof MonetaError)) throw error;
    problems.add(path, error.message, error.code);
    return undefined;
  }
}

/** Every transaction through the ledger's own rules; the cached balances they add up to. */
function checkLedger(doc: BackupDocument, problems: Problems) {
  const accounts = new Map<number, PostingAccount>(
    doc.accounts.map((a) => [a.id, { id: a.id, currency: a.currency as CurrencyCode, archived: false }]),
  );
  const balances = new Map<number, bigint>(doc.accounts.map((a) => [a.id, 0n]));
  // What a transaction with problems stands for: the backup is refused before anything uses it.
  const unusable: BalancedPostings = {
    currency: 'EUR' as CurrencyCode,
    postings: [],
    total: { minor: 0n, currency: 'EUR' as CurrencyCode },
  };
  const transactions = doc.transactions.map((row, index): BalancedPostings => {
    const path = `/transactions/${index}`;
    let usable = true;
    const drafts: PostingDraft[] = row.postings.map((posting, p) => {
      const account = accounts.get(posting.accountId);
      const at = `${path}/postings/${p}`;
      if (!account) {
        problems.add(
          `${at}/accountId`,
          `There is no account ${posting.accountId} in the backup.`,
          'UNKNOWN_ACCOUNT',
        );
        usable = false;
        return { accountId: posting.accountId };
      }
      const amount = moneyAt(posting.amount, account.currency, `${at}/amount`, problems);
      const value = moneyAt(posting.value, row.currency, `${at}/value`, problems);
      if (amount === undefined || value === undefined) usable = false;
      return {
        accountId: posting.accountId,
        amount: { minor: amount ?? 0n, currency: account.currency },
        value: { minor: value ?? 0n, currency: currency(row.currency) },
        memo: posting.memo,
      };
    });
    if (!usable) return unusable;
    try {
      const balanced = balancePostings(drafts, accounts, { currency: currency(row.currency) });
      for (const posting of balanced.postings)
        balances.set(posting.accountId, balances.get(posting.accountId)! + posting.amount.minor);
      return balanced;
    } catch (error) {
      if (!(error instanceof MonetaError)) throw error;
      const errors =
        error.fieldErrors.length > 0
          ? error.fieldErrors
          : [{ field: '', code: error.code, message: error.message }];
      for (const e of errors) problems.add(`${path}${e.field}`, e.message, e.code);
      return unusable;
    }
  });
  return { transactions, balances };
}
