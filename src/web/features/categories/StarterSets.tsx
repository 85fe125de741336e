import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { StarterSetJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useBookMutation } from './queries.ts';

const TITLES: Record<StarterSetJson['id'], { title: string; blurb: string }> = {
  household: { title: 'Household', blurb: 'The usual: housing, food, transport, living, financial.' },
  detailed: { title: 'Detailed', blurb: 'Finer: electricity apart from water, doctor apart from pharmacy.' },
};

/** The starter sets' language: the interface's, where the API has names in it. */
const setLanguage = (locale: string) => (locale.toLowerCase().startsWith('de') ? 'de' : 'en');

/**
 * A new book's categories in one step (issue 13): the two starter sets side by side, each with what
 * it holds, and one button. Names the book already has are skipped by the API. Once added, the page
 * lists them, and the focus goes to the page (the form is gone).
 */
export function StarterSets({ bookId }: { bookId: number }) {
  const announce = useAnnounce();
  const language = setLanguage(useLocale());
  const sets = useQuery({
    queryKey: ['books', bookId, 'categories', 'starter-sets', language],
    queryFn: () => api.categories.starterSets(bookId, language),
  });
  const add = useBookMutation(bookId, (set: StarterSetJson['id']) =>
    api.categories.addStarterSet(bookId, { set, language }),
  );
  const [chosen, setChosen] = useState<StarterSetJson['id']>('household');
  const name = useId();

  if (sets.isPending) return <p className="loading">Loading the starter sets…</p>;
  if (sets.error) return <ErrorNotice error={sets.error} />;
  return (
    <form
      className="starter-sets"
      onSubmit={(event) => {
        event.preventDefault();
        // Not mutate's onSuccess: the list refetched first takes this form away, and with it that callback.
        add
          .mutateAsync(chosen)
          .then((made) => announce(`${made.categories.length} categories added.`))
          .catch(() => {}); // shown by the ErrorNotice below
      }}
    >
      <fieldset>
        <legend>Start with a set of categories</legend>
        <div className="starter-set-choices">
          {sets.data.map((set) => {
            const count = set.groups.reduce((n, group) => n + group.categories.length, 0);
            return (
              <label key={set.id} className={`starter-set${chosen === set.id ? ' chosen' : ''}`}>
                <input
                  type="radio"
                  name={name}
                  value={set.id}
                  checked={chosen === set.id}
                  onChange={() => setChosen(set.id)}
                />
                <span className="starter-set-title">
                  {TITLES[set.id].title} <span className="muted">· {count} categories</span>
                </span>
                <span className="muted">{TITLES[set.id].blurb}</span>
                <span className="starter-set-groups">
                  {set.groups.map((group) => (
                    <span key={`${group.kind}-${group.name}`}>
                      <strong>{group.name}:</strong> {group.categories.join(', ')}
                    </span>
                  ))}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="form-actions centered">
        <button type="submit" className="button primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add these categories'}
        </button>
      </div>
      <ErrorNotice error={add.error} />
    </form>
  );
}
