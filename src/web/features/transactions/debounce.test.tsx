// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from './debounce.ts';

/** A search box over a stand-in for the URL, with a Search button and a Back button that sets it. */
function Search({ initial, navigation = 0 }: { initial: string; navigation?: number }) {
  const [url, setUrl] = useState(initial);
  // The router may apply a navigation later than asked (a transition): `navigation` ms later.
  const [q, setQ, take] = useDebouncedValue(url, (value) =>
    navigation === 0 ? setUrl(value) : setTimeout(() => setUrl(value), navigation),
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setUrl(take());
      }}
    >
      <input aria-label="Search" value={q} onChange={(e) => setQ(e.target.value)} />
      <button type="submit">Search</button>
      <button type="button" onClick={() => setUrl('tea')}>
        Back
      </button>
      <output data-testid="url">{url}</output>
    </form>
  );
}

const box = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Search' });
const url = () => screen.getByTestId('url').textContent;

describe('useDebouncedValue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('hands the text on after the pause, or at once on Search', () => {
    render(<Search initial="milk" />);
    fireEvent.change(box(), { target: { value: 'bread' } });
    expect(url()).toBe('milk');
    act(() => vi.advanceTimersByTime(300));
    expect(url()).toBe('bread');
    fireEvent.change(box(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(url()).toBe('');
    act(() => vi.advanceTimersByTime(1000));
    expect([box().value, url()]).toEqual(['', '']);
  });

  it('drops text still waiting when the outside value changes by other means', () => {
    render(<Search initial="milk" />);
    fireEvent.change(box(), { target: { value: 'bread' } });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(box().value).toBe('tea');
    // The old keystrokes must not land later and leave the box saying one thing, the URL another.
    act(() => vi.advanceTimersByTime(1000));
    expect([box().value, url()]).toEqual(['tea', 'tea']);
  });

  it('makes Search hand on exactly what the box shows', () => {
    render(<Search initial="milk" />);
    fireEvent.change(box(), { target: { value: 'bread' } });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.change(box(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    act(() => vi.advanceTimersByTime(1000));
    expect([box().value, url()]).toEqual(['', '']);
  });

  it('keeps what was typed after a hand-on while the URL catches up, and Search then wins', () => {
    render(<Search initial="milk" navigation={50} />);
    fireEvent.change(box(), { target: { value: 'bread' } });
    act(() => vi.advanceTimersByTime(310));
    fireEvent.change(box(), { target: { value: '' } });
    act(() => vi.advanceTimersByTime(50));
    expect([box().value, url()]).toEqual(['', 'bread']);
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    act(() => vi.advanceTimersByTime(1000));
    expect([box().value, url()]).toEqual(['', '']);
  });
});
