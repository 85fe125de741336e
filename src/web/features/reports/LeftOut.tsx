import { Fragment } from 'react';
import type { MoneyJson } from '../../api/types.ts';
import { Amount } from '../../ui/Amount.tsx';
import { isZeroAmount } from '../../ui/money.ts';

/**
 * What a total leaves out: amounts in other currencies, which it cannot add up until exchange
 * rates exist. Said beside the total, so no total drops an account or a category silently.
 */
export function LeftOut({ amounts, what = 'this total' }: { amounts: readonly MoneyJson[]; what?: string }) {
  const shown = amounts.filter((amount) => !isZeroAmount(amount.amount));
  if (shown.length === 0) return null;
  return (
    <p className="left-out">
      Not in {what} (no exchange rates yet):{' '}
      {shown.map((amount, index) => (
        <Fragment key={amount.currency}>
          {index > 0 && ', '}
          <Amount value={amount} />
        </Fragment>
      ))}
    </p>
  );
}

/** The amounts of one field of a report's `otherCurrencies`, as money. */
export function amountsOf<K extends string>(
  others: readonly ({ currency: string } & Record<K, string>)[],
  field: K,
): MoneyJson[] {
  return others.map((other) => ({ amount: other[field], currency: other.currency }));
}
