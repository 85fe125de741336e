import { Field } from '../../ui/Field.tsx';
import { CategorySelect } from './CategorySelect.tsx';
import { ACTION_TYPES, type ActionDraft, type ActionType } from './draft.ts';
import { type RuleOptions, usableCategories } from './options.ts';
import { SplitParts } from './SplitParts.tsx';

/** One action of a rule: what it does, then what it needs (a category, a payee, a tag, notes, parts). */
export function ActionRow({
  number,
  action,
  options,
  error,
  onChange,
  onRemove,
}: {
  number: number;
  action: ActionDraft;
  options: RuleOptions;
  /** The message for a field of the action (`categoryId`, `parts/1/percent`, …). */
  error: (field: string) => string | undefined;
  onChange: (patch: Partial<ActionDraft>) => void;
  onRemove: () => void;
}) {
  const categories = usableCategories(options.categories);
  return (
    <li className="rule-part">
      <div className="form-grid">
        <Field label={`Action ${number}`}>
          {(props) => (
            <select
              {...props}
              value={action.type}
              onChange={(event) => onChange({ type: event.target.value as ActionType })}
            >
              {ACTION_TYPES.map((type) => (
                <option key={type.value} value={type.value}>
                  {type.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {action.type === 'setCategory' && (
          <CategorySelect
            label="Category"
            error={error('categoryId')}
            value={action.categoryId}
            categories={categories}
            onChange={(categoryId) => onChange({ categoryId })}
          />
        )}
        {action.type === 'setPayee' && (
          <Field label="Payee" error={error('payee')}>
            {(props) => (
              <input
                {...props}
                value={action.payee}
                onChange={(event) => onChange({ payee: event.target.value })}
              />
            )}
          </Field>
        )}
        {action.type === 'addTag' && (
          <Field
            label="Tag"
            hint={
              options.tags.length === 0 ? 'The book has no tags yet: add some on the Tags page.' : undefined
            }
            error={error('tagId')}
          >
            {(props) => (
              <select
                {...props}
                value={action.tagId}
                onChange={(event) => onChange({ tagId: event.target.value })}
              >
                <option value="">Choose a tag</option>
                {options.tags.map((tag) => (
                  <option key={tag.id} value={tag.id}>
                    {tag.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {action.type === 'setNotes' && (
          <Field label="Notes" hint="Blank clears the notes." error={error('notes')}>
            {(props) => (
              <input
                {...props}
                value={action.notes}
                onChange={(event) => onChange({ notes: event.target.value })}
              />
            )}
          </Field>
        )}
      </div>
      {action.type === 'split' && (
        <SplitParts
          number={number}
          parts={action.parts}
          categories={categories}
          options={options}
          error={error}
          onChange={(parts) => onChange({ parts })}
        />
      )}
      <button type="button" className="button ghost small danger" onClick={onRemove}>
        Remove action {number}
      </button>
    </li>
  );
}
