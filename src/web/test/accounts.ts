import type { AccountJson } from '../api/types.ts';

/** An account as the API answers it, for component tests: only what a test names varies. */
export const testAccount = (
  id: number,
  name: string,
  type: AccountJson['type'],
  currency = 'EUR',
): AccountJson => ({
  id,
  name,
  type,
  subtype: null,
  currency,
  parentId: null,
  groupId: null,
  role: null,
  notes: null,
  archived: false,
  hidden: false,
  balance: { amount: '0.00', currency },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
