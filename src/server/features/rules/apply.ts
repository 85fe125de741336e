import { isoDate } from '../../../core/calendar/date.ts';
import { atField, fail } from '../../../core/errors.ts';
import { balancePostings, type PostingAccount, type PostingDraft } from '../../../core/ledger/transaction.ts';
import type { CurrencyCode } from '../../../core/money/index.ts';
import { applyRules } from '../../../core/rules/apply.ts';
import { compileRules } from '../../../core/rules/compile.ts';
import { foldText } from '../../../core/text/fold.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import { raiseBudgetAlerts, type Touch } from '../budgets/alerts.ts';
import { findOrCreatePayee } from '../payees/queries.ts';
import {
  type Candidate,
  type CandidateFilter,
  type CandidatePosting,
  isUncategorised,
  loadCandidates,
  nextCandidateIds,
  shapeOf,
} from './candidates.ts';
import { changeJson, type PlannedChange, planChange, type RuleChangeJson } from './change.ts';
import { usableRules } from './load.ts';
import { type BookReferences, listRules, loadReferences, ruleOf } from './queries.ts';
import { requireKnownRules } from './service.ts';
import { type ChangeWrite, writeChanges } from './write-changes.ts';

export interface ApplyInput {
  ruleIds?: number[] | undefined;
  filter: CandidateFilter & { uncategorisedOnly?: boolean | undefined };
  dryRun: boolean;
}

/** Changes listed in the answer; the counts cover all of them. */
const LISTED_CHANGES = 500;
/** Transactions read (and, when applying, locked) per round. */
const CHUNK = 500;

function checkFilter(filter: ApplyInput['filter']): void {
  if (filter.from) atField('/filter/from', () => isoDate(filter.from!));
  if (filter.to) atField('/filter/to', () => isoDate(filter.to!));
  if (filter.from && filter.to && filter.from > filter.to) {
    const message = 'The end of the range is before its start.';
    fail('VALIDATION_FAILED', message, [{ field: '/filter/to', code: 'VALIDATION_FAILED', message }]);
  }
}

/** The rules to run: the chosen ones (enabled or not, to try a rule out before enabling it), or every enabled rule. */
async function selectedRules(db: Db, bookId: number, ruleIds: readonly number[] | undefined) {
  const rows = await listRules(db, bookId);
  if (!ruleIds) return rows.map(ruleOf);
  requireKnownRules(new Set(rows.map((row) => row.id)), ruleIds, '/ruleIds');
  const chosen = new Set(ruleIds);
  return rows.filter((row) => chosen.has(row.id)).map((row) => ({ ...ruleOf(row), enabled: true }));
}

async function checkAccount(db: Db, bookId: number, accountId: number | undefined): Promise<void> {
  if (accountId === undefined) return;
  const found = await db
    .selectFrom('accounts')
    .select('id')
    .where('book_id', '=', bookId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!found) {
    const message = `There is no account ${accountId} in this book.`;
    fail('UNKNOWN_ACCOUNT', message, [{ field: '/filter/accountId', code: 'UNKNOWN_ACCOUNT', message }]);
  }
}

/**
 * Runs rules over the book's existing transactions that match the filter. A dry run lists what
 * would change; otherwise every change is written in one database transaction, a chunk of
 * transactions at a time (`writeChanges`: cached balances, roll-ups and budget alerts follow),
 * the transactions' rows locked while they are read and written. Only payee, notes, tags and category postings change; transfers
 * and transactions across several accounts or currencies are skipped.
 */
