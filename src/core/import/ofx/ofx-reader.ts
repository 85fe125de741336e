import type { ImportIssue, Statement, StatementBalance, StatementRow } from '../types.ts';
import { decodeEntities, LineIndex, type OfxToken, trimValue } from './ofx-tokens.ts';
import { ofxAmount, ofxDate } from './ofx-values.ts';

/**
 * Walks OFX tokens into statements. SGML OFX leaves most end tags out and real files break the
 * rules in every way (end tags nested at the wrong level, end tags for elements never opened,
 * transactions outside their list), so the reader keeps a stack of the aggregates it knows only:
 * every other tag is a leaf whose value is the text after it. An end tag closes the innermost open
 * aggregate of that name and everything opened inside it; an end tag with nothing to close is
 * ignored. A leaf is read by the aggregate it sits in, so `<NAME>` means the payee inside
 * `<STMTTRN>` and nothing inside `<BAL>`.
 */

const AGGREGATES = new Set([
  'OFX',
  'SIGNONMSGSRSV1',
  'SONRS',
  'STATUS',
  'FI',
  'BANKMSGSRSV1',
  'CREDITCARDMSGSRSV1',
  'INVSTMTMSGSRSV1',
  'STMTTRNRS',
  'CCSTMTTRNRS',
  'INVSTMTTRNRS',
  'STMTRS',
  'CCSTMTRS',
  'INVSTMTRS',
  'LOANSTMTRS',
  'STMTENDRS',
  'CCSTMTENDRS',
  'BANKACCTFROM',
  'CCACCTFROM',
  'BANKACCTTO',
  'CCACCTTO',
  'BANKTRANLIST',
  'BANKTRANLISTP',
  'STMTTRN',
  'STMTTRNP',
  'PAYEE',
  'CURRENCY',
  'ORIGCURRENCY',
  'LEDGERBAL',
  'AVAILBAL',
  'BALLIST',
  'BAL',
]);

/** Statement kinds Moneta does not import: reported once each and read no further. */
const SKIPPED_STATEMENTS: Record<string, string> = {
  INVSTMTRS: 'An investment statement',
  LOANSTMTRS: 'A loan statement',
};

interface Frame {
  name: string;
  start: number;
}

interface StatementDraft {
  start: number;
  kind: 'STMTRS' | 'CCSTMTRS';
  accountId: string | null;
  accountType: string | null;
  currency: string | null;
  rows: StatementRow[];
  closingBalance: StatementBalance | null;
  availableBalance: StatementBalance | null;
  /** A LEDGERBAL was read: the statement got past its transaction list. */
  sawLedger: boolean;
  pendingRows: number;
}

interface TransactionDraft {
  start: number;
  fields: Map<string, string>;
  payeeName: string | null;
  currency: string | null;
}

interface BalanceDraft {
  start: number;
  amount: string | null;
  date: string | null;
}

export interface OfxReading {
  statements: Statement[];
  issues: ImportIssue[];
  /** Investment and loan statements seen (and skipped). */
  skippedStatements: number;
  /** Statements the file ends inside of, with the rows they had. */
  cutOffStatements: number;
}

export function readOfx(text: string, tokens: readonly OfxToken[]): OfxReading {
  return new OfxReader(text, tokens).read();
}

