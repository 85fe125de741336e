// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AmountInput } from './AmountInput.tsx';

/** The input inside a tiny form that shows what the app would receive. */
function Harness({
  locale,
  currencyCode = 'EUR',
  initial = '',
}: {
  locale: string;
  currencyCode?: string;
  initial?: string;
}) {
  const [value, setValue] = useState<string | null>(initial);
  const [problem, setProblem] = useState<string>();
  return (
    <>
      <label htmlFor="amount">Amount</label>
      <AmountInput
        id="amount"
        value={value ?? ''}
        currencyCode={currencyCode}
        locale={locale}
        onValueChange={setValue}
        onProblem={setProblem}
      />
      <output data-testid="value">{value === null ? 'invalid' : value}</output>
      <output data-testid="problem">{problem ?? ''}</output>
    </>
  );
}

const type = (text: string) => fireEvent.change(screen.getByLabelText('Amount'), { target: { value: text } });
const blur = () => fireEvent.blur(screen.getByLabelText('Amount'));
const value = () => screen.getByTestId('value').textContent;

afterEach(cleanup);

describe('AmountInput', () => {
  it.each([
    ['de-DE', '1.234,56', '1234.56', '1234,56'],
    ['en-US', '1,234.56', '1234.56', '1234.56'],
    ['de-DE', '-12,5', '-12.50', '-12,50'],
    ['en-US', '0.1', '0.10', '0.10'],
    ['fr-FR', '1 234,56', '1234.56', '1234,56'],
  ])('in %s reads "%s" as exactly %s and shows it as %s', (locale, typed, exact, shown) => {
    render(<Harness locale={locale} />);
    type(typed);
    expect(value()).toBe(exact);
    blur();
    expect((screen.getByLabelText('Amount') as HTMLInputElement).value).toBe(shown);
  });

  it('hands on exact decimals beyond what a float holds', () => {
    render(<Harness locale="en-US" />);
    type('90,071,992,547,409.91');
    expect(value()).toBe('90071992547409.91');
  });

  it('refuses more decimals than the currency has, and says so on leaving the field', () => {
    render(<Harness locale="en-US" currencyCode="USD" />);
    type('1.234');
    expect(value()).toBe('invalid');
    expect(screen.getByTestId('problem').textContent).toBe('');
    blur();
    expect(screen.getByTestId('problem').textContent).toMatch(/decimal/);
    type('1.23');
    expect(value()).toBe('1.23');
    expect(screen.getByTestId('problem').textContent).toBe('');
  });

  it('takes whole yen only, and text is not an amount', () => {
    render(<Harness locale="ja-JP" currencyCode="JPY" />);
    type('1,500');
    expect(value()).toBe('1500');
    type('12.5');
    expect(value()).toBe('invalid');
    type('abc');
    expect(value()).toBe('invalid');
  });

  it('is empty when emptied, and shows a value given from outside in the locale', () => {
    render(<Harness locale="de-DE" initial="-1234.50" />);
    expect((screen.getByLabelText('Amount') as HTMLInputElement).value).toBe('-1234,50');
    type('');
    expect(value()).toBe('');
  });
});
