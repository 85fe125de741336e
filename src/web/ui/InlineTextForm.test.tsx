// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import { InlineTextForm } from './InlineTextForm.tsx';

/** A row with a Rename button that opens the inline form, as the list pages have. */
function Row({ error = null, onSave }: { error?: unknown; onSave: (name: string) => boolean }) {
  const [name, setName] = useState('Groceries');
  const [editing, setEditing] = useState(false);
  return (
    <>
      {editing ? (
        <InlineTextForm
          label={`New name of ${name}`}
          initial={name}
          error={error}
          pending={false}
          onSave={(value) => {
            if (onSave(value)) {
              setName(value);
              setEditing(false);
            }
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <span data-testid="name">{name}</span>
      )}
      <button type="button" onClick={() => setEditing(!editing)}>
        Rename<span> {name}</span>
      </button>
    </>
  );
}

const renameButton = () => screen.getByRole('button', { name: /^Rename/ });
function open() {
  renameButton().focus();
  fireEvent.click(renameButton());
  return screen.getByLabelText('New name of Groceries') as HTMLInputElement;
}

afterEach(cleanup);

describe('InlineTextForm', () => {
  it('takes the focus with the name selected; Enter saves the new name', () => {
    const saved: string[] = [];
    render(<Row onSave={(value) => saved.push(value) > 0} />);
    const input = open();
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('Groceries');
    fireEvent.change(input, { target: { value: 'Food shopping' } });
    fireEvent.submit(input.form!);
    expect(saved).toEqual(['Food shopping']);
    expect(screen.getByTestId('name').textContent).toBe('Food shopping');
  });

  it('Esc cancels and gives the focus back to the button that opened it', () => {
    const saved: string[] = [];
    render(<Row onSave={(value) => saved.push(value) > 0} />);
    const input = open();
    fireEvent.change(input, { target: { value: 'Nope' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(saved).toEqual([]);
    expect(screen.getByTestId('name').textContent).toBe('Groceries');
    expect(document.activeElement).toBe(renameButton());
  });

  it('an unchanged name closes without saving', () => {
    const saved: string[] = [];
    render(<Row onSave={(value) => saved.push(value) > 0} />);
    fireEvent.submit(open().form!);
    expect(saved).toEqual([]);
    expect(screen.getByTestId('name').textContent).toBe('Groceries');
  });

  it('shows the API’s message about the name beside the input, and other errors as a notice', () => {
    const taken = new ApiError(409, 'NAME_TAKEN', '“Rent” is already used in this book.', [
      { field: '/name', code: 'NAME_TAKEN', message: 'Already used.' },
    ]);
    const { unmount } = render(<Row error={taken} onSave={() => false} />);
    const input = open();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Already used.');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual(['Already used.']);
    unmount();

    render(
      <Row error={new ApiError(0, 'NETWORK', 'The server cannot be reached.', [])} onSave={() => false} />,
    );
    const again = open();
    expect(again.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('alert').textContent).toBe('The server cannot be reached.');
  });
});
