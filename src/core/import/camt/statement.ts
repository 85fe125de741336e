import { negateDecimal, sameDecimal, sumDecimals } from '../amount-text.ts';
import type { ImportIssue, Statement, StatementBalance } from '../types.ts';
import { childNamed, childrenNamed, textAt, type XmlElement } from '../xml.ts';
import { canonicalAmount, signAmount } from './amount.ts';
import { dateIn, readEntry } from './entry.ts';

/**
 * One `<Stmt>`: the account, its balances and a row per entry, then the bank's own check that the
 * opening booked balance plus the booked entries gives the closing booked balance. A statement
 * that does not add up is still imported, with a warning: the entries are what the bank booked.
 */
export function readStatement(
  statement: XmlElement,
  source: string,
): { statement: Statement; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const balances = readBalances(statement, issues);
  const entries = childrenNamed(statement, 'Ntry');
  const rows: Statement['rows'] = [];
  const booked: string[] = [];
  let unreadable = 0;
  const ownerName = textAt(statement, 'Acct/Ownr/Nm') ?? textAt(statement, 'Acct/Ownr/Pty/Nm');
  for (const entry of entries) {
    const result = readEntry(entry, { source, ownerName });
    if (result.kind === 'issue') {
      issues.push(result.issue);
      unreadable++;
      continue;
    }
    rows.push(result.row);
    if (result.booked) booked.push(result.row.amount);
  }
  const opening = balances.get('OPBD') ?? balances.get('PRCD') ?? null;
  const closing = balances.get('CLBD') ?? null;
  const currency =
    textAt(statement, 'Acct/Ccy') ??
    [...balances.values()].find((balance) => balance.currency)?.currency ??
    rows.find((row) => row.currency)?.currency ??
    null;
  const result: Statement = {
    accountId: textAt(statement, 'Acct/Id/IBAN') ?? textAt(statement, 'Acct/Id/Othr/Id'),
    accountType: textAt(statement, 'Acct/Tp/Cd') ?? textAt(statement, 'Acct/Tp/Prtry'),
    accountName: textAt(statement, 'Acct/Nm'),
    currency,
    rows,
    openingBalance: pick(opening),
    closingBalance: pick(closing),
    availableBalance: pick(balances.get('CLAV')),
  };
  // With an unreadable entry the sum is known to be incomplete; that entry's error says enough.
  if (opening && closing && unreadable === 0) {
    const expected = sumDecimals([opening.amount, ...booked]);
    if (!sameDecimal(expected, closing.amount)) {
      const name = textAt(statement, 'Id') ?? result.accountId ?? `on line ${statement.line}`;
      issues.push({
        code: 'BALANCE_MISMATCH',
        severity: 'warning',
        message:
          `Statement ${name} does not add up: the opening balance ${opening.amount} plus ${booked.length} ` +
          `booked entries (${sumDecimals(booked)}) gives ${expected}, but the closing balance is ` +
          `${closing.amount} (a difference of ${sumDecimals([closing.amount, negateDecimal(expected)])}).`,
        line: statement.line,
      });
    }
  }
  return { statement: result, issues };
}

interface Balance extends StatementBalance {
  currency: string | null;
}

/** Balances by type code (`OPBD`, `PRCD`, `CLBD`, `CLAV` …), the first of each; `DBIT` ones negative. */
function readBalances(statement: XmlElement, issues: ImportIssue[]): Map<string, Balance> {
  const balances = new Map<string, Balance>();
  for (const balance of childrenNamed(statement, 'Bal')) {
    const type = childNamed(balance, 'Tp');
    const code = textAt(type, 'CdOrPrtry/Cd') ?? textAt(type, 'CdOrPrtry/Prtry') ?? textAt(type, 'Cd');
    if (!code || balances.has(code)) continue;
    const amountElement = childNamed(balance, 'Amt');
    const amount = canonicalAmount(textAt(amountElement));
    if (amount === null) {
      issues.push({
        code: 'INVALID_AMOUNT',
        severity: 'warning',
        message: `The ${code} balance on line ${balance.line} has no readable amount; it is left out.`,
        line: balance.line,
      });
      continue;
    }
    balances.set(code, {
      amount: signAmount(amount, textAt(balance, 'CdtDbtInd') === 'DBIT'),
      date: dateIn(childNamed(balance, 'Dt')) ?? null,
      currency: amountElement?.attributes.Ccy?.trim() || null,
    });
  }
  return balances;
}

function pick(balance: Balance | null | undefined): StatementBalance | null {
  return balance ? { amount: balance.amount, date: balance.date } : null;
}
