import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { CategoryGroupJson, CategoryJson, RolloverModeJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { useCurrentBook } from '../books/queries.ts';
import {
  emptyRecurrence,
  firstAmountFrom,
  RECURRENCE_KINDS,
  type RecurrenceDraft,
  ROLLOVER_MODES,
  recurrenceOf,
  recurrenceProblems,
  todayIso,
} from './model.ts';
import { useCreateBudget } from './queries.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const FIELDS = ['/name', '/categoryId', '/groupId', '/recurrence', '/amounts', '/rollover'] as const;

/** A new limit budget: its name, what it covers, how its periods repeat, the amount and the rollover. */
export function NewBudgetForm({
  bookId,
  categories,
  groups,
  onDone,
}: {
  bookId: number;
  categories: readonly CategoryJson[];
  groups: readonly CategoryGroupJson[];
  onDone: () => void;
}) {
  const locale = useLocale();
  const announce = useAnnounce();
  const { book } = useCurrentBook();
  const create = useCreateBudget(bookId);
  const [today] = useState(todayIso);
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const [draft, setDraft] = useState<RecurrenceDraft>(() => emptyRecurrence(today));
  const [amount, setAmount] = useState<string | null>('');
  const [amountProblem, setAmountProblem] = useState<string>();
  const [rollover, setRollover] = useState<RolloverModeJson>('none');
  const [checked, setChecked] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);

  const expenseCategories = categories.filter((c) => c.type === 'expense' && !c.archived);
  const expenseGroups = groups.filter((g) => g.kind === 'expense');
  const [targetKind, targetId] = target.split(':') as ['c' | 'g' | '', string | undefined];
  const currency =
    targetKind === 'c'
      ? (expenseCategories.find((c) => String(c.id) === targetId)?.currency ?? 'EUR')
      : (book?.baseCurrency ?? 'EUR');

  const problems = recurrenceProblems(draft);
  const local = {
    name: name.trim() === '' ? 'Enter a name.' : undefined,
    target: target === '' ? 'Choose a category or a group.' : undefined,
    amount: amountProblem ?? (amount === '' || amount === null ? 'Enter the amount per period.' : undefined),
  };
  const shown = (message: string | undefined) => (checked ? message : undefined);
  const error = create.error;
  const set = (patch: Partial<RecurrenceDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (local.name || local.target || local.amount || Object.keys(problems).length > 0) return;
    if (amount === null || amount === '') return;
    const recurrence = recurrenceOf(draft);
    create.mutate(
      {
        name: name.trim(),
        ...(targetKind === 'c' ? { categoryId: Number(targetId) } : { groupId: Number(targetId) }),
        recurrence,
        rollover,
        amounts: [{ from: firstAmountFrom(recurrence, today), amount: { amount, currency } }],
      },
      {
        onSuccess: () => {
          announce(`Budget ${name.trim()} created.`, false);
          onDone();
        },
      },
    );
  }

  const recurrenceError = fieldError(error, '/recurrence');

  return (
    <form className="card form-grid budget-form" onSubmit={submit} noValidate aria-label="New budget">
      <Field label="Name" error={shown(local.name) ?? fieldError(error, '/name')}>
        {(props) => (
          <input {...props} ref={nameInput} value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field
        label="Budget for"
        error={shown(local.target) ?? fieldError(error, '/categoryId') ?? fieldError(error, '/groupId')}
      >
        {(props) => (
          <select {...props} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose an expense category or group</option>
            {expenseCategories.length > 0 && (
              <optgroup label="Categories">
                {expenseCategories.map((c) => (
                  <option key={c.id} value={`c:${c.id}`}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            )}
            {expenseGroups.length > 0 && (
              <optgroup label="Groups (all their categories)">
                {expenseGroups.map((g) => (
                  <option key={g.id} value={`g:${g.id}`}>
                    {g.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      <Field label="Repeats" error={recurrenceError}>
        {(props) => (
          <select
            {...props}
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as RecurrenceDraft['kind'] })}
          >
            {RECURRENCE_KINDS.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.kind === 'monthly' && (
        <Field
          label="Month starts on day"
          hint="Your payday: 25 makes May run from 25 April to 24 May."
          error={shown(problems.startDay)}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              max={31}
              value={draft.startDay}
              onChange={(e) => set({ startDay: e.target.value })}
            />
          )}
        </Field>
      )}
      {(draft.kind === 'weekly' || draft.kind === 'biweekly') && (
        <Field
          label="A period starts on"
          hint="Any date one period starts on."
          error={shown(problems.anchor)}
        >
          {(props) => (
            <DateInput
              {...props}
              value={draft.anchor}
              locale={locale}
              onValueChange={(iso) => iso !== null && set({ anchor: iso })}
            />
          )}
        </Field>
      )}
      {(draft.kind === 'quarterly' || draft.kind === 'yearly') && (
        <Field label={draft.kind === 'yearly' ? 'Year starts in' : 'First quarter starts in'}>
          {(props) => (
            <select {...props} value={draft.startMonth} onChange={(e) => set({ startMonth: e.target.value })}>
              {MONTHS.map((month) => (
                <option key={month} value={month}>
                  {new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
                    new Date(Date.UTC(2000, month - 1, 1)),
                  )}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {draft.kind === 'custom' && (
        <>
          <Field label="First day" error={shown(problems.start)}>
            {(props) => (
              <DateInput
                {...props}
                value={draft.start}
                locale={locale}
                onValueChange={(iso) => iso !== null && set({ start: iso })}
              />
            )}
          </Field>
          <Field label="Last day" error={shown(problems.end)}>
            {(props) => (
              <DateInput
                {...props}
                value={draft.end}
                locale={locale}
                onValueChange={(iso) => iso !== null && set({ end: iso })}
              />
            )}
          </Field>
        </>
      )}
      <Field
        label="Amount per period"
        hint={`In ${currency}.`}
        error={shown(local.amount) ?? amountProblem ?? fieldError(error, '/amounts')}
      >
        {(props) => (
          <AmountInput
            {...props}
            value={amount ?? ''}
            currencyCode={currency}
            locale={locale}
            onValueChange={setAmount}
            onProblem={setAmountProblem}
          />
        )}
      </Field>
      <Field label="Rollover" error={fieldError(error, '/rollover')}>
        {(props) => (
          <select
            {...props}
            value={rollover}
            onChange={(e) => setRollover(e.target.value as RolloverModeJson)}
          >
            {ROLLOVER_MODES.map((mode) => (
              <option key={mode.value} value={mode.value}>
                {mode.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorNotice error={formError(error, FIELDS)} />
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={create.isPending}>
          Create budget
        </button>
        <button className="button" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
