import {
  createContext,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { ApiError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

/**
 * Small pieces for editing items of a list in place (categories, groups, payees, tags): a form
 * that opens in the row, takes the focus, closes with Esc and gives the focus back to the button
 * that opened it.
 */

/** The message of an API error for one input, if the error is about it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** The error when it belongs to none of `fields` (shown as a notice rather than beside an input). */
export function formError(error: unknown, fields: readonly string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  return fields.some((field) => error.fieldMessage(field)) ? null : error;
}

/**
 * A ref to put on the first control of a form that has just opened: it gets the focus, and when
 * the form closes the focus goes back to what had it before (the button that opened the form), unless
 * the person has moved on meanwhile.
 */
export function useFocusOnOpen<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  const [opener] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  useEffect(() => {
    ref.current?.focus();
    if (ref.current instanceof HTMLInputElement && ref.current.type === 'text') ref.current.select();
    return () => {
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body)) opener.focus();
    };
  }, [opener]);
  return ref;
}

/**
 * Runs `then` once a mutation has succeeded, even when the row that started it has left the page
 * meanwhile (deleted, merged, hidden), when `mutate`'s own callbacks no longer run. A failure stays
 * on the mutation (`mutation.error`) for the page to show.
 */
export function afterSuccess<T>(promise: Promise<T>, then: (value: T) => void): void {
  promise.then(then, () => {});
}

/** Esc inside a form cancels it. */
export function escapeCancels(onCancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };
}

/**
 * One text input edited in place: Enter saves, Esc cancels. The label is read by screen readers
 * only (the row shows what is being renamed); an error of the API about `field` shows beside it.
 */
export function InlineTextForm({
  label,
  initial,
  error,
  pending,
  onSave,
  onCancel,
  field = '/name',
  maxLength = 200,
}: {
  label: string;
  initial: string;
  error: unknown;
  pending: boolean;
  onSave: (value: string) => void;
  onCancel: () => void;
  field?: string;
  maxLength?: number;
}) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const input = useFocusOnOpen<HTMLInputElement>();
  const message = fieldError(error, field);
  return (
    <form
      className="inline-edit"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim() === initial) onCancel();
        else onSave(value);
      }}
      onKeyDown={escapeCancels(onCancel)}
    >
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        value={value}
        maxLength={maxLength}
        required
        aria-invalid={Boolean(message)}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <button className="button small primary" type="submit" disabled={pending}>
        Save
      </button>
      <button className="button small" type="button" onClick={onCancel}>
        Cancel
      </button>
      {message && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      )}
      <ErrorNotice error={formError(error, [field])} />
    </form>
  );
}

/** A panel that opens under a row for one task (move, merge, delete…), with a heading of `level`. */
export function RowPanel({
  title,
  level,
  children,
}: {
  title: string;
  level: 2 | 3 | 4;
  children: ReactNode;
}) {
  const id = useId();
  const Heading = `h${level}` as const;
  return (
    <section className="row-panel" aria-labelledby={id}>
      <Heading id={id} className="row-panel-title">
        {title}
      </Heading>
      {children}
    </section>
  );
}

/**
 * Says what just happened to screen readers, and moves the focus somewhere sensible when the item
 * that had it is gone (deleted, merged, hidden): to `focus`, or else to the page's main region.
 */
type Announce = (message: string, focus?: HTMLElement | null | false) => void;
const AnnounceContext = createContext<Announce>(() => {});

export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback<Announce>((text, focus) => {
    setMessage(text);
    if (focus === false) return;
    (focus ?? document.getElementById('main'))?.focus();
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