class OfxReader {
  private readonly lines: LineIndex;
  private readonly stack: Frame[] = [];
  private readonly statements: Statement[] = [];
  private readonly issues: ImportIssue[] = [];
  private statement: StatementDraft | null = null;
  private transaction: TransactionDraft | null = null;
  private balance: BalanceDraft | null = null;
  private skipDepth = 0;
  private skippedStatements = 0;
  private cutOffStatements = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly OfxToken[],
  ) {
    this.lines = new LineIndex(text);
  }

  read(): OfxReading {
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind === 'text') continue;
      if (token.kind === 'close') {
        this.closeTo(token.name, token.end, token.start);
        continue;
      }
      const next = tokens[i + 1];
      const value = next?.kind === 'text' ? next.text : '';
      if (AGGREGATES.has(token.name) && trimValue(value) === '') this.open(token.name, token.start);
      else {
        this.leaf(token.name, decodeEntities(trimValue(value)));
        if (next?.kind === 'text') i++;
      }
    }
    while (this.stack.length > 0) this.pop(this.text.length, true);
    return {
      statements: this.statements,
      issues: this.issues,
      skippedStatements: this.skippedStatements,
      cutOffStatements: this.cutOffStatements,
    };
  }

  private open(name: string, start: number): void {
    // No aggregate nests in itself: a second <STMTTRN> while one is open means the first lacked its end tag.
    if (this.stack.some((frame) => frame.name === name)) this.closeTo(name, start, start);
    this.stack.push({ name, start });
    if (SKIPPED_STATEMENTS[name]) {
      this.skipDepth++;
      this.skippedStatements++;
      this.issue(
        'SKIPPED_SECTION',
        'warning',
        start,
        `${SKIPPED_STATEMENTS[name]} was skipped: Moneta imports bank and credit-card statements only.`,
      );
    }
    if (this.skipDepth > 0) return;
    if (name === 'STMTRS' || name === 'CCSTMTRS') this.statement = newStatement(name, start);
    else if (name === 'STMTTRN' && this.statement) {
      this.transaction = { start, fields: new Map(), payeeName: null, currency: null };
    } else if (name === 'STMTTRNP' && this.statement) this.statement.pendingRows++;
    else if ((name === 'LEDGERBAL' || name === 'AVAILBAL') && this.statement) {
      this.balance = { start, amount: null, date: null };
    }
  }

  private leaf(name: string, value: string): void {
    if (this.skipDepth > 0) return;
    const context = this.stack.at(-1)?.name;
    const { statement, transaction, balance } = this;
    if (context === 'STMTTRN' && transaction) {
      if (!transaction.fields.has(name)) transaction.fields.set(name, value);
    } else if (context === 'PAYEE' && transaction && name === 'NAME') transaction.payeeName = value || null;
    else if (context === 'CURRENCY' && transaction && name === 'CURSYM') transaction.currency = value || null;
    else if ((context === 'LEDGERBAL' || context === 'AVAILBAL') && balance) {
      if (name === 'BALAMT') balance.amount = value;
      if (name === 'DTASOF') balance.date = value;
    } else if (!statement) return;
    else if ((context === 'STMTRS' || context === 'CCSTMTRS') && name === 'CURDEF') {
      statement.currency = value.toUpperCase() || null;
    } else if (context === 'BANKACCTFROM' || context === 'CCACCTFROM') {
      if (name === 'ACCTID') statement.accountId = value || null;
      if (name === 'ACCTTYPE' && value) statement.accountType = value;
    }
  }

  /** Closes the innermost open `name` and everything inside it; an end tag with nothing to close is ignored. */
  private closeTo(name: string, end: number, innerEnd: number): void {
    const index = this.stack.findLastIndex((frame) => frame.name === name);
    if (index < 0) return;
    while (this.stack.length > index + 1) this.pop(innerEnd, false);
    this.pop(end, false);
  }

  private pop(end: number, atEndOfFile: boolean): void {
    const frame = this.stack.pop()!;
    if (SKIPPED_STATEMENTS[frame.name]) {
      this.skipDepth--;
      return;
    }
    if (this.skipDepth > 0) return;
    if (frame.name === 'STMTTRN' && this.transaction) {
      this.finishTransaction(this.transaction, end, atEndOfFile);
      this.transaction = null;
    } else if ((frame.name === 'LEDGERBAL' || frame.name === 'AVAILBAL') && this.balance) {
      this.finishBalance(frame.name, this.balance);
      this.balance = null;
    } else if ((frame.name === 'STMTRS' || frame.name === 'CCSTMTRS') && this.statement) {
      this.finishStatement(this.statement, atEndOfFile);
      this.statement = null;
    }
  }

  private finishTransaction(draft: TransactionDraft, end: number, cutOff: boolean): void {
    const row = this.rowOf(draft, end, cutOff);
    if ('code' in row) this.issues.push(row);
    else this.statement!.rows.push(row);
  }

  /** The row of a transaction, or the error that keeps it out. */
  private rowOf(draft: TransactionDraft, end: number, cutOff: boolean): StatementRow | ImportIssue {
    const { fields } = draft;
    const line = this.lines.lineOf(draft.start);
    const error = (code: ImportIssue['code'], message: string): ImportIssue => ({
      code,
      severity: 'error',
      message,
      line,
    });
    if (cutOff)
      return error(
        'MALFORMED_RECORD',
        `The transaction on line ${line} is cut off: the file ends inside it.`,
      );
    const amountText = fields.get('TRNAMT') ?? '';
    if (amountText === '')
      return error('MALFORMED_RECORD', `The transaction on line ${line} has no amount (TRNAMT).`);
    const amount = ofxAmount(amountText);
    if (amount === null)
      return error('INVALID_AMOUNT', `'${clip(amountText)}' on line ${line} is not an amount.`);
    const posted = fields.get('DTPOSTED') ?? '';
    const date = ofxDate(posted);
    if (!posted) return error('MALFORMED_RECORD', `The transaction on line ${line} has no date (DTPOSTED).`);
    if (date === null) return error('INVALID_DATE', `'${clip(posted)}' on line ${line} is not a date.`);
    const statementCurrency = this.statement!.currency;
    const currency = draft.currency?.toUpperCase() ?? null;
    const name = fields.get('NAME') ?? '';
    return {
      line,
      raw: this.text.slice(draft.start, end).trimEnd(),
      date,
      valueDate: ofxDate(fields.get('DTAVAIL') ?? ''),
      amount,
      // CURRENCY in a transaction means its amount is in that currency (ORIGCURRENCY means it was converted).
      currency:
        currency && statementCurrency && /^[A-Z]{3}$/.test(currency) && currency !== statementCurrency
          ? currency
          : null,
      // Some banks fill NAME with zeros and put the payee in MEMO: zeros are no name.
      payee: draft.payeeName ?? (/^0*$/.test(name) ? null : name),
      description: fields.get('MEMO') ?? '',
      reference: fields.get('FITID') || null,
      checkNumber: fields.get('CHECKNUM') || null,
      status: 'cleared',
      category: null,
      splits: [],
      openingBalance: false,
    };
  }

  private finishBalance(name: string, draft: BalanceDraft): void {
    const statement = this.statement!;
    if (name === 'LEDGERBAL') statement.sawLedger = true;
    if (!draft.amount) return;
    const amount = ofxAmount(draft.amount);
    if (amount === null) {
      const line = this.lines.lineOf(draft.start);
      const message = `The ${name === 'LEDGERBAL' ? 'ledger' : 'available'} balance '${clip(draft.amount)}' on line ${line} is not an amount; it is ignored.`;
      this.issue('INVALID_AMOUNT', 'warning', draft.start, message);
      return;
    }
    const balance = { amount, date: ofxDate(draft.date ?? '') };
    if (name === 'LEDGERBAL') statement.closingBalance = balance;
    else statement.availableBalance = balance;
  }

  private finishStatement(draft: StatementDraft, atEndOfFile: boolean): void {
    const account = draft.accountId ? `account ${draft.accountId}` : 'the statement';
    if (atEndOfFile && !draft.sawLedger) {
      this.cutOffStatements++;
      const message = `The file ends inside the statement of ${account}: it looks cut off, and transactions after the last one read may be missing.`;
      this.issue('UNREADABLE_FILE', 'error', draft.start, message);
    }
    if (draft.pendingRows > 0) {
      const count =
        draft.pendingRows === 1 ? '1 pending transaction' : `${draft.pendingRows} pending transactions`;
      const message = `${count} of ${account} ${draft.pendingRows === 1 ? 'was' : 'were'} skipped: only booked transactions are imported.`;
      this.issue('SKIPPED_SECTION', 'warning', draft.start, message);
    }
    this.statements.push({
      accountId: draft.accountId,
      accountType: draft.accountType ?? (draft.kind === 'CCSTMTRS' ? 'CREDITCARD' : null),
      accountName: null,
      currency: draft.currency,
      rows: draft.rows,
      openingBalance: null,
      closingBalance: draft.closingBalance,
      availableBalance: draft.availableBalance,
    });
  }

  private issue(
    code: ImportIssue['code'],
    severity: ImportIssue['severity'],
    at: number,
    message: string,
  ): void {
    this.issues.push({ code, severity, message, line: this.lines.lineOf(at) });
  }
}

function newStatement(kind: 'STMTRS' | 'CCSTMTRS', start: number): StatementDraft {
  return {
    start,
    kind,
    accountId: null,
    accountType: null,
    currency: null,
    rows: [],
    closingBalance: null,
    availableBalance: null,
    sawLedger: false,
    pendingRows: 0,
  };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
