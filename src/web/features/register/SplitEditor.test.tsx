// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../app/preferences.ts';
import { testAccount } from '../../test/accounts.ts';
import { type Draft, emptyDraft } from './draft.ts';
import { SplitEditor } from './SplitEditor.tsx';
import { TransactionEditor } from './TransactionEditor.tsx';
import type { Target } from './targets.ts';

const account = testAccount;
const checking = account(1, 'Checking', 'asset');
const targets: Target[] = [
  { id: 10, label: 'Groceries', account: account(10, 'Groceries', 'expense') },
  { id: 11, label: 'Household', account: account(11, 'Household', 'expense') },
  { id: 12, label: 'Pharmacy', account: account(12, 'Pharmacy', 'expense') },
];

const client = new QueryClient();

function Harness({ outflow }: { outflow: string }) {
  const [draft, setDraft] = useState<Draft>({ ...emptyDraft('2026-03-01'), outflow, split: true });
  return (
    // The lines' category fields can make a category, through the query client.
    <QueryClientProvider client={client}>
      <SplitEditor
        draft={draft}
        account={checking}
        targets={targets}
        onChange={(lines) => setDraft({ ...draft, lines })}
      />
      <pre data-testid="lines">{JSON.stringify(draft.lines)}</pre>
    </QueryClientProvider>
  );
}

const remaining = () => document.querySelector('.remaining')?.textContent;

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('SplitEditor', () => {
  it('shows what remains to assign until the lines add up to the total', () => {
    setLocale('en-US');
    render(<Harness outflow="100.00" />);
    expect(remaining()).toBe('Remaining: €100.00');
    fireEvent.change(screen.getByLabelText('Amount of line 1'), { target: { value: '60.5' } });
    expect(remaining()).toBe('Remaining: €39.50');
    fireEvent.change(screen.getByLabelText('Amount of line 2'), { target: { value: '39.50' } });
    expect(remaining()).toBe('Balanced');
    fireEvent.change(screen.getByLabelText('Amount of line 2'), { target: { value: '45' } });
    expect(remaining()).toBe('Remaining: -€5.50');
  });

  it('adds and removes lines, keeping at least two, and picks categories by name', () => {
    setLocale('de-DE');
    render(<Harness outflow="10.00" />);
    expect(screen.getByRole('button', { name: 'Remove line 1' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Add line' }));
    expect(screen.getByLabelText('Category of line 3')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Category of line 3'), { target: { value: 'pharmacy' } });
    expect(JSON.parse(screen.getByTestId('lines').textContent!)[2].targetId).toBe(12);
    fireEvent.click(screen.getByRole('button', { name: 'Remove line 1' }));
    expect(JSON.parse(screen.getByTestId('lines').textContent!)).toHaveLength(2);
    expect(remaining()).toBe('Remaining: 10,00\u00a0€');
  });
});

describe('TransactionEditor with a split', () => {
  it('saves only once the split balances, as postings that sum to zero', () => {
    setLocale('en-US');
    const saved: unknown[] = [];
    render(
      <QueryClientProvider client={new QueryClient()}>
        <TransactionEditor
          label="New transaction"
          account={checking}
          targets={targets}
          payees={[]}
          initial={emptyDraft('2026-03-01')}
          saving={false}
          error={null}
          onSave={(body) => saved.push(body)}
          onCancel={() => {}}
        />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText('Out'), { target: { value: '87.45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Split' }));
    fireEvent.change(screen.getByLabelText('Category of line 1'), { target: { value: 'Groceries' } });
    fireEvent.change(screen.getByLabelText('Amount of line 1'), { target: { value: '61.20' } });
    fireEvent.change(screen.getByLabelText('Category of line 2'), { target: { value: 'Household' } });
    fireEvent.change(screen.getByLabelText('Amount of line 2'), { target: { value: '18.30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('Still 7.95 EUR to assign');

    fireEvent.click(screen.getByRole('button', { name: 'Add line' }));
    fireEvent.change(screen.getByLabelText('Category of line 3'), { target: { value: 'Pharmacy' } });
    fireEvent.change(screen.getByLabelText('Amount of line 3'), { target: { value: '7.95' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved).toEqual([
      {
        date: '2026-03-01',
        payeeId: null,
        description: '',
        notes: null,
        tagIds: [],
        status: 'pending',
        postings: [
          { accountId: 1, amount: { amount: '-87.45', currency: 'EUR' } },
          { accountId: 10, amount: { amount: '61.20', currency: 'EUR' } },
          { accountId: 11, amount: { amount: '18.30', currency: 'EUR' } },
          { accountId: 12, amount: { amount: '7.95', currency: 'EUR' } },
        ],
      },
    ]);
  });
});
