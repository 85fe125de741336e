import { formatLocaleAmount } from '../../core/money/locale.ts';
import type { MoneyJson } from '../api/types.ts';
import { useLocale } from '../app/preferences.ts';

/**
 * An amount as the person's locale writes it, with its sign always visible (colour is only a
 * second signal): `−1.234,56 €` in de-DE, `-$1,234.56` in en-US.
 */
export function Amount({ value, flip = false }: { value: MoneyJson; flip?: boolean }) {
  const locale = useLocale();
  const amount = flip ? negateDecimal(value.amount) : value.amount;
  const negative = amount.startsWith('-');
  const zero = /^-?0(\.0*)?$/.test(amount);
  return (
    <span className={`amount${negative && !zero ? ' negative' : ''}`} data-amount={amount}>
      {formatLocaleAmount(amount, locale, { currency: value.currency })}
    </span>
  );
}

export function negateDecimal(amount: string): string {
  if (/^-?0(\.0*)?$/.test(amount)) return amount.replace('-', '');
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}
