import type { ImportPreviewJson } from '../../../contract/imports.ts';
import type { Money } from '../../../core/money/index.ts';
import { moneyJson, toMoneyJson } from '../../money-json.ts';
import type { PreparedImport, PreparedRow } from './prepare.ts';
import { countRows, emptyTally, type PreviewTally, tallySummary } from './preview-tally.ts';

function tallyOf(rows: readonly PreparedRow[], choices: RowChoices): PreviewTally {
  const tally = emptyTally();
  countRows(tally, rows, choices);
  return tally;
}

/** What the caller asked to do with rows, beside what the import decided. */
export interface RowChoices {
  exclude: ReadonlySet<number>;
  include: ReadonlySet<number>;
  categories: ReadonlyMap<number, number | null>;
  /** Rows with errors are left out rather than refusing the import. */
  skipErrors?: boolean | undefined;
}

export const NO_CHOICES: RowChoices = { exclude: new Set(), include: new Set(), categories: new Map() };

/** A row with an error: it is never written. */
export const hasError = (row: PreparedRow) => row.planned.issues.some((issue) => issue.severity === 'error');

/** Whether a row is written: not excluded, readable, not a duplicate (a likely one may be included). */
export function willImport(row: PreparedRow, choices: RowChoices): boolean {
  if (choices.exclude.has(row.index)) return false;
  if (hasError(row) || !row.planned.amount) return false;
  if (row.duplicate?.kind === 'exact' || row.duplicate?.kind === 'transfer') return false;
  if (row.duplicate?.kind === 'likely') return choices.include.has(row.index);
  return true;
}

function decimal(text: string, currency: string) {
  // A statement balance is shown as written, in the statement's (or account's) currency.
  return { amount: text, currency };
}

/** A readable row that nothing categorised: no category, transfer or split. */
export const isUncategorised = (row: PreparedRow) =>
  row.planned.amount !== null &&
  !hasError(row) &&
  row.planned.categoryId === null &&
  !row.planned.legs.some((leg) => leg.target.kind === 'transfer') &&
  row.planned.legs.length <= 1;

/** Everything a preview shows but its id and paging: the counts over every row, and the rows of `page`. */
export type PreviewBody = Omit<ImportPreviewJson, 'previewId' | 'nextCursor'>;

export function previewJson(
  prepared: PreparedImport,
  fileName: string,
  choices: RowChoices,
  page: readonly PreparedRow[],
  tally: PreviewTally = tallyOf(prepared.rows, choices),
): PreviewBody {
  const { parsed } = prepared;
  const statements = prepared.statements.map(({ index, statement, account }) => {
    const currency = statement.currency ?? account.currency;
    const counted = tally.statements.get(index);
    const after = BigInt(account.balance) + (counted?.imported ?? 0n);
    return {
      index,
      fileAccountId: statement.accountId,
      fileAccountType: statement.accountType,
      fileAccountName: statement.accountName,
      currency: statement.currency,
      accountId: account.id,
      rowCount: counted?.rows ?? 0,
      openingBalance: statement.openingBalance && {
        amount: decimal(statement.openingBalance.amount, currency),
        date: statement.openingBalance.date,
      },
      closingBalance: statement.closingBalance && {
        amount: decimal(statement.closingBalance.amount, currency),
        date: statement.closingBalance.date,
      },
      balanceAfterImport: moneyJson(after, account.currency),
    };
  });
  return {
    format: parsed.format,
    variant: parsed.variant,
    fileName,
    sha256: prepared.sha256,
    mapping: prepared.mapping,
    header: prepared.header,
    profile: prepared.profile && { id: prepared.profile.id, name: prepared.profile.name },
    questions: prepared.questions.map((q) => ({ code: q.code, message: q.message, options: [...q.options] })),
    issues: parsed.issues,
    statements,
    rows: page.map((row) => rowJson(row, prepared, choices)),
    summary: tallySummary(tally),
  };
}

export function rowJson(row: PreparedRow, prepared: PreparedImport, choices: RowChoices) {
  const { planned } = row;
  const context = prepared.statements[row.statement]!.context;
  const chosen = choices.categories.get(row.index);
  const categoryId = chosen !== undefined ? chosen : planned.categoryId;
  const transfer =
    planned.legs.length === 1 && planned.legs[0]!.target.kind === 'transfer'
      ? planned.legs[0]!.target.accountId
      : null;
  const money = (value: Money) => toMoneyJson(value);
  return {
    index: row.index,
    statement: row.statement,
    line: planned.row.line,
    raw: planned.row.raw,
    date: planned.row.date,
    valueDate: planned.row.valueDate,
    amount: planned.amount && money(planned.amount),
    payee: planned.payee,
    description: planned.row.description,
    reference: planned.row.reference,
    status: planned.row.status,
    category:
      categoryId === null || categoryId === undefined
        ? null
        : {
            id: categoryId,
            name: context.categoryNames.get(categoryId) ?? `#${categoryId}`,
            source: chosen !== undefined ? ('user' as const) : planned.categorySource!,
          },
    transferAccount:
      transfer === null ? null : { id: transfer, name: context.accountNames.get(transfer) ?? `#${transfer}` },
    split:
      planned.legs.length > 1
        ? planned.legs.map((leg) => ({
            categoryId: leg.target.kind === 'category' ? leg.target.categoryId : null,
            accountId: leg.target.kind === 'transfer' ? leg.target.accountId : null,
            amount: money(leg.amount),
            memo: leg.memo,
          }))
        : [],
    tagIds: planned.tagIds,
    notes: planned.notes,
    matchedRuleIds: planned.matchedRuleIds,
    suggestions: planned.suggestions.map((s) => ({
      categoryId: s.categoryId,
      name: context.categoryNames.get(s.categoryId) ?? `#${s.categoryId}`,
      confidence: s.confidence,
    })),
    duplicate: row.duplicate,
    issues: planned.issues,
    action: willImport(row, choices) ? ('import' as const) : ('skip' as const),
  };
}
