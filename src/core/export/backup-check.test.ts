import { describe, expect, it } from 'vitest';
import { MonetaError } from '../errors.ts';
import { checkBackup } from './backup-check.ts';
import { importKeyAccount, remapImportKey, remapRule, ruleReferences } from './backup-references.ts';
import type { BackupDocument } from './backup-types.ts';

const at = '2026-01-01T10:00:00.000Z';
const stamps = { createdAt: at, updatedAt: at };

/** A small but complete backup: every collection holds a row that refers to others. */
function sample(): BackupDocument {
  return {
    format: 'moneta-backup',
    version: 1,
    exportedAt: at,
    book: { id: 3, name: 'Home', baseCurrency: 'EUR', ...stamps },
    categoryGroups: [{ id: 20, name: 'Living', kind: 'expense', position: 0, hidden: false, ...stamps }],
    accounts: [
      {
        id: 10,
        name: 'Checking',
        type: 'asset',
        subtype: 'checking',
        currency: 'EUR',
        parentId: null,
        groupId: null,
        role: null,
        notes: null,
        archived: false,
        hidden: false,
        target: null,
        ...stamps,
      },
      {
        id: 11,
        name: 'Food',
        type: 'expense',
        subtype: null,
        currency: 'EUR',
        parentId: null,
        groupId: 20,
        role: null,
        notes: null,
        archived: false,
        hidden: false,
        target: '250.00',
        ...stamps,
      },
      {
        id: 12,
        name: 'Travel',
        type: 'asset',
        subtype: 'other',
        currency: 'USD',
        parentId: 10,
        groupId: null,
        role: null,
        notes: null,
        archived: true,
        hidden: false,
        target: null,
        ...stamps,
      },
    ],
    payees: [{ id: 30, name: 'Rewe', defaultCategoryId: 11, ...stamps }],
    tags: [{ id: 40, name: 'trip', color: null, ...stamps }],
    importBatches: [
      {
        id: 50,
        accountId: 10,
        format: 'ofx',
        fileName: 'a.ofx',
        fileSha256: 'ab',
        transactionCount: 1,
        skippedCount: 0,
        createdAt: at,
        undoneAt: null,
      },
    ],
    reconciliations: [
      {
        id: 70,
        accountId: 10,
        statementDate: '2026-01-31',
        statementBalance: '-12.50',
        transactionCount: 1,
        createdAt: at,
      },
    ],
    transactions: [
      {
        id: 60,
        date: '2026-01-05',
        currency: 'EUR',
        payeeId: 30,
        description: 'Shop',
        notes: null,
        status: 'cleared',
        tagIds: [40],
        importBatchId: 50,
        reconciliationId: null,
        importKey: '10:id:FIT1',
        ...stamps,
        postings: [
          { accountId: 10, amount: '-12.50', value: '-12.50', memo: null },
          { accountId: 11, amount: '12.50', value: '12.50', memo: 'veg' },
        ],
      },
      {
        id: 61,
        date: '2026-01-06',
        currency: 'EUR',
        payeeId: null,
        description: 'Exchange',
        notes: null,
        status: 'pending',
        tagIds: [],
        importBatchId: null,
        reconciliationId: null,
        importKey: null,
        ...stamps,
        postings: [
          { accountId: 10, amount: '-100.00', value: '-100.00', memo: null },
          { accountId: 12, amount: '109.31', value: '100.00', memo: null },
        ],
      },
    ],
    budgets: [
      {
        id: 70,
        name: 'Food',
        categoryId: 11,
        groupId: null,
        recurrence: { kind: 'monthly', startDay: 25 },
        rollover: 'none',
        currency: 'EUR',
        ...stamps,
        amounts: [{ from: '2026-01-25', amount: '300.00' }],
      },
    ],
    notifications: [
      {
        budgetId: 70,
        periodStart: '2026-01-25',
        periodEnd: '2026-02-24',
        threshold: 80,
        spent: '250.00',
        available: '50.00',
        currency: 'EUR',
        createdAt: at,
        dismissedAt: null,
      },
    ],
    envelope: {
      settings: { enabled: true, startedMonth: '2026-01', updatedAt: at },
      assignments: [{ month: '2026-01', categoryId: 11, amount: '200.00', updatedAt: at }],
      moves: [{ month: '2026-01', fromCategoryId: 11, toCategoryId: 11, amount: '5.00', createdAt: at }],
    },
    importProfiles: [
      { id: 80, accountId: 10, name: 'Bank CSV', mapping: { delimiter: ';' }, headerKey: null, ...stamps },
    ],
    rules: [
      {
        id: 90,
        name: 'Rewe is food',
        position: 0,
        enabled: true,
        match: 'all',
        conditions: [
          { field: 'payee', operator: 'contains', value: 'rewe' },
          { field: 'account', operator: 'in', accountIds: [10] },
        ],
        actions: [
          { type: 'setCategory', categoryId: 11 },
          { type: 'addTag', tagId: 40 },
          { type: 'split', parts: [{ categoryId: 11, amount: null, percent: '100' }] },
        ],
        ...stamps,
      },
    ],
  };
}

