import { type FormEvent, useState } from 'react';
import type { AccountJson, BulkTransactionChangeJson, PayeeJson, TagJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { Field } from '../../ui/Field.tsx';
import { localToday } from '../../ui/localDate.ts';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';

/** What a form hands the bar: the change, and the names its toast says. */
export type Apply = (
  set: BulkTransactionChangeJson,
  names?: { category?: string; payee?: string; tag?: string },
) => void;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** One of the bar's forms: a field or two and its buttons, Apply first. */
function BulkForm({
  label,
  onSubmit,
  children,
}: {
  label: string;
  onSubmit: () => void;
  children: React.ReactNode;
}) {
  return (
    <form
      className="bulk-form"
      aria-label={label}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export function CategoryForm({
  categories,
  busy,
  onApply,
}: {
  categories: readonly AccountJson[];
  busy: boolean;
  onApply: Apply;
}) {
  const first = useFocusOnOpen<HTMLSelectElement>();
  const [id, setId] = useState('');
  const open = categories.filter((category) => !category.archived);
  const group = (type: string) => open.filter((category) => category.type === type).sort(byName);
  const chosen = open.find((category) => String(category.id) === id);
  return (
    <BulkForm
      label="Change the category"
      onSubmit={() => chosen && onApply({ categoryId: chosen.id }, { category: chosen.name })}
    >
      <Field label="Category">
        {(props) => (
          <select {...props} ref={first} value={id} onChange={(e) => setId(e.target.value)} required>
            <option value="">Choose a category</option>
            {(['expense', 'income'] as const).map((type) => (
              <optgroup key={type} label={type === 'expense' ? 'Expense' : 'Income'}>
                {group(type).map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button primary" disabled={busy || !chosen}>
        Apply
      </button>
    </BulkForm>
  );
}

/** A payee picked from the book's, or a new one by its name (the server makes it). */
export function PayeeForm({
  payees,
  busy,
  onApply,
}: {
  payees: readonly PayeeJson[];
  busy: boolean;
  onApply: Apply;
}) {
  const first = useFocusOnOpen<HTMLInputElement>();
  const [name, setName] = useState('');
  const wanted = name.trim();
  function apply() {
    const found = payees.find((payee) => payee.name.toLowerCase() === wanted.toLowerCase());
    onApply(found ? { payeeId: found.id } : { payeeName: wanted }, { payee: found?.name ?? wanted });
  }
  return (
    <BulkForm label="Change the payee" onSubmit={apply}>
      <Field label="Payee" hint="Pick one, or type a new name">
        {(props) => (
          <>
            <input
              {...props}
              ref={first}
              list="bulk-payees"
              value={name}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
            />
            <datalist id="bulk-payees">
              {[...payees].sort(byName).map((payee) => (
                <option key={payee.id} value={payee.name} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <button type="submit" className="button primary" disabled={busy || !wanted}>
        Apply
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => onApply({ payeeId: null })}>
        Remove payee
      </button>
    </BulkForm>
  );
}

export function TagsForm({
  tags,
  busy,
  onApply,
}: {
  tags: readonly TagJson[];
  busy: boolean;
  onApply: Apply;
}) {
  const first = useFocusOnOpen<HTMLSelectElement>();
  const [id, setId] = useState('');
  const tag = tags.find((one) => String(one.id) === id);
  const change = (set: BulkTransactionChangeJson) => tag && onApply(set, { tag: tag.name });
  return (
    <BulkForm label="Add or remove a tag" onSubmit={() => change({ addTagIds: [tag!.id] })}>
      <Field label="Tag">
        {(props) => (
          <select {...props} ref={first} value={id} onChange={(e) => setId(e.target.value)} required>
            <option value="">Choose a tag</option>
            {[...tags].sort(byName).map((one) => (
              <option key={one.id} value={one.id}>
                {one.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button primary" disabled={busy || !tag}>
        Add tag
      </button>
      <button
        type="button"
        className="button"
        disabled={busy || !tag}
        onClick={() => change({ removeTagIds: [tag!.id] })}
      >
        Remove tag
      </button>
    </BulkForm>
  );
}

/** Pending or cleared: reconciling belongs to the reconcile workflow, against a statement. */
export function StatusForm({ busy, onApply }: { busy: boolean; onApply: Apply }) {
  const first = useFocusOnOpen<HTMLSelectElement>();
  const [status, setStatus] = useState<'pending' | 'cleared'>('cleared');
  return (
    <BulkForm label="Change the status" onSubmit={() => onApply({ status })}>
      <Field label="Status">
        {(props) => (
          <select
            {...props}
            ref={first}
            value={status}
            onChange={(e) => setStatus(e.target.value as 'pending' | 'cleared')}
          >
            <option value="pending">Pending</option>
            <option value="cleared">Cleared</option>
          </select>
        )}
      </Field>
      <button type="submit" className="button primary" disabled={busy}>
        Apply
      </button>
    </BulkForm>
  );
}

export function DateForm({ busy, onApply }: { busy: boolean; onApply: Apply }) {
  const locale = useLocale();
  const first = useFocusOnOpen<HTMLInputElement>();
  const [date, setDate] = useState<string | null>(() => localToday());
  return (
    <BulkForm label="Change the date" onSubmit={() => date && onApply({ date })}>
      <Field label="Date" error={date === null ? 'Type a date, such as today’s.' : undefined}>
        {(props) => (
          <DateInput {...props} ref={first} value={date ?? ''} locale={locale} onValueChange={setDate} />
        )}
      </Field>
      <button type="submit" className="button primary" disabled={busy || !date}>
        Apply
      </button>
    </BulkForm>
  );
}
