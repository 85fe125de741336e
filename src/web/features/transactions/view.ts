import type { AccountJson, MoneyJson, TransactionJson } from '../../api/types.ts';
import { sumByCurrency } from '../../ui/money.ts';
import { type Target, targetsFor } from '../register/targets.ts';

/**
 * How one transaction shows in the all-transactions list and which account it is edited from.
 * Pure: the page renders it, the tests check it.
 */

const isBalanceSheet = (account: AccountJson | undefined) =>
  account?.type === 'asset' || account?.type === 'liability';

/**
 * The account the transaction is seen (and edited) from: the first posting into an asset or
 * liability account, as a register would show it; else the first posting's account.
 */
export function pointOfView(
  transaction: TransactionJson,
  accounts: ReadonlyMap<number, AccountJson>,
): AccountJson | undefined {
  const own = transaction.postings.find((posting) => isBalanceSheet(accounts.get(posting.accountId)));
  return accounts.get((own ?? transaction.postings[0])?.accountId ?? 0);
}

/** What moved for that account, signed (spending is negative); the total when there is none. */
export function amountFor(transaction: TransactionJson, view: AccountJson | undefined): MoneyJson {
  if (!view) return transaction.total;
  const own = transaction.postings.filter((posting) => posting.accountId === view.id);
  return sumByCurrency(own.map((posting) => posting.amount))[0] ?? transaction.total;
}

function nameOf(accounts: ReadonlyMap<number, AccountJson>, id: number): string {
  return accounts.get(id)?.name ?? `Account ${id}`;
}

/**
 * The accounts and categories involved: `Checking → Groceries` (from where the money left to where
 * it went) for two postings; `Checking · Split (3)` for more, counting the other postings.
 */
export function involved(
  transaction: TransactionJson,
  accounts: ReadonlyMap<number, AccountJson>,
  view: AccountJson | undefined,
): string {
  const postings = transaction.postings;
  if (postings.length > 2) {
    const others = view
      ? postings.filter((posting) => posting.accountId !== view.id).length
      : postings.length;
    return view ? `${view.name} · Split (${others})` : `Split (${others})`;
  }
  const [first, second] = postings;
  if (!first || !second) return postings.map((posting) => nameOf(accounts, posting.accountId)).join(', ');
  const firstOut = first.value.amount.startsWith('-');
  const [from, to] = firstOut ? [first, second] : [second, first];
  return `${nameOf(accounts, from.accountId)} → ${nameOf(accounts, to.accountId)}`;
}

/**
 * What the editor may pick on the other side: the register's targets for `view`, plus whatever
 * else the transaction already posts to (an equity account such as Opening Balances), so editing
 * keeps it.
 */
export function editorTargets(
  transaction: TransactionJson,
  view: AccountJson,
  balanceSheet: readonly AccountJson[],
  categories: readonly AccountJson[],
): Target[] {
  const targets = targetsFor(view, balanceSheet, categories);
  const known = new Set(targets.map((target) => target.id));
  const all = new Map([...balanceSheet, ...categories].map((account) => [account.id, account]));
  for (const posting of transaction.postings) {
    const account = all.get(posting.accountId);
    if (!account || account.id === view.id || known.has(account.id)) continue;
    known.add(account.id);
    const kind = account.type.charAt(0).toUpperCase() + account.type.slice(1);
    targets.push({ id: account.id, label: `${kind}: ${account.name}`, account });
  }
  return targets;
}
