import { type ShownSuggestion, shortcutOf } from './suggestions.ts';

/**
 * The learned categories under the editor's fields, as buttons: "Suggested: Groceries (92 %)".
 * The region is always there, so a screen reader announces the buttons (politely) when they appear;
 * with nothing to suggest it is empty. After the fields in the tab order, so Tab still goes from
 * field to field.
 */
export function CategorySuggestions({
  id,
  shown,
  onChoose,
}: {
  /** Of the line of buttons, which the category field names as its description. */
  id: string;
  shown: readonly ShownSuggestion[];
  onChoose: (categoryId: number) => void;
}) {
  return (
    <div aria-live="polite" className="hint">
      {shown.length > 0 && (
        <p
          id={id}
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            gap: '0.35rem',
            margin: '0.5rem 0 0',
          }}
        >
          <span aria-hidden="true">Suggested:</span>
          {shown.map((suggestion, index) => (
            <button
              key={suggestion.categoryId}
              type="button"
              className="button small"
              aria-keyshortcuts={shortcutOf(index)}
              title={`${shortcutOf(index)} picks it`}
              onClick={() => onChoose(suggestion.categoryId)}
            >
              <span className="visually-hidden">Suggested category: </span>
              {suggestion.label} ({suggestion.percent} %)
            </button>
          ))}
          <span className="visually-hidden">
            {shown.length === 1 ? 'Alt+1 picks it.' : `Alt+1 to Alt+${shown.length} pick one.`}
          </span>
        </p>
      )}
    </div>
  );
}
