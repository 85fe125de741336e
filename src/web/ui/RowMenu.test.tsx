// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RowMenu } from './RowMenu.tsx';

describe('RowMenu', () => {
  afterEach(cleanup);

  function setup() {
    const ran: string[] = [];
    render(
      <RowMenu
        label="Actions for the transaction of 2025-03-01"
        items={[
          { label: 'Edit', run: () => ran.push('edit') },
          { label: 'Delete', run: () => ran.push('delete') },
        ]}
      />,
    );
    const button = screen.getByRole('button', { name: 'Actions for the transaction of 2025-03-01' });
    return { ran, button };
  }

  it('opens on its first item, moves with the arrows, and Escape closes back to the button', () => {
    const { button } = setup();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    act(() => fireEvent.click(button));
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Delete' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBe(null);
    expect(document.activeElement).toBe(button);
  });

  it('runs the chosen item and closes', () => {
    const { ran, button } = setup();
    act(() => fireEvent.click(button));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(ran).toEqual(['delete']);
    expect(screen.queryByRole('menu')).toBe(null);
  });
});
