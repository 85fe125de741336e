import { type FormEvent, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AccountJson, NewTransactionJson, PayeeJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import { AskIfReconciled } from './AskIfReconciled.tsx';
import { CategoryField, type CreateCategory } from './CategoryField.tsx';
import { CategorySuggestions } from './CategorySuggestions.tsx';
import { type Draft, problemsOf, toTransaction } from './draft.ts';
import { SplitEditor } from './SplitEditor.tsx';
import { hintOf, shortcutIndex, shownSuggestions, suggestionRequest } from './suggestions.ts';
import { TagPicker } from './TagPicker.tsx';
import type { Target } from './targets.ts';
import { useSuggestions } from './useSuggestions.ts';

/**
 * The register's inline editor, for a new transaction or an existing one. Enter saves, Escape
 * cancels; the payee and category fields complete from the book's payees, categories and accounts.
 * Given a `bookId`, it offers the categories the book's history suggests for the payee and
 * description while no category is chosen: buttons, or Alt+1 … Alt+3; a sure one is hinted in the
 * empty category field, but only what the field holds is ever saved. Given a `tagsFrom` book,
 * it edits the transaction's tags too, and the category field offers to create a category of the
 * name typed; notes always.
 */
function TransactionForm({
  account,
  targets: given,
  payees,
  initial,
  saving,
  error,
  onSave,
  onCancel,
  label,
  bookId,
  tagsFrom,
}: {
  account: AccountJson;
  targets: readonly Target[];
  payees: readonly PayeeJson[];
  initial: Draft;
  saving: boolean;
  error: unknown;
  onSave: (transaction: NewTransactionJson) => void;
  onCancel: () => void;
  label: string;
  /** The book whose learned categories are suggested; without one (a viewer), none are. */
  bookId?: number;
  /** The book whose tags are offered, and where a new tag or category is created. */
  tagsFrom?: number;
}) {
  const id = useId();
  const locale = useLocale();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState(false);
  // A category made from the field counts at once, before the book's list is fetched again.
  const [created, setCreated] = useState<Target[]>([]);
  const targets = useMemo(
    () => [...given, ...created.filter((made) => !given.some((target) => target.id === made.id))],
    [given, created],
  );
  const targetMap = useMemo(() => new Map(targets.map((target) => [target.id, target.account])), [targets]);
  const labels = useMemo(() => new Map(targets.map((target) => [target.id, target.label])), [targets]);
  const problems = problemsOf(draft, account, targetMap);
  const target = draft.targetId === null ? undefined : targetMap.get(draft.targetId);
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const creating: CreateCategory | undefined =
    tagsFrom === undefined
      ? undefined
      : {
          bookId: tagsFrom,
          // Money in is income; anything else (nothing typed yet too) spending.
          kind: draft.inflow !== '' && draft.outflow === '' ? 'income' : 'expense',
          onCreated: (made) => setCreated((list) => [...list, made]),
        };
  const request = suggestionRequest(draft);
  const answer = useSuggestions(bookId ?? null, request);
  const suggested = request !== null && answer.data ? shownSuggestions(answer.data.suggestions, labels) : [];
  const hint = hintOf(suggested);
  const form = useRef<HTMLFormElement>(null);
  // Opened, the editor takes the focus; closed, it hands it back to what opened it.
  const firstField = useFocusOnOpen<HTMLInputElement>();
  const categoryInput = useRef<HTMLInputElement>(null);
  const [moved, setMoved] = useState(0);
  // A picked suggestion removes its button (which had the focus), and Split swaps the category
  // field for the lines: focus follows to the first line's category, or back to the one field.
  useEffect(() => {
    if (moved === 0) return;
    (form.current?.querySelector<HTMLInputElement>('.split-line input') ?? categoryInput.current)?.focus();
  }, [moved]);

  function chooseSuggestion(categoryId: number) {
    set({ targetId: categoryId, targetAmount: '' });
    setMoved((count) => count + 1);
  }

  function toggleSplit() {
    set({ split: !draft.split });
    setMoved((count) => count + 1);
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    setTouched(true);
    if (problems.length === 0) onSave(toTransaction(draft, account, targetMap));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    const index = shortcutIndex(event);
    const suggestion = index === null ? undefined : suggested[index];
    if (suggestion) {
      event.preventDefault();
      chooseSuggestion(suggestion.categoryId);
    }
  }

  function choosePayee(name: string) {
    const payee = payees.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
    const change: Partial<Draft> = { payeeName: name };
    if (payee?.defaultCategoryId && draft.targetId === null && !draft.split)
      change.targetId = payee.defaultCategoryId;
    set(change);
  }

  return (
    <form
      ref={form}
      className="transaction-editor"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={label}
      noValidate
    >
      <div className="editor-row">
        <div className="editor-field">
          <label htmlFor={`${id}-date`}>Date</label>
          <DateInput
            id={`${id}-date`}
            ref={firstField}
            value={draft.date}
            locale={locale}
            required
            onValueChange={(date) => set({ date: date ?? '' })}
          />
        </div>
        <label>
          <span>Payee</span>
          <input
            list={`${id}-payees`}
            value={draft.payeeName}
            onChange={(e) => choosePayee(e.target.value)}
            autoComplete="off"
          />
        </label>
        {!draft.split && (
          <CategoryField
            ref={categoryInput}
            targets={targets}
            chosen={draft.targetId}
            onChoose={(targetId) => set({ targetId })}
            create={creating}
            placeholder={hint && `${hint.label}?`}
            describedBy={suggested.length > 0 ? `${id}-suggestions` : undefined}
            invalid={touched && problems.some((p) => p.field === 'target')}
          />
        )}
        {/* Split keeps the category's place, so no field moves under the pointer. */}
        {draft.split && (
          <p className="editor-split-note">
            <span>Category</span>
            <span>Split below</span>
          </p>
        )}
        <label className="grow">
          <span>Description</span>
          <input value={draft.description} onChange={(e) => set({ description: e.target.value })} />
        </label>
        <label>
          <span>Out</span>
          <AmountInput
            value={draft.outflow}
            currencyCode={account.currency}
            locale={locale}
            onValueChange={(value) => value !== null && set({ outflow: value.replace(/^-/, '') })}
          />
        </label>
        <label>
          <span>In</span>
          <AmountInput
            value={draft.inflow}
            currencyCode={account.currency}
            locale={locale}
            onValueChange={(value) => value !== null && set({ inflow: value.replace(/^-/, '') })}
          />
        </label>
        {!draft.split && target && target.currency !== account.currency && (
          <label>
            <span>Arrives ({target.currency})</span>
            <AmountInput
              value={draft.targetAmount}
              currencyCode={target.currency}
              locale={locale}
              onValueChange={(value) => value !== null && set({ targetAmount: value.replace(/^-/, '') })}
            />
          </label>
        )}
      </div>
      {bookId !== undefined && !draft.split && (
        <CategorySuggestions id={`${id}-suggestions`} shown={suggested} onChoose={chooseSuggestion} />
      )}
      <datalist id={`${id}-payees`}>
        {payees.map((payee) => (
          <option key={payee.id} value={payee.name} />
        ))}
      </datalist>
      {draft.split && (
        <SplitEditor
          draft={draft}
          account={account}
          targets={targets}
          create={creating}
          onChange={(lines) => set({ lines })}
        />
      )}
      <div className="editor-extra">
        <label>
          <span>Notes</span>
          <textarea
            rows={2}
            maxLength={10000}
            value={draft.notes}
            onChange={(e) => set({ notes: e.target.value })}
          />
        </label>
        {tagsFrom !== undefined && (
          <TagPicker bookId={tagsFrom} chosen={draft.tagIds} onChange={(tagIds) => set({ tagIds })} />
        )}
      </div>
      {touched && problems.length > 0 && (
        <ul className="field-error" role="alert">
          {problems.map((problem) => (
            <li key={problem.field + problem.message}>{problem.message}</li>
          ))}
        </ul>
      )}
      <ErrorNotice error={error} />
      <div className="editor-actions">
        <button type="button" className="button small" onClick={toggleSplit}>
          {draft.split ? 'Single category' : 'Split'}
        </button>
        <button type="submit" className="button primary small" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The editor, once the person has said yes to changing a reconciled transaction (the register and the Transactions page). */
export function TransactionEditor(props: Parameters<typeof TransactionForm>[0]) {
  return (
    <AskIfReconciled reconciled={props.initial.status === 'reconciled'} onCancel={props.onCancel}>
      <TransactionForm {...props} />
    </AskIfReconciled>
  );
}
