import { type FormEvent, useState } from 'react';
import type { AccountJson, PayeeJson, TagJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDebouncedValue } from './debounce.ts';
import { FILTER_KEYS, STATUSES, type Status, type TransactionFilters } from './filters.ts';

const STATUS_TEXT: Record<Status, string> = {
  pending: 'Pending',
  cleared: 'Cleared',
  reconciled: 'Reconciled',
};

const idOf = (value: string) => (value === '' ? null : Number(value));
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * The search box and filters of the transactions page. Choices go to the URL at once; typed text
 * and amounts after a pause (so each keystroke does not ask the server).
 */
export function FilterBar({
  filters,
  currency,
  accounts,
  categories,
  payees,
  tags,
  onChange,
  onClear,
  canClear,
}: {
  filters: TransactionFilters;
  /** Decides how many decimals the amount bounds take. */
  currency: string;
  accounts: readonly AccountJson[];
  categories: readonly AccountJson[];
  payees: readonly PayeeJson[];
  tags: readonly TagJson[];
  onChange: (change: Partial<TransactionFilters>, replace?: boolean) => void;
  onClear: () => void;
  canClear: boolean;
}) {
  const locale = useLocale();
  const [q, setQ, takeQ] = useDebouncedValue(filters.q, (value) => onChange({ q: value }, true));
  const [min, setMin, takeMin] = useDebouncedValue(filters.minAmount, (value) =>
    onChange({ minAmount: value }, true),
  );
  const [max, setMax, takeMax] = useDebouncedValue(filters.maxAmount, (value) =>
    onChange({ maxAmount: value }, true),
  );
  const active = FILTER_KEYS.filter(
    (key) => key !== 'q' && filters[key] !== null && filters[key] !== '',
  ).length;
  // Open on wide screens, and wherever a filter is set; on a phone the results come first.
  const [open, setOpen] = useState(
    () => active > 0 || typeof window === 'undefined' || window.matchMedia('(min-width: 801px)').matches,
  );
  const [minProblem, setMinProblem] = useState<string>();
  const [maxProblem, setMaxProblem] = useState<string>();

  const ownAccounts = accounts.filter((a) => a.type === 'asset' || a.type === 'liability').sort(byName);
  const expense = categories.filter((c) => c.type === 'expense').sort(byName);
  const income = categories.filter((c) => c.type === 'income').sort(byName);
  const archived = (account: AccountJson) => (account.archived ? ' (archived)' : '');

  function submit(event: FormEvent) {
    event.preventDefault();
    // One change: the box, the bounds and the URL then agree, whatever was still waiting.
    onChange({ q: takeQ(), minAmount: takeMin(), maxAmount: takeMax() }, true);
  }

  return (
    <search aria-label="Search and filter transactions">
      <form className="txn-filters card" onSubmit={submit}>
        <div className="txn-search">
          <Field label="Search" hint="Payee, description, notes or memo">
            {(props) => (
              <input
                {...props}
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                maxLength={200}
              />
            )}
          </Field>
          <div className="txn-search-actions">
            <button type="submit" className="button primary">
              Search
            </button>
            <button type="button" className="button" onClick={onClear} disabled={!canClear}>
              Clear filters
            </button>
          </div>
        </div>
        <details className="txn-more-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>Filters{active > 0 ? ` (${active} active)` : ''}</summary>
          <div className="txn-filter-grid">
            <Field label="From">
              {(props) => (
                <DateInput
                  {...props}
                  value={filters.from}
                  locale={locale}
                  max={filters.to || undefined}
                  onValueChange={(from) => from !== null && onChange({ from }, true)}
                />
              )}
            </Field>
            <Field label="To">
              {(props) => (
                <DateInput
                  {...props}
                  value={filters.to}
                  locale={locale}
                  min={filters.from || undefined}
                  onValueChange={(to) => to !== null && onChange({ to }, true)}
                />
              )}
            </Field>
            <Field label="Account">
              {(props) => (
                <select
                  {...props}
                  value={filters.accountId ?? ''}
                  onChange={(e) => onChange({ accountId: idOf(e.target.value) })}
                >
                  <option value="">All accounts</option>
                  {ownAccounts.map((account) => (
                    <option key={account.id} value={account.id}>
                      {account.name}
                      {archived(account)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Category">
              {(props) => (
                <select
                  {...props}
                  value={filters.categoryId ?? ''}
                  onChange={(e) => onChange({ categoryId: idOf(e.target.value) })}
                >
                  <option value="">All categories</option>
                  {expense.length > 0 && (
                    <optgroup label="Expense">
                      {expense.map((category) => (
                        <option key={category.id} value={category.id}>
                          {category.name}
                          {archived(category)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {income.length > 0 && (
                    <optgroup label="Income">
                      {income.map((category) => (
                        <option key={category.id} value={category.id}>
                          {category.name}
                          {archived(category)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </select>
              )}
            </Field>
            <Field label="Payee">
              {(props) => (
                <select
                  {...props}
                  value={filters.payeeId ?? ''}
                  onChange={(e) => onChange({ payeeId: idOf(e.target.value) })}
                >
                  <option value="">All payees</option>
                  {[...payees].sort(byName).map((payee) => (
                    <option key={payee.id} value={payee.id}>
                      {payee.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Tag">
              {(props) => (
                <select
                  {...props}
                  value={filters.tagId ?? ''}
                  onChange={(e) => onChange({ tagId: idOf(e.target.value) })}
                >
                  <option value="">All tags</option>
                  {[...tags].sort(byName).map((tag) => (
                    <option key={tag.id} value={tag.id}>
                      {tag.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Status">
              {(props) => (
                <select
                  {...props}
                  value={filters.status ?? ''}
                  onChange={(e) => onChange({ status: (e.target.value || null) as Status | null })}
                >
                  <option value="">Any status</option>
                  {STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {STATUS_TEXT[status]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Amount at least" error={minProblem} hint="Size, sign ignored">
              {(props) => (
                <AmountInput
                  {...props}
                  value={min}
                  currencyCode={currency}
                  locale={locale}
                  onValueChange={(value) => value !== null && setMin(value.replace(/^-/, ''))}
                  onProblem={setMinProblem}
                />
              )}
            </Field>
            <Field label="Amount at most" error={maxProblem} hint="Size, sign ignored">
              {(props) => (
                <AmountInput
                  {...props}
                  value={max}
                  currencyCode={currency}
                  locale={locale}
                  onValueChange={(value) => value !== null && setMax(value.replace(/^-/, ''))}
                  onProblem={setMaxProblem}
                />
              )}
            </Field>
          </div>
        </details>
      </form>
    </search>
  );
}
