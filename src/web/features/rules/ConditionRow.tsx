import { useState } from 'react';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { Field } from '../../ui/Field.tsx';
import {
  CONDITION_KINDS,
  type ConditionDraft,
  type ConditionKind,
  TEXT_OPERATORS,
  type TextOperator,
} from './draft.ts';
import type { RuleOptions } from './options.ts';

/** One condition of a rule: what it looks at, then the inputs that kind needs. */
export function ConditionRow({
  number,
  condition,
  options,
  error,
  onChange,
  onRemove,
}: {
  number: number;
  condition: ConditionDraft;
  options: RuleOptions;
  /** The message for one of the condition's fields (`value`, `min`, …), local or from the API. */
  error: (field: string) => string | undefined;
  onChange: (patch: Partial<ConditionDraft>) => void;
  onRemove: () => void;
}) {
  const locale = options.locale;
  const [amountProblem, setAmountProblem] = useState<{ min?: string; max?: string }>({});
  const balanceSheet = options.accounts.filter(
    (a) => (a.type === 'asset' || a.type === 'liability') && !a.archived,
  );
  const amountField = (bound: 'min' | 'max', label: string) => (
    <Field
      label={label}
      hint="Blank for no bound; money out is negative."
      error={amountProblem[bound] ?? error(bound)}
    >
      {(props) => (
        <AmountInput
          {...props}
          value={condition[bound] ?? ''}
          currencyCode={options.currency}
          locale={options.locale}
          onValueChange={(value) => onChange({ [bound]: value })}
          onProblem={(message) => setAmountProblem((current) => ({ ...current, [bound]: message }))}
        />
      )}
    </Field>
  );

  return (
    <li className="rule-part">
      <div className="form-grid">
        <Field label={`Condition ${number}`}>
          {(props) => (
            <select
              {...props}
              value={condition.kind}
              onChange={(event) => onChange({ kind: event.target.value as ConditionKind })}
            >
              {CONDITION_KINDS.map((kind) => (
                <option key={kind.value} value={kind.value}>
                  {kind.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(condition.kind === 'payee' || condition.kind === 'description' || condition.kind === 'notes') && (
          <>
            <Field label="How it compares" error={error('operator')}>
              {(props) => (
                <select
                  {...props}
                  value={condition.operator}
                  onChange={(event) => onChange({ operator: event.target.value as TextOperator })}
                >
                  {TEXT_OPERATORS.map((operator) => (
                    <option key={operator.value} value={operator.value}>
                      {operator.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={condition.operator === 'regex' ? 'Pattern' : 'Text'}
              hint={
                condition.operator === 'regex'
                  ? 'A regular expression (RE2 syntax), case ignored.'
                  : 'Case and accents are ignored.'
              }
              error={error('value')}
            >
              {(props) => (
                <input
                  {...props}
                  value={condition.value}
                  onChange={(event) => onChange({ value: event.target.value })}
                />
              )}
            </Field>
          </>
        )}
        {condition.kind === 'amount' && (
          <>
            {amountField('min', 'From amount')}
            {amountField('max', 'To amount')}
          </>
        )}
        {condition.kind === 'sign' && (
          <Field label="Direction">
            {(props) => (
              <select
                {...props}
                value={condition.sign}
                onChange={(event) => onChange({ sign: event.target.value as ConditionDraft['sign'] })}
              >
                <option value="outflow">Money out</option>
                <option value="inflow">Money in</option>
              </select>
            )}
          </Field>
        )}
        {condition.kind === 'date' && (
          <>
            <Field label="From" error={error('from')}>
              {(props) => (
                <DateInput
                  {...props}
                  value={condition.from}
                  locale={locale}
                  onValueChange={(iso) => iso !== null && onChange({ from: iso })}
                />
              )}
            </Field>
            <Field label="To" error={error('to')}>
              {(props) => (
                <DateInput
                  {...props}
                  value={condition.to}
                  locale={locale}
                  onValueChange={(iso) => iso !== null && onChange({ to: iso })}
                />
              )}
            </Field>
          </>
        )}
      </div>
      {condition.kind === 'account' && (
        <fieldset className="rule-accounts">
          <legend>Transactions of the accounts</legend>
          {balanceSheet.map((account) => (
            <label key={account.id} className="checkbox">
              <input
                type="checkbox"
                checked={condition.accountIds.includes(account.id)}
                onChange={(event) =>
                  onChange({
                    accountIds: event.target.checked
                      ? [...condition.accountIds, account.id]
                      : condition.accountIds.filter((id) => id !== account.id),
                  })
                }
              />
              {account.name}
            </label>
          ))}
          {error('accountIds') && (
            <p className="field-error" role="alert">
              {error('accountIds')}
            </p>
          )}
        </fieldset>
      )}
      <button type="button" className="button ghost small danger" onClick={onRemove}>
        Remove condition {number}
      </button>
    </li>
  );
}
