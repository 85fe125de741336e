// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http.ts';
import type { AccountJson, BulkTransactionChangeJson, PayeeJson, TransactionJson } from '../../api/types.ts';
import { BulkBar } from './BulkBar.tsx';
import { doneMessage, refusals } from './bulk.ts';

const payees = [{ id: 4, name: 'Corner Market' }] as PayeeJson[];
const categories = [
  { id: 7, name: 'Groceries', type: 'expense', archived: false },
  { id: 8, name: 'Old stuff', type: 'expense', archived: true },
] as AccountJson[];

describe('BulkBar', () => {
  afterEach(cleanup);

  function setup(error: unknown = null, refused: string[] = [], count = 3) {
    const changes: BulkTransactionChangeJson[] = [];
    let cleared = 0;
    render(
      <BulkBar
        done={0}
        count={count}
        categories={categories}
        payees={payees}
        tags={[{ id: 9, name: 'trip' }] as never}
        busy={false}
        error={error}
        refused={refused}
        onApply={(set) => changes.push(set)}
        onDelete={() => {}}
        onClear={() => cleared++}
      />,
    );
    return { changes, cleared: () => cleared };
  }

  it('opens a form on the field’s button, focused, offering open categories only', () => {
    const { changes } = setup();
    expect(screen.getByText('3 selected')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Category' });
    act(() => fireEvent.click(toggle));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const select = screen.getByLabelText('Category') as HTMLSelectElement;
    expect(document.activeElement).toBe(select);
    expect([...select.options].map((option) => option.text)).toEqual(['Choose a category', 'Groceries']);
    act(() => fireEvent.change(select, { target: { value: '7' } }));
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Apply' })));
    expect(changes).toEqual([{ categoryId: 7 }]);
  });

  it('takes a known payee by id and a new one by name', () => {
    const { changes } = setup();
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Payee' })));
    const input = screen.getByLabelText('Payee');
    for (const name of ['corner market', ' New Bakery ']) {
      act(() => fireEvent.change(input, { target: { value: name } }));
      act(() => fireEvent.click(screen.getByRole('button', { name: 'Apply' })));
    }
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Remove payee' })));
    expect(changes).toEqual([{ payeeId: 4 }, { payeeName: 'New Bakery' }, { payeeId: null }]);
  });

  it('offers pending and cleared, never reconciled', () => {
    setup();
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Status' })));
    const select = screen.getByLabelText('Status') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(['pending', 'cleared']);
  });

  it('closes the open form on Escape, back to its button, and clears the selection on the next', () => {
    const { cleared } = setup();
    const toggle = screen.getByRole('button', { name: 'Tags' });
    act(() => fireEvent.click(toggle));
    act(() => fireEvent.keyDown(screen.getByLabelText('Tag'), { key: 'Escape' }));
    expect(screen.queryByLabelText('Tag')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(cleared()).toBe(0);
    act(() => fireEvent.keyDown(toggle, { key: 'Escape' }));
    expect(cleared()).toBe(1);
  });

  it('offers no change for more transactions than one request takes', () => {
    setup(null, [], 501);
    expect(screen.getByText(/At most 500 transactions change at once/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Date' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says nothing changed, and why, naming the transactions', () => {
    setup(new ApiError(400, 'VALIDATION_FAILED', 'x', []), ['The transaction of Mar 20, 2025 is split.']);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(alert.textContent).toContain('The transaction of Mar 20, 2025 is split.');
  });
});

describe('what a bulk change says', () => {
  const transaction = (id: number, date: string, payee: string | null, description = '') =>
    ({ id, date, payee: payee && { id: 1, name: payee }, description }) as TransactionJson;

  it('names the refused transactions by the index of their id in the request', () => {
    const byId = new Map([
      [21, transaction(21, '2025-03-20', 'Big Store')],
      [22, transaction(22, '2025-03-04', null, 'To savings')],
    ]);
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Transaction 21 is split: change it on its own.', [
      {
        field: '/ids/1',
        code: 'VALIDATION_FAILED',
        message: 'Transaction 21 is split: change it on its own.',
      },
      { field: '/ids/2', code: 'CURRENCY_MISMATCH', message: 'Odd.' },
      { field: '/set/categoryId', code: 'UNKNOWN_ACCOUNT', message: 'No such category.' },
    ]);
    expect(refusals(error, [5, 21, 22], byId, 'en-US')).toEqual([
      'The transaction of Mar 20, 2025 (Big Store) is split: change it on its own.',
      'The transaction of Mar 4, 2025 (To savings): Odd.',
    ]);
    expect(refusals(new Error('offline'), [5], byId, 'en-US')).toEqual([]);
  });

  it('says what changed, and how many', () => {
    expect(doneMessage(1, 'delete', {})).toBe('1 transaction deleted.');
    expect(doneMessage(3, { categoryId: 7 }, { category: 'Groceries' })).toBe(
      '3 transactions moved to Groceries.',
    );
    expect(doneMessage(2, { payeeName: 'Bakery' }, {})).toBe('2 transactions now paid to Bakery.');
    expect(doneMessage(2, { status: 'cleared' }, {})).toBe('2 transactions marked cleared.');
    expect(doneMessage(2, { removeTagIds: [9] }, { tag: 'trip' })).toBe(
      '2 transactions no longer tagged trip.',
    );
  });
});
