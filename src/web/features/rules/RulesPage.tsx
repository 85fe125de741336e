import { useMemo, useState } from 'react';
import type { RuleJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Announcer, useAnnounce } from '../../ui/Announcer.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useAccounts } from '../accounts/queries.ts';
import { useBookId, useCurrentBook } from '../books/queries.ts';
import { useCategoryList } from '../categories/queries.ts';
import { useTagList } from '../tags/queries.ts';
import { ApplyRules } from './ApplyRules.tsx';
import type { Names } from './describe.ts';
import { emptyRule } from './draft.ts';
import type { RuleOptions } from './options.ts';
import { movedIds, useCreateRule, useReorderRules, useRules } from './queries.ts';
import { RuleForm } from './RuleForm.tsx';
import { RuleItem } from './RuleItem.tsx';

/**
 * /books/:bookId/rules: rules that categorise, rename, tag and split transactions, in the order they
 * run; and running them over the transactions already in the book.
 */
export function RulesPage() {
  return (
    <Announcer>
      <Rules />
    </Announcer>
  );
}

function Rules() {
  const bookId = useBookId();
  const locale = useLocale();
  const { book } = useCurrentBook();
  const rules = useRules(bookId);
  const categories = useCategoryList(bookId);
  const tags = useTagList(bookId);
  const accounts = useAccounts(bookId, true);
  const create = useCreateRule(bookId);
  const reorder = useReorderRules(bookId);
  const announce = useAnnounce();
  const [adding, setAdding] = useState(false);

  const names = useMemo<Names>(() => {
    const byId = <T extends { id: number; name: string }>(list: readonly T[] | undefined) =>
      new Map((list ?? []).map((item) => [item.id, item.name]));
    const categoryNames = byId(categories.data);
    const tagNames = byId(tags.data);
    const accountNames = byId(accounts.data);
    return {
      category: (id) => categoryNames.get(id) ?? `category ${id}`,
      tag: (id) => tagNames.get(id) ?? `tag ${id}`,
      account: (id) => accountNames.get(id) ?? `account ${id}`,
    };
  }, [categories.data, tags.data, accounts.data]);

  const error = rules.error ?? categories.error ?? tags.error ?? accounts.error;
  if (error) return <ErrorNotice error={error} />;
  if (!rules.data || !categories.data || !tags.data || !accounts.data)
    return <p className="loading">Loading rules…</p>;
  const list = rules.data;
  const options: RuleOptions = {
    categories: categories.data,
    tags: tags.data,
    accounts: accounts.data,
    currency: book?.baseCurrency ?? 'EUR',
    locale,
  };

  function move(rule: RuleJson, index: number, by: -1 | 1) {
    reorder.mutate(movedIds(list, index, by), {
      onSuccess: () => {
        // The rule's buttons moved with it: keep the focus on the one pressed, or its neighbour at an end.
        const target = index + by;
        const edge = target === 0 ? 'down' : target === list.length - 1 ? 'up' : null;
        const button = document.getElementById(`rule-${rule.id}-${edge ?? (by < 0 ? 'up' : 'down')}`);
        announce(`${rule.name} is now rule ${target + 1} of ${list.length}.`, button);
      },
    });
  }

  return (
    <div className="names-page rules-page">
      <div className="page-header">
        <h1>Rules</h1>
        <button type="button" className="button primary" onClick={() => setAdding(true)} disabled={adding}>
          New rule
        </button>
      </div>
      <p className="muted">
        Every import runs the enabled rules in this order; when several match, the later one’s category, payee
        and notes win and tags add up.
      </p>
      {adding && (
        <RuleForm
          title="New rule"
          initial={emptyRule()}
          options={options}
          submitLabel="Create rule"
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (rule) => {
                setAdding(false);
                announce(`Rule ${rule.name} created.`, false);
              },
            })
          }
          onCancel={() => {
            create.reset();
            setAdding(false);
          }}
        />
      )}
      <ErrorNotice error={reorder.error} />
      {list.length === 0 && !adding ? (
        <EmptyState title="No rules yet">
          <p>
            A rule files transactions for you: “payee contains REWE → Groceries”. Imports use them, and you
            can run them over what is already in the book.
          </p>
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            Write your first rule
          </button>
        </EmptyState>
      ) : (
        list.length > 0 && (
          <ol className="name-list rule-list" aria-label="Rules, in the order they run">
            {list.map((rule, index) => (
              <RuleItem
                key={rule.id}
                bookId={bookId}
                rule={rule}
                position={index + 1}
                count={list.length}
                names={names}
                options={options}
                onMove={(by) => move(rule, index, by)}
              />
            ))}
          </ol>
        )
      )}
      <ApplyRules bookId={bookId} rules={list} names={names} options={options} />
    </div>
  );
}