/** The problems a backup is refused with, as `field code` strings. */
function refusal(change: (doc: any) => unknown): string[] {
  const doc: any = sample();
  const replaced = change(doc);
  try {
    checkBackup(replaced === undefined ? doc : replaced);
  } catch (error) {
    if (!(error instanceof MonetaError)) throw error;
    expect(error.code).toBe('INVALID_BACKUP');
    return error.fieldErrors.map((e) => `${e.field} ${e.code}`);
  }
  throw new Error('the backup was accepted');
}

describe('checking a backup before restore', () => {
  it('accepts a sound backup, balancing each transaction and summing each balance', () => {
    const checked = checkBackup(sample());
    expect(checked.transactions.map((t) => t.total.minor)).toEqual([1250n, 10931n - 931n]);
    expect(Object.fromEntries(checked.balances)).toEqual({ 10: -11250n, 11: 1250n, 12: 10931n });
    expect(checked.transactions[1]!.postings[1]!.amount).toEqual({ minor: 10931n, currency: 'USD' });
  });

  it('gives instants the one form the databases return', () => {
    const doc: any = sample();
    doc.accounts[0].createdAt = '2026-01-01T11:00:00+01:00';
    expect(checkBackup(doc).document.accounts[0]!.createdAt).toBe('2026-01-01T10:00:00.000Z');
  });

  it('refuses what is not a Moneta backup of a version it reads, before anything else', () => {
    expect(refusal(() => [])).toEqual(['/ INVALID_BACKUP']);
    expect(refusal(() => 'moneta-backup')).toEqual(['/ INVALID_BACKUP']);
    expect(refusal((d) => ({ ...d, format: 'firefly' }))).toEqual(['/format INVALID_BACKUP']);
    expect(refusal((d) => ({ ...d, version: 99, accounts: 'whatever' }))).toEqual([
      '/version INVALID_BACKUP',
    ]);
    expect(refusal((d) => ({ ...d, version: '1' }))).toEqual(['/version INVALID_BACKUP']);
  });

  it('lists every problem of shape at once, with its JSON pointer', () => {
    expect(
      refusal((d) => {
        delete d.book.name;
        d.accounts[0].colour = 'red';
        d.accounts[1].type = 'cost';
        d.transactions[0].date = '2026-02-30';
        d.transactions[0].postings[0].amount = -12.5;
        d.tags[0].id = 0;
        d.envelope.assignments[0].month = '2026-13';
        d.exportedAt = 'yesterday';
        d.rules = {};
      }),
    ).toEqual([
      '/exportedAt INVALID_BACKUP',
      '/book/name INVALID_BACKUP',
      '/accounts/0/colour INVALID_BACKUP',
      '/accounts/1/type INVALID_BACKUP',
      '/tags/0/id INVALID_BACKUP',
      '/transactions/0/date INVALID_DATE',
      '/transactions/0/postings/0/amount INVALID_AMOUNT',
      '/envelope/assignments/0/month INVALID_BACKUP',
      '/rules INVALID_BACKUP',
    ]);
  });

  it('reads a target left out by an older backup as none, and refuses a negative one or one off an expense', () => {
    const older: any = sample();
    delete older.accounts[1].target;
    expect(checkBackup(older).document.accounts[1]!.target).toBeNull();
    expect(checkBackup(sample()).document.accounts[1]!.target).toBe('250.00');
    expect(
      refusal((d) => {
        d.accounts[1].target = '-1.00';
        d.accounts[0].target = '5.00';
        d.accounts[2].target = '0.001';
      }),
    ).toEqual([
      '/accounts/0/target INVALID_ACCOUNT_KIND',
      '/accounts/1/target INVALID_AMOUNT',
      '/accounts/2/target INVALID_ACCOUNT_KIND',
      '/accounts/2/target CURRENCY_MISMATCH',
      '/accounts/2/target TOO_MANY_DECIMALS',
    ]);
  });

  it('refuses a target on a category outside the base currency, as the API does', () => {
    expect(
      refusal((d) => {
        d.accounts[1].currency = 'USD';
      }),
    ).toContain('/accounts/1/target CURRENCY_MISMATCH');
  });

  it('refuses a transaction that does not balance, by the ledger’s own rules', () => {
    expect(
      refusal((d) => {
        d.transactions[0].postings[1].amount = '12.49';
        d.transactions[0].postings[1].value = '12.49';
      }),
    ).toEqual(['/transactions/0/postings UNBALANCED_TRANSACTION']);
    expect(
      refusal((d) => {
        d.transactions[0].postings[1].value = '12.40';
      }),
    ).toEqual(['/transactions/0/postings/1/value VALUE_MISMATCH']);
    expect(
      refusal((d) => {
        d.transactions[1].postings[1].amount = '109.315';
      }),
    ).toEqual(['/transactions/1/postings/1/amount TOO_MANY_DECIMALS']);
    expect(
      refusal((d) => {
        d.transactions[0].postings.pop();
      }),
    ).toEqual(['/transactions/0/postings TOO_FEW_POSTINGS']);
    expect(
      refusal((d) => {
        d.transactions[0].currency = 'XXX';
      }),
    ).toEqual(['/transactions/0/currency UNKNOWN_CURRENCY']);
  });

  it('refuses every reference that points nowhere', () => {
    expect(
      refusal((d) => {
        d.transactions[0].postings[0].accountId = 999;
        d.transactions[0].payeeId = 998;
        d.transactions[0].tagIds = [40, 997];
        d.transactions[0].importBatchId = 996;
        d.transactions[1].importKey = '995:id:X';
        d.accounts[1].groupId = 994;
        d.accounts[2].parentId = 11;
        d.payees[0].defaultCategoryId = 10;
        d.budgets[0].categoryId = 10;
        d.notifications[0].budgetId = 993;
        d.envelope.moves[0].toCategoryId = 12;
        d.importProfiles[0].accountId = 992;
        d.rules[0].conditions[1].accountIds = [10, 991];
        d.rules[0].actions[1].tagId = 990;
        d.rules[0].actions[2].parts[0].categoryId = 989;
      }),
    ).toEqual([
      '/accounts/1/groupId UNKNOWN_CATEGORY_GROUP',
      '/accounts/2/parentId INVALID_PARENT',
      '/payees/0/defaultCategoryId UNKNOWN_ACCOUNT',
      '/importProfiles/0/accountId UNKNOWN_ACCOUNT',
      '/transactions/0/payeeId UNKNOWN_PAYEE',
      '/transactions/0/tagIds/1 UNKNOWN_TAG',
      '/transactions/0/importBatchId INVALID_BACKUP',
      '/transactions/1/importKey UNKNOWN_ACCOUNT',
      '/budgets/0/categoryId UNKNOWN_ACCOUNT',
      '/notifications/0/budgetId INVALID_BACKUP',
      '/envelope/moves/0/toCategoryId UNKNOWN_ACCOUNT',
      '/rules/0/conditions/1/accountIds/1 UNKNOWN_ACCOUNT',
      '/rules/0/actions/1/tagId UNKNOWN_TAG',
      '/rules/0/actions/2/parts/0/categoryId UNKNOWN_ACCOUNT',
      '/transactions/0/postings/0/accountId UNKNOWN_ACCOUNT',
    ]);
  });

  it('refuses repeated ids and names, cycles of parents and budgets with no single target', () => {
    expect(
      refusal((d) => {
        d.tags.push({ ...d.tags[0], name: 'TRIP' });
        d.payees.push({ ...d.payees[0], id: 31, name: 'rewe' });
        d.accounts[0].parentId = 12;
        d.budgets[0].groupId = 20;
        d.budgets[0].recurrence = { kind: 'monthly', startDay: 32 };
        d.budgets[0].amounts.push({ from: '2026-01-25', amount: '-1.00' });
        d.notifications.push({ ...d.notifications[0] });
      }),
    ).toEqual([
      '/tags/1/id INVALID_BACKUP',
      '/payees/1/name NAME_TAKEN',
      '/tags/1/name NAME_TAKEN',
      '/accounts/0/parentId INVALID_PARENT',
      '/accounts/2/parentId INVALID_PARENT',
      '/budgets/0/categoryId INVALID_BACKUP',
      '/budgets/0/recurrence/startDay INVALID_BACKUP',
      '/budgets/0/amounts/1/from INVALID_BACKUP',
      '/budgets/0/amounts/1/amount INVALID_AMOUNT',
      '/notifications/1 INVALID_BACKUP',
    ]);
  });

  it('says in its message where the first problem is and how many more there are', () => {
    const doc: any = sample();
    doc.transactions[0].payeeId = 998;
    doc.transactions[0].importBatchId = 996;
    expect(() => checkBackup(doc)).toThrow(
      'The backup cannot be restored: /transactions/0/payeeId: There is no payee 998 in the backup. (and 1 more problem)',
    );
  });
});

