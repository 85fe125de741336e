import { currency, formatMoney } from '../../../core/money/index.ts';
import type { AccountJson, MoneyJson } from '../../api/types.ts';
import { isZeroAmount, sumByCurrency } from '../../ui/money.ts';

/**
 * Net worth as every page states it (accounts, dashboard; the reports compute the same on the
 * server): every asset and liability account, archived ones included. Archiving hides an account
 * from lists and pickers; what it holds still counts. Only the base currency is added up; the other
 * currencies come apart, per currency, to be shown beside the total until exchange rates exist.
 */
export function netWorthOf(accounts: readonly AccountJson[], base: string) {
  const held = accounts.filter((account) => account.type === 'asset' || account.type === 'liability');
  const totals = sumByCurrency(held.map((account) => account.balance));
  const nonZero = (values: MoneyJson[]) => values.filter((value) => !isZeroAmount(value.amount));
  return {
    total: totals.find((total) => total.currency === base) ?? {
      amount: formatMoney({ minor: 0n, currency: currency(base) }),
      currency: base,
    },
    otherCurrencies: nonZero(totals.filter((total) => total.currency !== base)),
    /** What the archived accounts hold, per currency (already in the totals). */
    archived: nonZero(sumByCurrency(held.filter((account) => account.archived).map((a) => a.balance))),
  };
}
