import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useAccounts } from '../accounts/queries.ts';
import { useBookId } from '../books/queries.ts';
import { useCategories, usePayees } from '../register/queries.ts';
import { useTagList } from '../tags/queries.ts';
import { activeFilters, clearFilters, type FilterKey, filterQuery, readIds, writeIds } from './filters.ts';

/** The filters a report takes, read from the address. */
export function useReportFilters(keys: readonly FilterKey[]) {
  const [search] = useSearchParams();
  return filterQuery(search, keys);
}

interface Choice {
  id: number;
  name: string;
}

function FilterSelect({ filter, label, choices }: { filter: FilterKey; label: string; choices: Choice[] }) {
  const [search, setSearch] = useSearchParams();
  const selected = readIds(search, filter);
  // Ids in the address that are not (or not yet) in the list still show, so they can be removed.
  const known = new Set(choices.map((c) => c.id));
  const all = [...choices, ...selected.filter((id) => !known.has(id)).map((id) => ({ id, name: `#${id}` }))];
  const id = `report-filter-${filter}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        multiple
        size={Math.min(6, Math.max(2, all.length))}
        value={selected.map(String)}
        onChange={(event) => {
          const ids = Array.from(event.target.selectedOptions, (option) => Number(option.value));
          setSearch((current) => writeIds(current, filter, ids), { replace: true });
        }}
      >
        {all.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Multi-selects for the filters a report takes, kept in the address; collapsed unless in use. */
export function ReportFilters({ keys }: { keys: readonly FilterKey[] }) {
  const bookId = useBookId();
  const [search, setSearch] = useSearchParams();
  const count = activeFilters(search, keys);
  const [open, setOpen] = useState(count > 0);
  const wants = (key: FilterKey) => keys.includes(key);
  const accounts = useAccounts(bookId, true);
  const categories = useCategories(bookId);
  const tags = useTagList(bookId);
  const payees = usePayees(bookId);
  if (keys.length === 0) return null;
  const named = (list: { id: number; name: string; archived?: boolean }[] | undefined) =>
    (list ?? []).map((item) => ({
      id: item.id,
      name: item.archived ? `${item.name} (archived)` : item.name,
    }));
  const error =
    (wants('accountIds') && accounts.error) ||
    (wants('categoryIds') && categories.error) ||
    (wants('tagIds') && tags.error) ||
    (wants('payeeIds') && payees.error) ||
    null;
  return (
    <details className="report-filters" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Filters ({count} active)</summary>
      <ErrorNotice error={error} />
      <div className="report-filter-fields">
        {wants('accountIds') && (
          <FilterSelect filter="accountIds" label="Accounts" choices={named(accounts.data)} />
        )}
        {wants('categoryIds') && (
          <FilterSelect
            filter="categoryIds"
            label="Categories"
            choices={named(categories.data?.filter((c) => c.type === 'expense' || c.type === 'income'))}
          />
        )}
        {wants('tagIds') && <FilterSelect filter="tagIds" label="Tags" choices={named(tags.data)} />}
        {wants('payeeIds') && <FilterSelect filter="payeeIds" label="Payees" choices={named(payees.data)} />}
      </div>
      <button
        type="button"
        className="button small"
        disabled={count === 0}
        onClick={() => setSearch((current) => clearFilters(current), { replace: true })}
      >
        Clear filters
      </button>
    </details>
  );
}
