import type { MoneyJson } from '../../../contract/common.ts';
import { type ErrorCode, fail } from '../../../core/errors.ts';
import { toMinor } from '../../../db/values.ts';
import { fromMoneyJson, moneyJson } from '../../money-json.ts';
import type { BookScope } from '../../types.ts';
import { type AccountRow, accountJson } from '../accounts/queries.ts';

/** A category as the API answers it: the account, with its monthly target. */
export function categoryJson(row: AccountRow) {
  return {
    ...accountJson(row),
    target: row.target === null ? null : moneyJson(toMinor(row.target), row.currency),
  };
}

function refuse(field: string, code: ErrorCode, message: string): never {
  fail(code, message, [{ field, code, message }]);
}

/**
 * A category's new monthly target in minor units, or null for none. Only an expense category in
 * the book's base currency holds one (envelopes hold nothing else), and it is not negative.
 */
export function readTarget(scope: BookScope, category: AccountRow, target: MoneyJson | null): bigint | null {
  if (target === null) return null;
  if (category.type !== 'expense')
    refuse(
      '/target',
      'INVALID_ACCOUNT_KIND',
      `${category.name} is not an expense category: it holds no target.`,
    );
  const money = fromMoneyJson(target, '/target');
  if (category.currency !== scope.baseCurrency)
    refuse(
      '/target',
      'CURRENCY_MISMATCH',
      `${category.name} is in ${category.currency}; targets are in the book's base currency, ${scope.baseCurrency}.`,
    );
  if (money.currency !== scope.baseCurrency)
    refuse(
      '/target/currency',
      'CURRENCY_MISMATCH',
      `A target is in the book's base currency, ${scope.baseCurrency}.`,
    );
  if (money.minor < 0n) refuse('/target/amount', 'INVALID_AMOUNT', 'A target is not negative.');
  return money.minor;
}