export async function applyRulesToBook(db: Db, scope: BookScope, input: ApplyInput, now: string) {
  checkFilter(input.filter);
  const work = async (trx: Db) => {
    await checkAccount(trx, scope.bookId, input.filter.accountId);
    const references = await loadReferences(trx, scope.bookId);
    const rules = compileRules(
      usableRules(await selectedRules(trx, scope.bookId, input.ruleIds), references),
    );
    const result = {
      dryRun: input.dryRun,
      examined: 0,
      changed: 0,
      unchanged: 0,
      skipped: 0,
      changes: [] as RuleChangeJson[],
      truncated: false,
    };
    const touches: Touch[] = [];
    /** Payee ids by folded name, so a rename applied to many transactions looks the payee up once. */
    const payees = new Map<string, number>();
    let after: { date: string; id: number } | null = null;
    for (;;) {
      const ids = await nextCandidateIds(trx, scope.bookId, input.filter, after, CHUNK, !input.dryRun);
      if (ids.length === 0) break;
      after = ids.at(-1)!;
      const writes: ChangeWrite[] = [];
      for (const candidate of await loadCandidates(
        trx,
        scope.bookId,
        ids.map((row) => row.id),
      )) {
        const shape = shapeOf(candidate);
        if (!shape.eligible) {
          result.skipped += 1;
          result.examined += 1;
          continue;
        }
        if (input.filter.uncategorisedOnly && !isUncategorised(shape.categories)) continue;
        result.examined += 1;
        const outcome = applyRules(rules, shape.subject);
        const change = planChange(candidate, shape.sheet, shape.categories, outcome, references);
        if (!change.changed) {
          result.unchanged += 1;
          continue;
        }
        result.changed += 1;
        if (result.changes.length < LISTED_CHANGES)
          result.changes.push(
            changeJson(candidate, shape.sheet, shape.categories, outcome.matchedRuleIds, change),
          );
        else result.truncated = true;
        if (!input.dryRun) {
          writes.push(await changeWrite(trx, scope, candidate, shape.sheet, change, references, payees, now));
          touches.push({ date: candidate.date, postings: candidate.postings });
          if (change.categories)
            touches.push({
              date: candidate.date,
              postings: change.categories.map((p) => ({ accountId: p.categoryId })),
            });
        }
      }
      await writeChanges(trx, scope, writes, now);
    }
    if (touches.length > 0) await raiseBudgetAlerts(trx, scope.bookId, touches, now);
    return result;
  };
  return input.dryRun ? work(db) : inTransaction(db, work);
}

/** One transaction with its new payee, notes, tags and category postings, balanced by the ledger's rules. */
async function changeWrite(
  db: Db,
  scope: BookScope,
  candidate: Candidate,
  sheet: CandidatePosting,
  change: PlannedChange,
  references: BookReferences,
  payees: Map<string, number>,
  now: string,
): Promise<ChangeWrite> {
  const code = candidate.currency as CurrencyCode;
  const posting = (p: CandidatePosting): PostingDraft => ({
    accountId: p.accountId,
    amount: { minor: p.amount, currency: p.currency as CurrencyCode },
    value: { minor: p.value, currency: code },
    memo: p.memo,
  });
  const drafts: PostingDraft[] = change.categories
    ? [
        posting(sheet),
        ...change.categories.map((p) => ({
          accountId: p.categoryId,
          amount: { minor: p.amount, currency: code },
          value: { minor: p.amount, currency: code },
          memo: p.memo,
        })),
      ]
    : candidate.postings.map(posting);
  const accounts = new Map<number, PostingAccount>();
  for (const p of candidate.postings)
    accounts.set(p.accountId, {
      id: p.accountId,
      currency: p.currency as CurrencyCode,
      archived: p.archived,
    });
  for (const p of change.categories ?? []) {
    const category = references.categories.get(p.categoryId)!;
    accounts.set(p.categoryId, {
      id: p.categoryId,
      currency: category.currency as CurrencyCode,
      archived: category.archived,
    });
  }
  const balanced = balancePostings(drafts, accounts, {
    currency: code,
    keptAccountIds: new Set(candidate.postings.map((p) => p.accountId)),
  });
  let payeeId = candidate.payeeId;
  if (change.payeeChanged && change.payee !== null) {
    const key = foldText(change.payee.trim());
    payeeId = payees.get(key) ?? (await findOrCreatePayee(db, scope.bookId, change.payee, now));
    payees.set(key, payeeId);
  }
  return { candidate, payeeId, notes: change.notes, tagIds: change.tagIds, balanced };
}
