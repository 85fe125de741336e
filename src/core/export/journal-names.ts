/**
 * Account names and text of the hledger journal export (see ../shared/corpus/ORACLE.md): `:` is
 * hledger's hierarchy separator, two spaces or a tab end an account name, `;` starts a comment.
 */
import type { AccountType } from '../ledger/account.ts';
import type { ExportAccount } from './ledger-view.ts';

/** The top-level account of each type, and the type letter hledger declares it with. */
export const JOURNAL_ROOTS: Readonly<
  Record<AccountType, { name: string; letter: 'A' | 'L' | 'E' | 'R' | 'X' }>
> = {
  asset: { name: 'assets', letter: 'A' },
  liability: { name: 'liabilities', letter: 'L' },
  equity: { name: 'equity', letter: 'E' },
  income: { name: 'income', letter: 'R' },
  expense: { name: 'expenses', letter: 'X' },
};

/** One line of text: control characters and runs of blanks become one space, `;` a comma. */
export function journalText(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replaceAll(';', ',')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Text of a comment. hledger reads `date:` / `date2:` tags and `[YYYY-MM-DD]` in a posting's
 * comment as the posting's own date, so those are defused (`date :`, round brackets).
 */
export function journalComment(text: string): string {
  return journalText(text)
    .replace(/\b(date2?):/giu, '$1 :')
    .replaceAll('[', '(')
    .replaceAll(']', ')');
}

/** One segment of an account name: journal text without the hierarchy separator. */
function segment(name: string, fallback: string): string {
  return journalText(name.replaceAll(':', '-')) || fallback;
}

/**
 * Every account's journal name: `<type root>:<category group>:<parents>:<name>`, e.g.
 * `assets:Bank:Checking`, `expenses:Living:Groceries`, `equity:Opening Balances`. The category
 * group is the one of the topmost category of the chain. Names that come out the same (e.g. `A:B`
 * and `A-B`) get ` #<id>` so that hledger keeps them apart.
 */
export function journalAccountNames(
  accounts: readonly ExportAccount[],
  groupNames: ReadonlyMap<number, string>,
): Map<number, string> {
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const full = (account: ExportAccount): string[] => {
    const chain = [account];
    for (let parent = byId.get(account.parentId ?? 0); parent && chain.length < 50; ) {
      if (chain.includes(parent) || parent.type !== account.type) break;
      chain.unshift(parent);
      parent = byId.get(parent.parentId ?? 0);
    }
    const top = chain[0]!;
    const group = top.groupId === null ? undefined : groupNames.get(top.groupId);
    return [
      JOURNAL_ROOTS[account.type].name,
      ...(group === undefined ? [] : [segment(group, `group ${top.groupId}`)]),
      ...chain.map((a) => segment(a.name, `#${a.id}`)),
    ];
  };
  const names = new Map(accounts.map((account) => [account.id, full(account).join(':')]));
  const seen = new Map<string, number>();
  for (const name of names.values()) seen.set(name, (seen.get(name) ?? 0) + 1);
  for (const [id, name] of names) if (seen.get(name)! > 1) names.set(id, `${name} #${id}`);
  return names;
}
