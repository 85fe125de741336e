import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EnvelopeCategoryJson, EnvelopeMonthJson, EnvelopeMoveJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { afterSuccess } from '../../ui/afterSuccess.ts';
import { ErrorNotice, errorText } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { EnvelopeFill } from './EnvelopeFill.tsx';
import { EnvelopeTbb, isZeroAmount } from './EnvelopeTbb.tsx';
import { currentMonth, formatMonth, isMonth, ownAssignment, shiftMonth } from './model.ts';
import {
  useAssign,
  useEnvelopeMonth,
  useEnvelopeSettings,
  useMoveMoney,
  useSaveEnvelopeSettings,
  useUndoMove,
} from './queries.ts';

/** Envelope (zero-based) budgeting: the switch, a month's "to be budgeted", its envelopes and moves. */
export function EnvelopeSection({ bookId }: { bookId: number }) {
  const settings = useEnvelopeSettings(bookId);
  const save = useSaveEnvelopeSettings(bookId);
  const [search, setSearch] = useSearchParams();
  const param = search.get('month');
  const start = settings.data?.startMonth ?? null;
  const asked = isMonth(param) ? param : currentMonth();
  // The budget has no month before its start: an older address shows the start month.
  const month = start !== null && asked < start ? start : asked;
  const atStart = month === start;
  const enabled = settings.data?.enabled ?? false;
  const data = useEnvelopeMonth(bookId, month, enabled);
  const locale = useLocale();

  const goTo = (next: string) =>
    setSearch((previous) => {
      const params = new URLSearchParams(previous);
      params.set('month', next);
      return params;
    });

  return (
    <section className="card envelope" aria-labelledby="envelope-title">
      <div className="envelope-head">
        <h2 id="envelope-title">Envelope budgeting</h2>
        {settings.data && (
          <label className="envelope-switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={enabled}
              checked={enabled}
              // Not `disabled` while saving: a disabled control drops the keyboard focus to the page.
              aria-disabled={save.isPending}
              onChange={(event) => {
                if (!save.isPending) save.mutate({ enabled: event.target.checked });
              }}
            />
            Give all my money a job (envelope mode)
          </label>
        )}
      </div>
      {settings.isPending && <p className="loading">Loading envelope settings…</p>}
      <ErrorNotice error={settings.error ?? save.error} />
      {settings.data && !enabled && (
        <p className="muted">
          Give every unit of income a job: assign it to categories month by month, move money between them,
          and carry what is left forward.
        </p>
      )}
      {enabled && (
        <>
          <nav className="envelope-months" aria-label="Budget month">
            {/* aria-disabled rather than disabled: focus stays on the button that reached the start. */}
            <button
              type="button"
              className="button small"
              aria-disabled={atStart}
              onClick={() => {
                if (!atStart) goTo(shiftMonth(month, -1));
              }}
            >
              <span aria-hidden="true">‹ </span>Previous month
            </button>
            <h3 className="envelope-month" aria-live="polite">
              {formatMonth(month, locale)}
            </h3>
            <button type="button" className="button small" onClick={() => goTo(shiftMonth(month, 1))}>
              Next month<span aria-hidden="true"> ›</span>
            </button>
          </nav>
          {data.isPending && <p className="loading">Loading the month…</p>}
          <ErrorNotice error={data.error} />
          {data.data && <EnvelopeFill key={month} bookId={bookId} month={month} />}
          {data.data && <EnvelopeMonthView bookId={bookId} data={data.data} />}
        </>
      )}
    </section>
  );
}

