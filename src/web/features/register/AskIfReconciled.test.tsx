// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AskIfReconciled } from './AskIfReconciled.tsx';

afterEach(cleanup);

const QUESTION = 'This transaction is reconciled with the statement. Change it anyway?';

function renderGuard(reconciled: boolean) {
  let cancelled = 0;
  render(
    <AskIfReconciled reconciled={reconciled} onCancel={() => cancelled++}>
      <p>the editor</p>
    </AskIfReconciled>,
  );
  return { cancelled: () => cancelled };
}

describe('AskIfReconciled', () => {
  it('shows the editor at once for a transaction that is not reconciled', () => {
    renderGuard(false);
    expect(screen.getByText('the editor')).toBeTruthy();
    expect(screen.queryByText(QUESTION)).toBeNull();
  });

  it('asks first for a reconciled one, with the focus on going on; yes shows the editor', () => {
    renderGuard(true);
    expect(screen.queryByText('the editor')).toBeNull();
    const yes = screen.getByRole('button', { name: 'Change it', hidden: true });
    expect(screen.getByText(QUESTION)).toBeTruthy();
    expect(document.activeElement).toBe(yes);
    fireEvent.click(yes);
    expect(screen.getByText('the editor')).toBeTruthy();
  });

  it('no is the editor’s Cancel', () => {
    const { cancelled } = renderGuard(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel', hidden: true }));
    expect(cancelled()).toBe(1);
    expect(screen.queryByText('the editor')).toBeNull();
  });
});
