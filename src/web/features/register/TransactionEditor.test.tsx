// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewTransactionJson } from '../../api/types.ts';
import { setLocale } from '../../app/preferences.ts';
import { testAccount } from '../../test/accounts.ts';
import { emptyDraft } from './draft.ts';
import { TransactionEditor } from './TransactionEditor.tsx';
import type { Target } from './targets.ts';
import { suggestionKey } from './useSuggestions.ts';

/**
 * The editor's learned-category suggestions, with the server's answers put in the query cache
 * (fresh, so nothing is fetched): the register's browser test covers the real round trip.
 */
const account = testAccount;
const BOOK = 7;
const checking = account(1, 'Checking', 'asset');
const targets: Target[] = [
  { id: 10, label: 'Groceries', account: account(10, 'Groceries', 'expense') },
  { id: 11, label: 'Fuel', account: account(11, 'Fuel', 'expense') },
  { id: 2, label: 'Transfer: Savings', account: account(2, 'Savings', 'asset') },
];

function renderEditor(answers: [payee: string, suggestions: [number, number][]][], bookId?: number) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const [payee, suggestions] of answers) {
    client.setQueryData(suggestionKey(BOOK, { payee, amount: '-1' }), {
      suggestions: suggestions.map(([categoryId, confidence]) => ({ categoryId, confidence })),
      trainedOn: 6,
    });
  }
  const saved: NewTransactionJson[] = [];
  let cancelled = 0;
  render(
    <QueryClientProvider client={client}>
      <TransactionEditor
        label="New transaction"
        account={checking}
        targets={targets}
        payees={[]}
        initial={emptyDraft('2026-03-01')}
        saving={false}
        error={null}
        onSave={(body) => saved.push(body)}
        onCancel={() => cancelled++}
        bookId={bookId}
      />
    </QueryClientProvider>,
  );
  const type = (payee: string) => {
    fireEvent.change(screen.getByLabelText('Out'), { target: { value: '12.00' } });
    fireEvent.change(screen.getByLabelText('Payee'), { target: { value: payee } });
  };
  return { saved, cancelled: () => cancelled, type };
}

const category = () => screen.getByLabelText('Category') as HTMLInputElement;
const suggestionButtons = () => screen.queryAllByRole('button', { name: /^Suggested category/ });
const form = () => screen.getByRole('form', { name: 'New transaction' });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('TransactionEditor suggestions', () => {
  it('hints a sure suggestion without saving it, and Alt+1 picks it', async () => {
    setLocale('en-US');
    const { saved, type } = renderEditor([['REWE', [[10, 0.96]]]], BOOK);
    type('REWE');
    const button = await screen.findByRole('button', { name: 'Suggested category: Groceries (96 %)' });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+1');
    expect(button.closest('[aria-live="polite"]')).not.toBeNull();
    // Hinted in the field, but the field is empty: Enter does not save the hint.
    expect(category().placeholder).toBe('Groceries?');
    expect(category().value).toBe('');
    expect(category().getAttribute('aria-describedby')).toBe(button.parentElement!.id);
    fireEvent.submit(form());
    expect(saved).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('Choose a category or an account.');

    fireEvent.keyDown(category(), { key: '¡', code: 'Digit1', altKey: true });
    expect(category().value).toBe('Groceries');
    expect(document.activeElement).toBe(category());
    expect(suggestionButtons()).toEqual([]);
    fireEvent.submit(form());
    expect(saved).toHaveLength(1);
    expect(saved[0]!.payeeName).toBe('REWE');
    expect(saved[0]!.postings).toEqual([
      { accountId: 1, amount: { amount: '-12.00', currency: 'EUR' } },
      { accountId: 10, amount: { amount: '12.00', currency: 'EUR' } },
    ]);
  });

  it('offers unsure ones as buttons only, and a click fills the field', async () => {
    setLocale('en-US');
    const { saved, type } = renderEditor(
      [
        [
          'Shell Express',
          [
            [11, 0.55],
            [10, 0.4],
            [99, 0.05],
          ],
        ],
      ],
      BOOK,
    );
    type('Shell Express');
    await waitFor(() => expect(suggestionButtons()).toHaveLength(2));
    expect(suggestionButtons().map((b) => b.textContent)).toEqual([
      'Suggested category: Fuel (55 %)',
      'Suggested category: Groceries (40 %)',
    ]);
    expect(category().placeholder).toBe('');
    fireEvent.click(screen.getByRole('button', { name: /Groceries \(40 %\)/ }));
    expect(category().value).toBe('Groceries');
    expect(suggestionButtons()).toEqual([]);
    fireEvent.submit(form());
    expect(saved[0]!.postings[1]).toEqual({ accountId: 10, amount: { amount: '12.00', currency: 'EUR' } });
  });

  it('shows nothing for an unknown payee, a chosen category, a split, or without a book', async () => {
    setLocale('en-US');
    const { type, cancelled } = renderEditor(
      [
        ['REWE', [[10, 0.96]]],
        ['Aldi', []],
      ],
      BOOK,
    );
    type('Aldi');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(suggestionButtons()).toEqual([]);
    expect(category().placeholder).toBe('');

    type('REWE');
    await waitFor(() => expect(suggestionButtons()).toHaveLength(1));
    fireEvent.change(category(), { target: { value: 'Fuel' } });
    expect(suggestionButtons()).toEqual([]);
    fireEvent.change(category(), { target: { value: '' } });
    fireEvent.blur(category());
    expect(suggestionButtons()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Split' }));
    expect(suggestionButtons()).toEqual([]);
    // Alt+1 with nothing offered does nothing; Escape still cancels.
    fireEvent.keyDown(form(), { key: '1', code: 'Digit1', altKey: true });
    fireEvent.keyDown(form(), { key: 'Escape', code: 'Escape' });
    expect(cancelled()).toBe(1);
    cleanup();

    const viewer = renderEditor([['REWE', [[10, 0.96]]]]);
    viewer.type('REWE');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(suggestionButtons()).toEqual([]);
    expect(category().placeholder).toBe('');
  });
});