function EnvelopeMonthView({ bookId, data }: { bookId: number; data: EnvelopeMonthJson }) {
  return (
    <>
      <EnvelopeTbb data={data} />
      {data.categories.length === 0 ? (
        <p className="muted">No expense categories yet: add one to give your money a job.</p>
      ) : (
        <div className="envelope-scroll">
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls from the keyboard too */}
          <section className="envelope-table-wrap" aria-label="Envelopes" tabIndex={0}>
            <table className="envelope-table">
              <caption className="visually-hidden">Envelopes of {data.month}</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col" className="num">
                    Assigned
                  </th>
                  <th scope="col" className="num">
                    Spent
                  </th>
                  <th scope="col" className="num">
                    Balance
                  </th>
                  <th scope="col" className="num">
                    Carried in
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.categories.map((category) => (
                  <EnvelopeRow
                    key={`${data.month}-${category.categoryId}`}
                    bookId={bookId}
                    month={data.month}
                    category={category}
                    moves={data.moves}
                  />
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
      {data.categories.length > 1 && <MoveForm bookId={bookId} data={data} />}
      {data.moves.length > 0 && <MoveList bookId={bookId} data={data} />}
    </>
  );
}

function EnvelopeRow({
  bookId,
  month,
  category,
  moves,
}: {
  bookId: number;
  month: string;
  category: EnvelopeCategoryJson;
  moves: EnvelopeMoveJson[];
}) {
  const locale = useLocale();
  const id = useId();
  const assign = useAssign(bookId, month);
  const saved = ownAssignment(category, moves);
  const [value, setValue] = useState<string | null>(saved);
  const [problem, setProblem] = useState<string>();
  useEffect(() => setValue(saved), [saved]);
  const overspent = category.balance.amount.startsWith('-') && !isZeroAmount(category.balance.amount);
  const moved = category.assigned.amount !== saved;
  const error = problem ?? (assign.error ? errorText(assign.error) : undefined);

  const commit = () => {
    if (value === null) return;
    const amount = value === '' ? '0' : value;
    if (Number(amount) === Number(saved)) return;
    assign.mutate({
      categoryId: category.categoryId,
      amount: { amount, currency: category.assigned.currency },
    });
  };

  return (
    <tr>
      <th scope="row">{category.name}</th>
      <td className="num">
        <label htmlFor={id} className="visually-hidden">
          Assigned to {category.name}
        </label>
        <AmountInput
          id={id}
          className="envelope-assign"
          value={value ?? ''}
          currencyCode={category.assigned.currency}
          locale={locale}
          aria-invalid={Boolean(error)}
          {...(error && { 'aria-describedby': `${id}-error` })}
          onValueChange={setValue}
          onProblem={setProblem}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
        />
        {moved && (
          <span className="muted envelope-moved">
            {' '}
            <Amount value={category.assigned} /> with moves
          </span>
        )}
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </td>
      <td className="num">
        <Amount value={category.spent} />
      </td>
      <td className="num" data-testid="balance">
        <Amount value={category.balance} />
        {overspent && <strong className="budget-over"> overspent</strong>}
      </td>
      <td className="num">
        <Amount value={category.carriedIn} />
      </td>
    </tr>
  );
}

function MoveForm({ bookId, data }: { bookId: number; data: EnvelopeMonthJson }) {
  const locale = useLocale();
  const announce = useAnnounce();
  const move = useMoveMoney(bookId, data.month);
  const currencyCode = data.tbb.currency;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState<string | null>('');
  const [problem, setProblem] = useState<string>();
  const error = move.error;
  const names = new Map(data.categories.map((c) => [c.categoryId, c.name]));

  return (
    <form
      className="envelope-move"
      aria-labelledby="envelope-move-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!from || !to || amount === null || amount === '') return;
        afterSuccess(
          move.mutateAsync({
            from: Number(from),
            to: Number(to),
            amount: { amount, currency: currencyCode },
          }),
          () => {
            announce(`Moved ${amount} from ${names.get(Number(from))} to ${names.get(Number(to))}.`, false);
            setAmount('');
          },
        );
      }}
    >
      <h3 id="envelope-move-title">Move money</h3>
      <div className="envelope-move-fields">
        <Field label="From" error={fieldError(error, '/from')}>
          {(props) => (
            <select {...props} value={from} onChange={(e) => setFrom(e.target.value)}>
              <option value="">Choose a category</option>
              {data.categories.map((c) => (
                <option key={c.categoryId} value={c.categoryId}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="To" error={fieldError(error, '/to')}>
          {(props) => (
            <select {...props} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">Choose a category</option>
              {data.categories.map((c) => (
                <option key={c.categoryId} value={c.categoryId}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Amount to move"
          error={problem ?? fieldError(error, '/amount') ?? fieldError(error, '/amount/amount')}
        >
          {(props) => (
            <AmountInput
              {...props}
              value={amount ?? ''}
              currencyCode={currencyCode}
              locale={locale}
              onValueChange={setAmount}
              onProblem={setProblem}
            />
          )}
        </Field>
      </div>
      <ErrorNotice error={formError(error, ['/from', '/to', '/amount', '/amount/amount'])} />
      <div className="form-actions">
        <button
          type="submit"
          className="button primary small"
          disabled={move.isPending || !from || !to || amount === null || amount === ''}
        >
          Move money
        </button>
      </div>
    </form>
  );
}

function MoveList({ bookId, data }: { bookId: number; data: EnvelopeMonthJson }) {
  const undo = useUndoMove(bookId);
  const announce = useAnnounce();
  const name = (id: number) => data.categories.find((c) => c.categoryId === id)?.name ?? 'a category';
  return (
    <div className="envelope-moves">
      <h3 id="envelope-moves-title">Moves this month</h3>
      <ErrorNotice error={undo.error} />
      <ul aria-labelledby="envelope-moves-title">
        {data.moves.map((move) => (
          <li key={move.id}>
            <span>
              <Amount value={move.amount} /> from {name(move.from)} to {name(move.to)}
            </span>
            <button
              type="button"
              className="button ghost small"
              disabled={undo.isPending}
              onClick={() =>
                afterSuccess(undo.mutateAsync(move.id), () =>
                  announce(`Move from ${name(move.from)} to ${name(move.to)} undone.`, false),
                )
              }
            >
              Undo
              <span className="visually-hidden">
                {' '}
                the move from {name(move.from)} to {name(move.to)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
