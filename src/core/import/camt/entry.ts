import { isIsoDate } from '../../calendar/date.ts';
import type { ImportIssue, StatementRow } from '../types.ts';
import { childNamed, childrenNamed, textAt, type XmlElement } from '../xml.ts';
import { canonicalAmount, signAmount } from './amount.ts';

/**
 * One `<Ntry>` of a CAMT.053 statement becomes one row: the amount the bank booked, whatever the
 * number of transaction details (`TxDtls`) behind it, so rows add up to the statement's balances.
 * Batch details only feed the payee (when they agree) and the description.
 */

export type EntryResult =
  | { kind: 'row'; row: StatementRow; booked: boolean }
  | { kind: 'issue'; issue: ImportIssue };

export interface EntryContext {
  /** The whole decoded file, for each row's raw text. */
  source: string;
  /** The account owner's name (`Acct/Ownr/Nm`), never taken as the counterparty. */
  ownerName: string | null;
}

export function readEntry(entry: XmlElement, context: EntryContext): EntryResult {
  const where = `The entry on line ${entry.line}`;
  const amountElement = childNamed(entry, 'Amt');
  const writtenAmount = textAt(amountElement);
  const amount = canonicalAmount(writtenAmount);
  if (amount === null) {
    return issue(
      entry,
      writtenAmount === null ? 'MALFORMED_RECORD' : 'INVALID_AMOUNT',
      writtenAmount === null
        ? `${where} has no amount (<Amt>).`
        : `${where} has the amount "${writtenAmount.slice(0, 40)}", which is not a decimal number.`,
    );
  }
  const indicator = textAt(entry, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    return issue(
      entry,
      'MALFORMED_RECORD',
      `${where} says neither CRDT nor DBIT (<CdtDbtInd>), so its sign is unknown.`,
    );
  }
  const debit = indicator === 'DBIT';
  const booking = dateIn(childNamed(entry, 'BookgDt'));
  const value = dateIn(childNamed(entry, 'ValDt'));
  const date = booking ?? value;
  if (!date) {
    return issue(
      entry,
      'INVALID_DATE',
      booking === null || value === null
        ? `${where} has a booking date that is not a calendar date.`
        : `${where} has neither a booking date nor a value date.`,
    );
  }
  const status = entryStatus(entry);
  const details = childrenNamed(entry, 'NtryDtls').flatMap((group) => childrenNamed(group, 'TxDtls'));
  const reversal = /^(true|1)$/.test(textAt(entry, 'RvslInd') ?? '');
  const row: StatementRow = {
    line: entry.line,
    raw: context.source.slice(entry.start, entry.end),
    date,
    valueDate: value ?? null,
    amount: signAmount(amount, debit),
    currency: amountElement?.attributes.Ccy?.trim() || null,
    payee: payeeOf(details, debit, reversal, context.ownerName),
    description: descriptionOf(entry, details),
    reference: referenceOf(entry, details),
    checkNumber: details.length === 1 ? textAt(details[0], 'Refs/ChqNb') : null,
    status: status === 'PDNG' ? 'pending' : 'cleared',
    category: null,
    splits: [],
    openingBalance: false,
  };
  return { kind: 'row', row, booked: status !== 'PDNG' && status !== 'INFO' };
}

/**
 * The date part of `<Dt>` or `<DtTm>` inside `element`, as written ("2017-04-01+02:00" and
 * "2015-12-31T01:12:39" give their first ten characters; no time-zone shifting). Undefined when the
 * element is absent, null when it is there but holds no calendar date.
 */
export function dateIn(element: XmlElement | undefined): string | null | undefined {
  if (!element) return undefined;
  const text = textAt(element, 'Dt') ?? textAt(element, 'DtTm') ?? '';
  const date = text.slice(0, 10);
  return isIsoDate(date) && (text.length === 10 || /^[T+\-Z]/.test(text.slice(10))) ? date : null;
}

/** `BOOK`, `PDNG`, `INFO` …: plain text up to 001.04, `<Cd>` (or `<Prtry>`) from 001.08 on. */
function entryStatus(entry: XmlElement): string | null {
  return textAt(entry, 'Sts') ?? textAt(entry, 'Sts/Cd') ?? textAt(entry, 'Sts/Prtry');
}

/**
 * The bank's own id of the entry: `AcctSvcrRef` (unique by definition), else `NtryRef`, else the
 * servicer reference of its only transaction detail. `EndToEndId` is the payer's, often
 * "NOTPROVIDED", and is never used; a batch keeps the entry's reference, not a detail's.
 */
function referenceOf(entry: XmlElement, details: XmlElement[]): string | null {
  return (
    textAt(entry, 'AcctSvcrRef') ??
    textAt(entry, 'NtryRef') ??
    (details.length === 1 ? textAt(details[0], 'Refs/AcctSvcrRef') : null)
  );
}

/**
 * The counterparty: the creditor of a debit, the debtor of a credit. A reversal repeats the parties
 * of the movement it undoes, so its roles are swapped. When the file names only the other role, that
 * name is taken unless it is the account owner's. Batch details give a payee only when they agree.
 */
function payeeOf(
  details: XmlElement[],
  debit: boolean,
  reversal: boolean,
  ownerName: string | null,
): string | null {
  const [wanted, other] = debit !== reversal ? ['Cdtr', 'Dbtr'] : ['Dbtr', 'Cdtr'];
  const owner = ownerName === null ? null : collapse(ownerName);
  const names = details.map((detail) => {
    const parties = childNamed(detail, 'RltdPties');
    const preferred = partyName(parties, wanted!);
    if (preferred) return preferred;
    const fallback = partyName(parties, other!);
    return fallback && fallback !== owner ? fallback : null;
  });
  const first = names[0] ?? null;
  return first !== null && names.every((name) => name === first) ? first : null;
}

/** `Cdtr/Nm` up to 001.04, `Cdtr/Pty/Nm` from 001.08 on. */
function partyName(parties: XmlElement | undefined, role: string): string | null {
  const party = parties && childNamed(parties, role);
  const name = textAt(party, 'Nm') ?? textAt(party, 'Pty/Nm');
  return name === null ? null : collapse(name);
}

/**
 * What the entry was for: the remittance text (`RmtInf/Ustrd`, joined) or the detail's additional
 * text; a batch of several details prefers the bank's own entry text and otherwise lists the distinct
 * detail texts.
 */
function descriptionOf(entry: XmlElement, details: XmlElement[]): string {
  const entryText = textAt(entry, 'AddtlNtryInf');
  if (details.length <= 1) {
    return collapse((details[0] && detailText(details[0])) ?? entryText ?? '');
  }
  if (entryText) return collapse(entryText);
  const texts = details.map(detailText).filter((text): text is string => text !== null);
  return [...new Set(texts.map(collapse))].join('; ');
}

function detailText(detail: XmlElement): string | null {
  const remittance = childNamed(detail, 'RmtInf');
  const lines = remittance ? childrenNamed(remittance, 'Ustrd').map((line) => textAt(line)) : [];
  const unstructured = lines.filter((line) => line !== null).join(' ');
  return unstructured || textAt(detail, 'AddtlTxInf');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function issue(entry: XmlElement, code: ImportIssue['code'], message: string): EntryResult {
  return { kind: 'issue', issue: { code, severity: 'error', message, line: entry.line } };
}
