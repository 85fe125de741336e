/**
 * The book as an hledger journal (../shared/corpus/ORACLE.md): commodity directives, every account
 * declared with its type, then the transactions in date order, each posting with its explicit
 * amount from minor units. A posting in another currency than its transaction carries the
 * transaction-currency value as a total cost (`108.13 USD @@ 100.00 EUR`), so that every entry
 * balances in hledger exactly as it does in Moneta.
 */
import { type CurrencyCode, exponentOf, formatMinor, isCurrencyCode } from '../money/index.ts';
import { JOURNAL_ROOTS, journalComment, journalText } from './journal-names.ts';
import type { ExportAccount, ExportTransaction } from './ledger-view.ts';

const INDENT = '    ';

function exponent(code: string): number {
  return isCurrencyCode(code) ? exponentOf(code as CurrencyCode) : 2;
}

function amount(minor: bigint, code: string): string {
  return `${formatMinor(minor, exponent(code))} ${code}`;
}

export interface JournalHeaderInput {
  readonly bookName: string;
  readonly exportedAt: string;
  /** Every currency an account or a transaction of the book uses. */
  readonly currencies: readonly string[];
  readonly accounts: readonly ExportAccount[];
  /** From `journalAccountNames`. */
  readonly names: ReadonlyMap<number, string>;
}

/** `commodity 1000.00 EUR`; a currency without minor unit keeps the decimal mark: `1000. JPY`. */
export function commodityDirective(code: string): string {
  const places = exponent(code);
  return `commodity 1000.${'0'.repeat(places)} ${code}`;
}

/** The directives that open the journal: decimal mark, commodities, and the account declarations. */
export function journalHeader(input: JournalHeaderInput): string {
  const lines = [
    `; Moneta book "${journalText(input.bookName)}", exported ${input.exportedAt}`,
    '; Amounts are exact; check with: hledger -f FILE --strict check ordereddates',
    '',
    'decimal-mark .',
    '',
    ...[...new Set(input.currencies)].sort().map(commodityDirective),
    '',
    ...Object.values(JOURNAL_ROOTS).map((root) => `account ${root.name}  ; type: ${root.letter}`),
    ...accountDeclarations(input.accounts, input.names),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** `account <name>  ; type: X, id:12` for each account, in the order of the roots, then by name. */
export function accountDeclarations(
  accounts: readonly ExportAccount[],
  names: ReadonlyMap<number, string>,
): string[] {
  const roots = Object.keys(JOURNAL_ROOTS);
  return [...accounts]
    .sort(
      (a, b) =>
        roots.indexOf(a.type) - roots.indexOf(b.type) ||
        (names.get(a.id)! < names.get(b.id)! ? -1 : names.get(a.id)! > names.get(b.id)! ? 1 : 0),
    )
    .map(
      (account) =>
        `account ${names.get(account.id)}  ; type: ${JOURNAL_ROOTS[account.type].letter}, id:${account.id}`,
    );
}

/**
 * The description hledger shows: `payee | description` (hledger's own convention), on one line.
 * A leading `(` would be read as a transaction code, so it becomes `[`.
 */
function description(tx: ExportTransaction): string {
  const payee = tx.payee === null ? '' : journalText(tx.payee).replaceAll('|', '/');
  const text = journalText(tx.description);
  const joined = payee && text ? `${payee} | ${text}` : payee || text;
  return joined.startsWith('(') ? `[${joined.slice(1)}` : joined;
}

function tagValue(name: string): string {
  return journalComment(name).replaceAll(',', ' ').replace(/\s+/g, ' ').trim();
}

/**
 * One transaction: `2024-01-03 * Payee | text  ; id:42, tag:holiday`, notes as comment lines, then
 * the postings. Cleared and reconciled are `*`, pending is `!`.
 */
export function journalEntry(
  tx: ExportTransaction,
  accounts: ReadonlyMap<number, Pick<ExportAccount, 'currency'>>,
  names: ReadonlyMap<number, string>,
): string {
  const mark = tx.status === 'pending' ? '!' : '*';
  const tags = [`id:${tx.id}`, ...tx.tags.map((tag) => `tag:${tagValue(tag)}`)].join(', ');
  const title = description(tx);
  const lines = [`${tx.date} ${mark}${title ? ` ${title}` : ''}  ; ${tags}`];
  for (const note of (tx.notes ?? '').split(/\r\n|\r|\n/)) {
    const text = journalComment(note);
    if (text) lines.push(`${INDENT}; ${text}`);
  }
  for (const posting of tx.postings) {
    const code = accounts.get(posting.accountId)?.currency ?? tx.currency;
    const abs = posting.value < 0n ? -posting.value : posting.value;
    const cost = code === tx.currency ? '' : ` @@ ${amount(abs, tx.currency)}`;
    const memo = posting.memo === null ? '' : journalComment(posting.memo);
    const name = names.get(posting.accountId) ?? `assets:unknown #${posting.accountId}`;
    lines.push(`${INDENT}${name}  ${amount(posting.amount, code)}${cost}${memo ? `  ; ${memo}` : ''}`);
  }
  return `${lines.join('\n')}\n\n`;
}
