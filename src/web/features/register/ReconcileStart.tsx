import { useState } from 'react';
import type { AccountJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { Field } from '../../ui/Field.tsx';
import { PanelForm } from '../../ui/PanelForm.tsx';
import { RowPanel } from '../../ui/RowPanel.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';

/** A bank statement: its closing date and balance (an exact decimal in the account's currency). */
export interface Statement {
  date: string;
  balance: string;
}

/**
 * Asks for the statement to reconcile against: its closing date (a month after the last one, or
 * today) and closing balance, as the bank prints it.
 */
export function ReconcileStart({
  account,
  date,
  onStart,
  onCancel,
}: {
  account: AccountJson;
  date: string;
  onStart: (statement: Statement) => void;
  onCancel: () => void;
}) {
  const locale = useLocale();
  const [statementDate, setDate] = useState<string | null>(date);
  const [balance, setBalance] = useState<string | null>('');
  const [problem, setProblem] = useState<string>();
  const [tried, setTried] = useState(false);
  const first = useFocusOnOpen<HTMLInputElement>();
  const balanceProblem =
    problem ?? (tried && balance === '' ? 'The statement’s closing balance.' : undefined);

  return (
    <div className="reconcile-start">
      <RowPanel level={2} title="Reconcile with a statement">
        <PanelForm
          submitLabel="Start reconciling"
          disabled={false}
          error={null}
          onCancel={onCancel}
          onSubmit={() => {
            setTried(true);
            if (statementDate && balance) onStart({ date: statementDate, balance });
          }}
        >
          <div className="reconcile-fields">
            <Field
              label="Statement date"
              error={tried && !statementDate ? 'The day the statement closes.' : undefined}
            >
              {(props) => (
                <DateInput
                  {...props}
                  ref={first}
                  value={statementDate ?? ''}
                  locale={locale}
                  required
                  onValueChange={setDate}
                />
              )}
            </Field>
            <Field
              label={`Closing balance (${account.currency})`}
              hint={account.type === 'liability' ? 'What you owe, as a negative amount.' : undefined}
              error={balanceProblem}
            >
              {(props) => (
                <AmountInput
                  {...props}
                  value={balance ?? ''}
                  currencyCode={account.currency}
                  locale={locale}
                  required
                  onValueChange={setBalance}
                  onProblem={setProblem}
                />
              )}
            </Field>
          </div>
        </PanelForm>
      </RowPanel>
    </div>
  );
}
