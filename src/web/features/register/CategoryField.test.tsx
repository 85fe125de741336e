// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountJson, NewTransactionJson } from '../../api/types.ts';
import { setLocale } from '../../app/preferences.ts';
import { testAccount } from '../../test/accounts.ts';
import { emptyDraft } from './draft.ts';
import { TransactionEditor } from './TransactionEditor.tsx';
import type { Target } from './targets.ts';

/**
 * The editor's category combobox and its "Create category" option. The server is the one thing
 * stood in for, at fetch: it answers POST /categories as the API does (the onboarding browser test
 * makes the category for real).
 */
const account = testAccount;
const BOOK = 7;
const checking = account(1, 'Checking', 'asset');
const targets: Target[] = [
  { id: 10, label: 'Groceries', account: account(10, 'Groceries', 'expense') },
  { id: 11, label: 'Fuel', account: account(11, 'Fuel', 'expense') },
  { id: 2, label: 'Transfer: Savings', account: account(2, 'Savings', 'asset') },
];

const realFetch = globalThis.fetch;
const sent: { url: string; body: unknown }[] = [];

/** The server: it has no tags; each POST makes the category, or refuses the name as taken. */
let answer: 'made' | 'taken' = 'made';
const serve = (next: typeof answer) => {
  answer = next;
};
beforeEach(() => {
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    if (init.method === 'GET') return new Response('[]', { headers: { 'content-type': 'application/json' } });
    const body = JSON.parse(String(init.body)) as { name: string; kind: AccountJson['type'] };
    sent.push({ url, body });
    if (answer === 'taken') {
      return new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'NAME_TAKEN',
          detail: `“${body.name}” is already used in this book.`,
          errors: [{ field: '/name', code: 'NAME_TAKEN', message: 'Already used.' }],
        }),
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      );
    }
    return new Response(JSON.stringify(account(40, body.name, body.kind)), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
});

function renderEditor(tagsFrom?: number) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
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
        tagsFrom={tagsFrom}
      />
    </QueryClientProvider>,
  );
  return { saved, cancelled: () => cancelled };
}

const field = () => screen.getByRole('combobox', { name: 'Category' }) as HTMLInputElement;
const options = () => screen.queryAllByRole('option').map((option) => option.textContent);
const key = (name: string) => fireEvent.keyDown(field(), { key: name, code: name });
const form = () => screen.getByRole('form', { name: 'New transaction' });

afterEach(() => {
  cleanup();
  globalThis.fetch = realFetch;
  sent.length = 0;
  answer = 'made';
  localStorage.clear();
});

describe('the category field', () => {
  it('lists the matches, and picks one with the arrows and Enter without saving', () => {
    setLocale('en-US');
    const { saved } = renderEditor(BOOK);
    fireEvent.change(field(), { target: { value: 'e' } });
    expect(field().getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['Groceries', 'Fuel', 'Transfer: Savings', 'Create category “e”']);
    key('ArrowDown');
    key('ArrowDown');
    const active = document.getElementById(field().getAttribute('aria-activedescendant')!);
    expect(active?.textContent).toBe('Fuel');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    key('Enter');
    expect(field().value).toBe('Fuel');
    expect(field().getAttribute('aria-expanded')).toBe('false');
    expect(saved).toEqual([]);
    // The list closed, Enter saves.
    fireEvent.change(screen.getByLabelText('Out'), { target: { value: '5.00' } });
    fireEvent.submit(form());
    expect(saved[0]!.postings[1]).toEqual({ accountId: 11, amount: { amount: '5.00', currency: 'EUR' } });
  });

  it('offers to create a name that is no category, last, and makes an expense of it', async () => {
    setLocale('en-US');
    serve('made');
    const { saved } = renderEditor(BOOK);
    fireEvent.change(screen.getByLabelText('Out'), { target: { value: '30.00' } });
    field().focus();
    fireEvent.change(field(), { target: { value: 'Pets ' } });
    expect(options()).toEqual(['Create category “Pets”']);
    key('ArrowUp'); // up from the field: the last option
    key('Enter');
    await waitFor(() => expect(field().value).toBe('Pets'));
    expect(sent).toEqual([
      { url: `/api/v1/books/${BOOK}/categories`, body: { name: 'Pets', kind: 'expense' } },
    ]);
    expect(document.activeElement).toBe(field());
    expect(screen.getByRole('status').textContent).toBe('Category “Pets” created.');
    fireEvent.submit(form());
    expect(saved[0]!.postings).toEqual([
      { accountId: 1, amount: { amount: '-30.00', currency: 'EUR' } },
      { accountId: 40, amount: { amount: '30.00', currency: 'EUR' } },
    ]);
  });

  it('makes an income category when the money comes in, on a click', async () => {
    setLocale('en-US');
    serve('made');
    renderEditor(BOOK);
    fireEvent.change(screen.getByLabelText('In'), { target: { value: '1200.00' } });
    fireEvent.change(field(), { target: { value: 'Side job' } });
    fireEvent.click(screen.getByRole('option', { name: 'Create category “Side job”' }));
    await waitFor(() => expect(field().value).toBe('Side job'));
    expect(sent[0]!.body).toEqual({ name: 'Side job', kind: 'income' });
  });

  it('makes one from a split line too, and lists no transfers there', async () => {
    setLocale('en-US');
    const { saved } = renderEditor(BOOK);
    fireEvent.change(screen.getByLabelText('Out'), { target: { value: '50.00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Split' }));
    const line = (n: number) =>
      screen.getByRole('combobox', { name: `Category of line ${n}` }) as HTMLInputElement;
    fireEvent.change(line(1), { target: { value: 's' } });
    expect(options()).toEqual(['Groceries', 'Create category “s”']);
    fireEvent.change(line(1), { target: { value: 'Pets' } });
    fireEvent.keyDown(line(1), { key: 'ArrowDown' });
    fireEvent.keyDown(line(1), { key: 'Enter' });
    await waitFor(() => expect(line(1).value).toBe('Pets'));
    expect(sent[0]!.body).toEqual({ name: 'Pets', kind: 'expense' });
    fireEvent.change(screen.getByLabelText('Amount of line 1'), { target: { value: '20.00' } });
    fireEvent.change(line(2), { target: { value: 'Fuel' } });
    fireEvent.submit(form());
    expect(saved[0]!.postings.map((p) => p.accountId)).toEqual([1, 40, 11]);
  });

  it('shows a refusal next to the field, and typing again clears it', async () => {
    setLocale('en-US');
    serve('taken');
    renderEditor(BOOK);
    fireEvent.change(field(), { target: { value: 'Rent' } });
    key('ArrowDown');
    key('Enter');
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('“Rent” is already used in this book.');
    expect(field().getAttribute('aria-describedby')).toBe(error.id);
    expect(field().getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field(), { target: { value: 'Rent2' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers no creation without a book to write to; Escape closes the list before it cancels', () => {
    setLocale('en-US');
    const { cancelled } = renderEditor();
    fireEvent.change(field(), { target: { value: 'Pets' } });
    expect(options()).toEqual([]);
    fireEvent.change(field(), { target: { value: 'gro' } });
    expect(options()).toEqual(['Groceries']);
    key('Escape');
    expect(options()).toEqual([]);
    expect(cancelled()).toBe(0);
    key('Escape');
    expect(cancelled()).toBe(1);
  });
});
