import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CategoryJson, PayeeJson } from '../../api/types.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useBookId } from '../books/queries.ts';
import { KINDS } from '../categories/arrange.ts';
import {
  Announcer,
  afterSuccess,
  escapeCancels,
  fieldError,
  formError,
  InlineTextForm,
  RowPanel,
  useAnnounce,
  useFocusOnOpen,
} from '../categories/inline.tsx';
import { useCategoryList } from '../categories/queries.ts';
import { useDeletePayee, useMergePayee, usePayeeList, useUpdatePayee } from './queries.ts';

const FILTER_DELAY_MS = 250;

/** /books/:bookId/payees: who money goes to and comes from; the filter lives in the URL (`?q=`). */
export function PayeesPage() {
  const bookId = useBookId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const filterId = useId();
  const payees = usePayeeList(bookId, q.trim());
  const all = usePayeeList(bookId);
  const categories = useCategoryList(bookId);

  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (text.trim() === '') next.delete('q');
          else next.set('q', text);
          return next;
        },
        { replace: true },
      );
    }, FILTER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, q, setParams]);

  if (payees.isPending || all.isPending) return <p className="loading">Loading payees…</p>;
  if (payees.error || all.error) return <ErrorNotice error={payees.error ?? all.error} />;

  const categoryNames = new Map((categories.data ?? []).map((category) => [category.id, category.name]));
  const nobody = all.data.length === 0;

  return (
    <Announcer>
      <div className="names-page">
        <div className="page-header">
          <h1>Payees</h1>
        </div>
        {nobody ? (
          <EmptyState title="No payees yet">
            <p>
              Payees appear here as you record transactions: type who you paid or who paid you in an account’s
              register. Then rename them, merge duplicates and give them a default category.
            </p>
            <Link className="button primary" to={`/books/${bookId}/accounts`}>
              Go to your accounts
            </Link>
          </EmptyState>
        ) : (
          <>
            <search className="filter-bar">
              <label htmlFor={filterId}>Filter payees</label>
              <input
                id={filterId}
                type="search"
                value={text}
                placeholder="Name contains…"
                onChange={(event) => setText(event.target.value)}
              />
            </search>
            <p className="muted" aria-live="polite">
              {payees.data.length === 0
                ? `No payee’s name contains “${q}”.`
                : q
                  ? `${payees.data.length} of ${all.data.length} payees match “${q}”.`
                  : payees.data.length === 1
                    ? '1 payee.'
                    : `${payees.data.length} payees.`}
            </p>
            {payees.data.length > 0 && (
              <ul className="name-list payee-list">
                {payees.data.map((payee) => (
                  <PayeeRow
                    key={payee.id}
                    bookId={bookId}
                    payee={payee}
                    all={all.data}
                    categories={categories.data ?? []}
                    defaultName={
                      payee.defaultCategoryId === null ? null : categoryNames.get(payee.defaultCategoryId)
                    }
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </Announcer>
  );
}

type Mode = 'view' | 'rename' | 'default' | 'merge' | 'delete';

function PayeeRow({
  bookId,
  payee,
  all,
  categories,
  defaultName,
}: {
  bookId: number;
  payee: PayeeJson;
  all: readonly PayeeJson[];
  categories: readonly CategoryJson[];
  defaultName: string | null | undefined;
}) {
  const update = useUpdatePayee(bookId);
  const [mode, setMode] = useState<Mode>('view');
  const close = () => {
    update.reset();
    setMode('view');
  };
  const toggle = (next: Mode) => {
    update.reset();
    setMode(mode === next ? 'view' : next);
  };

  return (
    <li>
      <div className="name-row">
        {mode === 'rename' ? (
          <InlineTextForm
            label={`New name of ${payee.name}`}
            initial={payee.name}
            error={update.error}
            pending={update.isPending}
            onSave={(name) => update.mutate({ id: payee.id, name }, { onSuccess: close })}
            onCancel={close}
          />
        ) : (
          <span className="name-cell">
            <span className="item-name">{payee.name}</span>
            <span className="item-detail">
              {payee.defaultCategoryId === null
                ? 'No default category'
                : `Default category: ${defaultName ?? '…'}`}
            </span>
          </span>
        )}
        <span className="row-actions">
          <button
            type="button"
            className="button ghost small"
            onClick={() => toggle('rename')}
            aria-expanded={mode === 'rename'}
          >
            Rename<span className="visually-hidden"> {payee.name}</span>
          </button>
          <button
            type="button"
            className="button ghost small"
            onClick={() => toggle('default')}
            aria-expanded={mode === 'default'}
          >
            Default category<span className="visually-hidden"> of {payee.name}</span>
          </button>
          <button
            type="button"
            className="button ghost small"
            onClick={() => toggle('merge')}
            aria-expanded={mode === 'merge'}
          >
            Merge<span className="visually-hidden"> {payee.name} into another payee</span>
          </button>
          <button
            type="button"
            className="button ghost small danger"
            onClick={() => toggle('delete')}
            aria-expanded={mode === 'delete'}
          >
            Delete<span className="visually-hidden"> {payee.name}</span>
          </button>
        </span>
      </div>
      {mode === 'default' && (
        <DefaultCategoryPanel bookId={bookId} payee={payee} categories={categories} onDone={close} />
      )}
      {mode === 'merge' && <MergePayeePanel bookId={bookId} payee={payee} all={all} onDone={close} />}
      {mode === 'delete' && <DeletePayeePanel bookId={bookId} payee={payee} onDone={close} />}
    </li>
  );
}

function DefaultCategoryPanel({
  bookId,
  payee,
  categories,
  onDone,
}: {
  bookId: number;
  payee: PayeeJson;
  categories: readonly CategoryJson[];
  onDone: () => void;
}) {
  const update = useUpdatePayee(bookId);
  const [value, setValue] = useState(payee.defaultCategoryId === null ? '' : String(payee.defaultCategoryId));
  const select = useFocusOnOpen<HTMLSelectElement>();
  return (
    <RowPanel level={2} title={`Default category of ${payee.name}`}>
      <form
        className="panel-form"
        onKeyDown={escapeCancels(onDone)}
        onSubmit={(event) => {
          event.preventDefault();
          const next = value === '' ? null : Number(value);
          if (next === payee.defaultCategoryId) onDone();
          else update.mutate({ id: payee.id, defaultCategoryId: next }, { onSuccess: onDone });
        }}
      >
        <p className="hint">New transactions with {payee.name} get this category unless you pick another.</p>
        <Field label="Default category" error={fieldError(update.error, '/defaultCategoryId')}>
          {(props) => (
            <select {...props} ref={select} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">No default category</option>
              {KINDS.map(({ kind, label }) => (
                <optgroup key={kind} label={label}>
                  {categories
                    .filter((category) => category.type === kind && !category.archived)
                    .map((category) => (
                      <option key={category.id} value={category.id}>
                        {category.name}
                        {category.hidden ? ' (hidden)' : ''}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <ErrorNotice error={formError(update.error, ['/defaultCategoryId'])} />
        <div className="form-actions">
          <button type="submit" className="button primary small" disabled={update.isPending}>
            Save
          </button>
          <button type="button" className="button small" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </RowPanel>
  );
}

function MergePayeePanel({
  bookId,
  payee,
  all,
  onDone,
}: {
  bookId: number;
  payee: PayeeJson;
  all: readonly PayeeJson[];
  onDone: () => void;
}) {
  const merge = useMergePayee(bookId);
  const announce = useAnnounce();
  const targets = all.filter((other) => other.id !== payee.id);
  const [into, setInto] = useState('');
  const select = useFocusOnOpen<HTMLSelectElement>();
  const target = targets.find((other) => String(other.id) === into);
  return (
    <RowPanel level={2} title={`Merge ${payee.name} into another payee`}>
      {targets.length === 0 ? (
        <div className="panel-form">
          <p>{payee.name} is the only payee: there is nothing to merge it into.</p>
          <button type="button" className="button small" onClick={onDone}>
            Close
          </button>
        </div>
      ) : (
        <form
          className="panel-form"
          onKeyDown={escapeCancels(onDone)}
          onSubmit={(event) => {
            event.preventDefault();
            afterSuccess(merge.mutateAsync({ id: payee.id, into: Number(into) }), () =>
              announce(`${payee.name} is merged into ${target?.name}.`),
            );
          }}
        >
          <p className="hint">
            The transactions of {payee.name} move to the payee you pick, which also takes over its default
            category if it has none; then {payee.name} is deleted.
          </p>
          <Field label="Merge into" error={fieldError(merge.error, '/into')}>
            {(props) => (
              <select {...props} ref={select} value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="" disabled>
                  Choose a payee…
                </option>
                {targets.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ErrorNotice error={formError(merge.error, ['/into'])} />
          <div className="form-actions">
            <button type="submit" className="button primary small" disabled={merge.isPending || !target}>
              {target ? `Merge into ${target.name}` : 'Merge'}
            </button>
            <button type="button" className="button small" onClick={onDone}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </RowPanel>
  );
}

function DeletePayeePanel({
  bookId,
  payee,
  onDone,
}: {
  bookId: number;
  payee: PayeeJson;
  onDone: () => void;
}) {
  const remove = useDeletePayee(bookId);
  const announce = useAnnounce();
  const confirm = useFocusOnOpen<HTMLButtonElement>();
  return (
    <RowPanel level={2} title={`Delete ${payee.name}?`}>
      <form
        className="panel-form"
        onKeyDown={escapeCancels(onDone)}
        onSubmit={(event) => {
          event.preventDefault();
          afterSuccess(remove.mutateAsync(payee.id), () => announce(`${payee.name} is deleted.`));
        }}
      >
        <p className="hint">
          Its transactions stay, without a payee. To keep them together, merge it instead.
        </p>
        <ErrorNotice error={remove.error} />
        <div className="form-actions">
          <button
            type="submit"
            ref={confirm}
            className="button small danger-solid"
            disabled={remove.isPending}
          >
            Delete {payee.name}
          </button>
          <button type="button" className="button small" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </RowPanel>
  );
}
