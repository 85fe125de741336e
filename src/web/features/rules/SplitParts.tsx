import { useState } from 'react';
import type { CategoryJson } from '../../api/types.ts';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { Field } from '../../ui/Field.tsx';
import { CategorySelect } from './CategorySelect.tsx';
import { emptyPart, type PartDraft, type PartHow } from './draft.ts';
import type { RuleOptions } from './options.ts';

const HOW: ReadonlyArray<{ value: PartHow; label: string }> = [
  { value: 'percent', label: 'A percentage' },
  { value: 'amount', label: 'A fixed amount' },
  { value: 'rest', label: 'The rest' },
];

/**
 * The parts of a split action: each a category with a fixed amount, a percentage of what the fixed
 * amounts leave, or the rest. The server splits exactly; the form only checks what is typed.
 */
export function SplitParts({
  number,
  parts,
  categories,
  options,
  error,
  onChange,
}: {
  number: number;
  parts: readonly PartDraft[];
  categories: readonly CategoryJson[];
  options: RuleOptions;
  error: (field: string) => string | undefined;
  onChange: (parts: PartDraft[]) => void;
}) {
  const [amountProblems, setAmountProblems] = useState<Record<number, string | undefined>>({});
  const set = (index: number, patch: Partial<PartDraft>) =>
    onChange(parts.map((part, i) => (i === index ? { ...part, ...patch } : part)));

  return (
    <fieldset className="rule-split">
      <legend>Parts of the split of action {number}</legend>
      {error('parts') && <p className="field-error">{error('parts')}</p>}
      <ol>
        {parts.map((part, index) => {
          const label = `Part ${index + 1}`;
          return (
            <li key={part.key} className="form-grid">
              <CategorySelect
                label={`${label}: category`}
                error={error(`parts/${index}/categoryId`)}
                value={part.categoryId}
                categories={categories}
                onChange={(categoryId) => set(index, { categoryId })}
              />
              <Field label={`${label}: share`}>
                {(props) => (
                  <select
                    {...props}
                    value={part.how}
                    onChange={(event) => set(index, { how: event.target.value as PartHow })}
                  >
                    {HOW.map((how) => (
                      <option key={how.value} value={how.value}>
                        {how.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {part.how === 'percent' && (
                <Field label={`${label}: percent`} error={error(`parts/${index}/percent`)}>
                  {(props) => (
                    <input
                      {...props}
                      inputMode="decimal"
                      value={part.percent}
                      onChange={(event) => set(index, { percent: event.target.value })}
                    />
                  )}
                </Field>
              )}
              {part.how === 'amount' && (
                <Field
                  label={`${label}: amount`}
                  error={amountProblems[part.key] ?? error(`parts/${index}/amount`)}
                >
                  {(props) => (
                    <AmountInput
                      {...props}
                      value={part.amount ?? ''}
                      currencyCode={options.currency}
                      locale={options.locale}
                      onValueChange={(amount) => set(index, { amount })}
                      onProblem={(message) =>
                        setAmountProblems((current) => ({ ...current, [part.key]: message }))
                      }
                    />
                  )}
                </Field>
              )}
              {parts.length > 2 && (
                <button
                  type="button"
                  className="button ghost small danger rule-remove-part"
                  onClick={() => onChange(parts.filter((_, i) => i !== index))}
                >
                  Remove part {index + 1}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button small"
        onClick={() => onChange([...parts, emptyPart('percent')])}
      >
        Add a part
      </button>
    </fieldset>
  );
}