describe('ids inside rules and import keys', () => {
  const rule = sample().rules[0]!;
  const maps = {
    account: new Map([
      [10, 110],
      [11, 111],
    ]),
    category: new Map([[11, 111]]),
    tag: new Map([[40, 140]]),
  };

  it('finds and remaps every account, category and tag id of a rule', () => {
    expect(ruleReferences(rule).map((r) => `${r.path} ${r.kind} ${String(r.id)}`)).toEqual([
      '/conditions/1/accountIds/0 account 10',
      '/actions/0/categoryId category 11',
      '/actions/1/tagId tag 40',
      '/actions/2/parts/0/categoryId category 11',
    ]);
    expect(remapRule(rule, maps)).toEqual({
      conditions: [
        { field: 'payee', operator: 'contains', value: 'rewe' },
        { field: 'account', operator: 'in', accountIds: [110] },
      ],
      actions: [
        { type: 'setCategory', categoryId: 111 },
        { type: 'addTag', tagId: 140 },
        { type: 'split', parts: [{ categoryId: 111, amount: null, percent: '100' }] },
      ],
    });
  });

  it('remaps the account an import key starts with, and leaves other keys alone', () => {
    expect(importKeyAccount('10:hash:2026-01-05:-12.5:abc#2')).toBe(10);
    expect(remapImportKey('10:hash:2026-01-05:-12.5:abc#2', maps.account)).toBe(
      '110:hash:2026-01-05:-12.5:abc#2',
    );
    expect(remapImportKey('legacy-key', maps.account)).toBe('legacy-key');
  });
});

describe('reconciliations in a backup', () => {
  it('reads an older backup without them as none, and refuses references to what is not there', () => {
    const older: any = sample();
    delete older.reconciliations;
    for (const t of older.transactions) delete t.reconciliationId;
    const read = checkBackup(older).document;
    expect(read.reconciliations).toEqual([]);
    expect(read.transactions.map((t) => t.reconciliationId)).toEqual([null, null]);
    expect(
      refusal((d) => {
        d.transactions[0].reconciliationId = 71;
        d.reconciliations[0].accountId = 11;
      }),
    ).toEqual([
      '/reconciliations/0/accountId UNKNOWN_ACCOUNT',
      '/transactions/0/reconciliationId INVALID_BACKUP',
    ]);
    expect(
      refusal((d) => {
        d.reconciliations[0].statementBalance = '1.234';
      }),
    ).toEqual(['/reconciliations/0/statementBalance TOO_MANY_DECIMALS']);
  });
});
