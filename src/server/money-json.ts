import type { MoneyJson } from '../contract/common.ts';
import { atField } from '../core/errors.ts';
import {
  type CurrencyCode,
  currency,
  exponentOf,
  formatMinor,
  type Money,
  parseMoney,
} from '../core/money/index.ts';

/** Money as the API carries it: `{"amount": "-12.34", "currency": "EUR"}`. */
export function moneyJson(minor: bigint, code: string): MoneyJson {
  return { amount: formatMinor(minor, exponentOf(code as CurrencyCode)), currency: code };
}

export function toMoneyJson(value: Money): MoneyJson {
  return moneyJson(value.minor, value.currency);
}

/** Reads API money exactly, reporting a bad currency or amount at `field`. */
export function fromMoneyJson(json: MoneyJson, field: string): Money {
  const code = atField(`${field}/currency`, () => currency(json.currency));
  return atField(`${field}/amount`, () => parseMoney(json.amount, code));
}
