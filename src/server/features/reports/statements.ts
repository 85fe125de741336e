import type { MoneyJson } from '../../../contract/common.ts';
import type { IsoDate } from '../../../core/calendar/date.ts';
import type { Db } from '../../../db/connect.ts';
import { toFlag } from '../../../db/values.ts';
import { moneyJson } from '../../money-json.ts';
import { accountSums, typeSums } from '../accounts/account-sums.ts';
import { categorySums } from './category-sums.ts';
import type { ReportFilter } from './filters.ts';

interface AccountLine {
  accountId: number;
  name: string;
  archived: boolean;
  balance: MoneyJson;
}

interface StatementLine {
  categoryId: number;
  name: string;
  archived: boolean;
  groupId: number | null;
  groupName: string;
  amount: MoneyJson;
}

/** Adds `amount` to the running total of `currency`. */
function addTo(totals: Map<string, bigint>, currency: string, amount: bigint) {
  totals.set(currency, (totals.get(currency) ?? 0n) + amount);
}

const others = (totals: Map<string, bigint>[], base: string) =>
  [...new Set(totals.flatMap((t) => [...t.keys()]))].filter((c) => c !== base).sort();

/**
 * The balance sheet at the end of `date`: asset, liability and equity balances per account, and
 * retained earnings = −Σ(income + expense) per currency, both from the monthly roll-ups. Liabilities and
 * equity are shown as positive amounts owed / owned, so in one currency assets = liabilities + equity.
 */
export async function balanceSheet(db: Db, bookId: number, base: string, date: IsoDate) {
  const upTo = { from: null, to: date };
  const [accounts, sums, earnings] = await Promise.all([
    db
      .selectFrom('accounts')
      .select(['id', 'name', 'type', 'currency', 'archived'])
      .where('book_id', '=', bookId)
      .where('type', 'in', ['asset', 'liability', 'equity'])
      .orderBy('name')
      .orderBy('id')
      .execute(),
    accountSums(db, bookId, upTo, { types: ['asset', 'liability', 'equity'] }, { perMonth: false }),
    typeSums(db, bookId, upTo, { types: ['income', 'expense'] }, { perMonth: false }),
  ]);
  const balanceOf = new Map(sums.map((row) => [row.accountId, row.total]));
  const totals = {
    asset: new Map<string, bigint>(),
    liability: new Map<string, bigint>(),
    equity: new Map<string, bigint>(),
  };
  const lines = { asset: [] as AccountLine[], liability: [] as AccountLine[], equity: [] as AccountLine[] };
  for (const row of accounts) {
    const type = row.type as 'asset' | 'liability' | 'equity';
    const held = balanceOf.get(row.id) ?? 0n;
    const balance = type === 'asset' ? held : -held;
    addTo(totals[type], row.currency, balance);
    // Archived accounts with nothing left in them at the date have no line.
    if (balance === 0n && toFlag(row.archived)) continue;
    if (row.currency !== base) continue;
    lines[type].push({
      accountId: row.id,
      name: row.name,
      archived: toFlag(row.archived),
      balance: moneyJson(balance, row.currency),
    });
  }
  const retained = new Map<string, bigint>();
  for (const row of earnings) addTo(retained, row.currency, -row.total);
  const currencies = [
    ...new Set([totals.asset, totals.liability, totals.equity, retained].flatMap((t) => [...t.keys()])),
  ];
  // A transaction between currencies balances in its own currency only: in each currency its
  // postings leave what moved to or from the other one. That remainder is the currency's
  // conversions (Σ of all its postings); counted in equity, each currency balances on its own.
  const conversions = new Map<string, bigint>();
  for (const currency of currencies) {
    const at = (map: Map<string, bigint>) => map.get(currency) ?? 0n;
    addTo(totals.equity, currency, at(retained));
    const moved = at(totals.asset) - at(totals.liability) - at(totals.equity);
    conversions.set(currency, moved);
    addTo(totals.equity, currency, moved);
  }
  const total = (map: Map<string, bigint>) => moneyJson(map.get(base) ?? 0n, base);
  const plain = (map: Map<string, bigint>, currency: string) =>
    moneyJson(map.get(currency) ?? 0n, currency).amount;
  return {
    date,
    currency: base,
    assets: { accounts: lines.asset, total: total(totals.asset) },
    liabilities: { accounts: lines.liability, total: total(totals.liability) },
    equity: {
      accounts: lines.equity,
      retainedEarnings: total(retained),
      currencyConversions: total(conversions),
      total: total(totals.equity),
    },
    otherCurrencies: others([totals.asset, totals.liability, totals.equity], base).map((currency) => ({
      currency,
      assets: plain(totals.asset, currency),
      liabilities: plain(totals.liability, currency),
      equity: plain(totals.equity, currency),
      retainedEarnings: plain(retained, currency),
      currencyConversions: plain(conversions, currency),
    })),
  };
}

/** Income and expense per category over a range (signs turned positive) and the net income. */
export async function incomeStatement(
  db: Db,
  bookId: number,
  base: string,
  range: { from: IsoDate; to: IsoDate },
  filter: ReportFilter,
) {
  const sums = await categorySums(db, bookId, range, filter, ['income', 'expense']);
  const income = new Map<string, bigint>();
  const expense = new Map<string, bigint>();
  const lines = { income: [] as StatementLine[], expense: [] as StatementLine[] };
  for (const row of sums) {
    const amount = row.type === 'income' ? -row.total : row.total;
    addTo(row.type === 'income' ? income : expense, row.currency, amount);
    if (row.currency !== base) continue;
    lines[row.type].push({
      categoryId: row.categoryId,
      name: row.name,
      archived: row.archived,
      groupId: row.groupId,
      groupName: row.groupName,
      amount: moneyJson(amount, base),
    });
  }
  const at = (map: Map<string, bigint>, currency: string) => map.get(currency) ?? 0n;
  return {
    ...range,
    currency: base,
    income: { categories: lines.income, total: moneyJson(at(income, base), base) },
    expense: { categories: lines.expense, total: moneyJson(at(expense, base), base) },
    netIncome: moneyJson(at(income, base) - at(expense, base), base),
    otherCurrencies: others([income, expense], base).map((currency) => ({
      currency,
      income: moneyJson(at(income, currency), currency).amount,
      expense: moneyJson(at(expense, currency), currency).amount,
      netIncome: moneyJson(at(income, currency) - at(expense, currency), currency).amount,
    })),
  };
}
