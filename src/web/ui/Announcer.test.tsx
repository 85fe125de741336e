// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Announcer, useAnnounce } from './Announcer.tsx';

afterEach(cleanup);

describe('Announcer', () => {
  function Deleter() {
    const announce = useAnnounce();
    const [gone, setGone] = useState(false);
    return gone ? null : (
      <button
        type="button"
        onClick={() => {
          setGone(true);
          announce('Groceries is deleted.');
        }}
      >
        Delete
      </button>
    );
  }

  it('tells screen readers what happened and moves the focus to the main region', () => {
    render(
      <main id="main" tabIndex={-1}>
        <Announcer>
          <Deleter />
        </Announcer>
      </main>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('status').textContent).toBe('Groceries is deleted.');
    expect(document.activeElement?.id).toBe('main');
  });
});
