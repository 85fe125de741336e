import { type InputHTMLAttributes, type Ref, useRef, useState } from 'react';
import { datePattern, formatDate, parseDate } from './dateFormat.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'ref'> & {
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  locale: string;
  /** The date typed or picked; '' when the field is emptied, null while the text is no date (yet). */
  onValueChange: (iso: string | null) => void;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A date typed as the chosen locale writes it (the browser's own date input follows the browser's
 * language instead), with the browser's calendar a button away. What is typed stays as typed while
 * the field has the focus; on leaving, a real date is written back in the locale's form.
 */
export function DateInput({ value, locale, onValueChange, ref, ...input }: Props) {
  const [text, setText] = useState(() => formatDate(value, locale));
  const [seen, setSeen] = useState({ value, locale });
  // A new value from outside (or a new locale) rewrites the text, but not a date half typed.
  if (seen.value !== value || seen.locale !== locale) {
    setSeen({ value, locale });
    const typed = parseDate(text, seen.locale);
    if (seen.locale !== locale || (value === '' ? typed !== null : typed !== value))
      setText(formatDate(value, locale));
  }
  const picker = useRef<HTMLInputElement>(null);
  const invalid = text.trim() !== '' && parseDate(text, locale) === null;

  return (
    <span className="date-input">
      <input
        {...input}
        ref={ref}
        inputMode="numeric"
        autoComplete="off"
        placeholder={datePattern(locale)}
        value={text}
        aria-invalid={input['aria-invalid'] === true || invalid}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          onValueChange(typed.trim() === '' ? '' : parseDate(typed, locale));
        }}
        onBlur={(event) => {
          const iso = parseDate(text, locale);
          if (iso) setText(formatDate(iso, locale));
          input.onBlur?.(event);
        }}
      />
      <button
        type="button"
        className="date-input-calendar"
        aria-label="Choose from a calendar"
        onClick={() => picker.current?.showPicker()}
      >
        <span aria-hidden="true">▾</span>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-input-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        min={input.min as string | undefined}
        max={input.max as string | undefined}
        onChange={(event) => {
          setText(formatDate(event.target.value, locale));
          onValueChange(event.target.value);
        }}
      />
    </span>
  );
}
