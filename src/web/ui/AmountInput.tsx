import { type InputHTMLAttributes, type Ref, useEffect, useState } from 'react';
import { currency, exponentOf } from '../../core/money/index.ts';
import { formatLocaleAmount, parseLocaleAmount } from '../../core/money/locale.ts';
import { errorText } from './ErrorNotice.tsx';

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

export interface AmountInputProps extends NativeProps {
  ref?: Ref<HTMLInputElement>;
  /** The exact decimal string (`"-1234.56"`), or `''` for empty. */
  value: string;
  /** ISO code: decides how many decimals are allowed. */
  currencyCode: string;
  locale: string;
  /** Called with the exact decimal string, `''` when emptied, or `null` while the text is not an amount. */
  onValueChange: (value: string | null) => void;
  /** Called with a message when the text is not an amount (on blur), and with `undefined` once it is. */
  onProblem?: (message: string | undefined) => void;
}

function display(value: string, locale: string): string {
  return value === '' ? '' : formatLocaleAmount(value, locale, { useGrouping: false });
}

/**
 * A text field for money, typed in the person's locale (`1.234,56` in de-DE) and handed on as an
 * exact decimal string: never a float. Shows the canonical form again when it loses focus.
 */
export function AmountInput({
  value,
  currencyCode,
  locale,
  onValueChange,
  onProblem,
  ...rest
}: AmountInputProps) {
  const [text, setText] = useState(() => display(value, locale));
  const [focused, setFocused] = useState(false);
  const exponent = exponentOf(currency(currencyCode));

  useEffect(() => {
    if (!focused) setText(display(value, locale));
  }, [value, locale, focused]);

  function parse(raw: string): { value: string | null; error?: string } {
    if (raw.trim() === '') return { value: '' };
    try {
      return { value: parseLocaleAmount(raw, locale, exponent) };
    } catch (error) {
      return { value: null, error: errorText(error) };
    }
  }

  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onFocus={(event) => {
        setFocused(true);
        rest.onFocus?.(event);
      }}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = parse(event.target.value);
        onValueChange(parsed.value);
        if (parsed.value !== null) onProblem?.(undefined);
      }}
      onBlur={(event) => {
        setFocused(false);
        const parsed = parse(text);
        if (parsed.value === null) onProblem?.(parsed.error);
        else setText(display(parsed.value, locale));
        rest.onBlur?.(event);
      }}
    />
  );
}
