import { useState } from 'react';
import type { CategoryJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { PanelForm } from '../../ui/PanelForm.tsx';
import { RowPanel } from '../../ui/RowPanel.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import { useUpdateCategory } from './queries.ts';

/**
 * The panel under an expense category's row that sets its monthly target (what the envelope
 * budget's "Fill targets" assigns it), or clears it: an empty amount is no target.
 */
export function TargetPanel({
  bookId,
  category,
  onDone,
}: {
  bookId: number;
  category: CategoryJson;
  onDone: () => void;
}) {
  const update = useUpdateCategory(bookId);
  const locale = useLocale();
  const [amount, setAmount] = useState<string | null>(category.target?.amount ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const input = useFocusOnOpen<HTMLInputElement>();
  const save = () => {
    if (amount === null) return;
    const target = amount === '' ? null : { amount, currency: category.currency };
    if (target?.amount === category.target?.amount) onDone();
    else update.mutate({ id: category.id, target }, { onSuccess: onDone });
  };
  return (
    <RowPanel level={4} title={`Monthly target of ${category.name}`}>
      <PanelForm
        submitLabel="Save target"
        disabled={update.isPending || amount === null}
        error={formError(update.error, ['/target', '/target/amount', '/target/currency'])}
        onSubmit={save}
        onCancel={onDone}
      >
        <Field
          label={`Target per month (${category.currency})`}
          hint="Empty for no target"
          error={problem ?? fieldError(update.error, '/target/amount') ?? fieldError(update.error, '/target')}
        >
          {(props) => (
            <AmountInput
              {...props}
              ref={input}
              value={amount ?? ''}
              currencyCode={category.currency}
              locale={locale}
              onValueChange={setAmount}
              onProblem={setProblem}
            />
          )}
        </Field>
      </PanelForm>
    </RowPanel>
  );
}
