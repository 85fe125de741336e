import { useId } from 'react';
import { formatLocaleAmount } from '../../../core/money/locale.ts';
import type { AccountJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { CategoryField, type CreateCategory } from './CategoryField.tsx';
import { type Draft, remaining, type SplitLine } from './draft.ts';
import type { Target } from './targets.ts';

/**
 * The lines of a split: a category and a share each. Shows what remains to assign until the
 * lines add up to the total; one line may stay empty and take the rest.
 */
export function SplitEditor({
  draft,
  account,
  targets,
  create,
  onChange,
}: {
  draft: Draft;
  account: AccountJson;
  targets: readonly Target[];
  /** Where a category named in a line is made, when it is no category yet. */
  create?: CreateCategory;
  onChange: (lines: SplitLine[]) => void;
}) {
  const locale = useLocale();
  const id = useId();
  const left = remaining(draft, account.currency);
  const balanced = /^0(\.0+)?$/.test(left);
  // A line is spending or income, never a transfer.
  const categories = targets.filter(
    (target) => target.account.type === 'income' || target.account.type === 'expense',
  );
  const update = (index: number, change: Partial<SplitLine>) =>
    onChange(draft.lines.map((line, i) => (i === index ? { ...line, ...change } : line)));

  return (
    <fieldset className="split-editor">
      <legend>Split</legend>
      {draft.lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
        <div className="split-line" key={index}>
          <CategoryField
            label={`Category of line ${index + 1}`}
            labelHidden
            placeholder="Category"
            targets={categories}
            chosen={line.targetId}
            onChoose={(targetId) => update(index, { targetId })}
            create={create}
          />
          <label htmlFor={`${id}-amount-${index}`} className="visually-hidden">
            Amount of line {index + 1}
          </label>
          <AmountInput
            id={`${id}-amount-${index}`}
            placeholder="Rest"
            value={line.amount}
            currencyCode={account.currency}
            locale={locale}
            onValueChange={(value) => value !== null && update(index, { amount: value.replace(/^-/, '') })}
          />
          <label htmlFor={`${id}-memo-${index}`} className="visually-hidden">
            Memo of line {index + 1}
          </label>
          <input
            id={`${id}-memo-${index}`}
            placeholder="Memo"
            value={line.memo}
            onChange={(e) => update(index, { memo: e.target.value })}
          />
          <button
            type="button"
            className="button ghost small"
            disabled={draft.lines.length <= 2}
            onClick={() => onChange(draft.lines.filter((_, i) => i !== index))}
          >
            Remove<span className="visually-hidden"> line {index + 1}</span>
          </button>
        </div>
      ))}
      <div className="split-footer">
        <button
          type="button"
          className="button small"
          onClick={() => onChange([...draft.lines, { targetId: null, amount: '', memo: '' }])}
        >
          Add line
        </button>
        <output className={balanced ? 'remaining balanced' : 'remaining'} aria-live="polite">
          {balanced
            ? 'Balanced'
            : `Remaining: ${formatLocaleAmount(left, locale, { currency: account.currency })}`}
        </output>
      </div>
    </fieldset>
  );
}
