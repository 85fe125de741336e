import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import type { NewRuleJson } from '../../api/types.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { escapeCancels } from '../../ui/escapeCancels.ts';
import { Field } from '../../ui/Field.tsx';
import { fieldError } from '../../ui/formErrors.ts';
import { ActionRow } from './ActionRow.tsx';
import { ConditionRow } from './ConditionRow.tsx';
import {
  type ActionDraft,
  type ConditionDraft,
  emptyAction,
  emptyCondition,
  type RuleDraft,
  ruleOf,
} from './draft.ts';
import type { RuleOptions } from './options.ts';

/**
 * A rule's form, new or edited: its name, whether all or any condition must hold, the conditions
 * and the actions. Problems show beside their inputs, from the form's own checks or from the API.
 */
export function RuleForm({
  title,
  initial,
  options,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial: RuleDraft;
  options: RuleOptions;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (rule: NewRuleJson) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const name = useRef<HTMLInputElement>(null);
  useEffect(() => name.current?.focus(), []);
  const { rule, problems } = ruleOf(draft);
  const message = (pointer: string) =>
    (checked ? problems[pointer] : undefined) ?? fieldError(error, pointer);
  const placed = error instanceof ApiError && error.errors.length > 0 ? null : error;

  const setCondition = (index: number, patch: Partial<ConditionDraft>) =>
    setDraft((d) => ({
      ...d,
      conditions: d.conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    }));
  const setAction = (index: number, patch: Partial<ActionDraft>) =>
    setDraft((d) => ({ ...d, actions: d.actions.map((a, i) => (i === index ? { ...a, ...patch } : a)) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0) return;
    onSubmit(rule);
  }

  return (
    <form
      className="card rule-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onKeyDown={escapeCancels(onCancel)}
      noValidate
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="form-grid">
        <Field label="Name" error={message('/name')}>
          {(props) => (
            <input
              {...props}
              ref={name}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
      </div>
      <label className="checkbox rule-enabled">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
        />
        Enabled: runs on imports and when applied
      </label>
      <fieldset className="rule-block">
        <legend>When</legend>
        <fieldset className="rule-match">
          <legend className="visually-hidden">Which conditions must hold</legend>
          <label className="checkbox">
            <input
              type="radio"
              name={`${id}-match`}
              checked={draft.match === 'all'}
              onChange={() => setDraft({ ...draft, match: 'all' })}
            />
            All conditions hold
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name={`${id}-match`}
              checked={draft.match === 'any'}
              onChange={() => setDraft({ ...draft, match: 'any' })}
            />
            Any condition holds
          </label>
        </fieldset>
        {draft.conditions.length === 0 ? (
          <p className="hint">No condition: the rule applies to every transaction.</p>
        ) : (
          <ol className="rule-parts">
            {draft.conditions.map((condition, index) => (
              <ConditionRow
                key={condition.key}
                number={index + 1}
                condition={condition}
                options={options}
                error={(field) => message(`/conditions/${index}/${field}`) ?? message(`/conditions/${index}`)}
                onChange={(patch) => setCondition(index, patch)}
                onRemove={() =>
                  setDraft((d) => ({ ...d, conditions: d.conditions.filter((_, i) => i !== index) }))
                }
              />
            ))}
          </ol>
        )}
        <button
          type="button"
          className="button small"
          onClick={() => setDraft((d) => ({ ...d, conditions: [...d.conditions, emptyCondition()] }))}
        >
          Add a condition
        </button>
      </fieldset>
      <fieldset className="rule-block">
        <legend>Then</legend>
        {message('/actions') && (
          <p className="field-error" role="alert">
            {message('/actions')}
          </p>
        )}
        <ol className="rule-parts">
          {draft.actions.map((action, index) => (
            <ActionRow
              key={action.key}
              number={index + 1}
              action={action}
              options={options}
              error={(field) => message(`/actions/${index}/${field}`) ?? message(`/actions/${index}`)}
              onChange={(patch) => setAction(index, patch)}
              onRemove={() => setDraft((d) => ({ ...d, actions: d.actions.filter((_, i) => i !== index) }))}
            />
          ))}
        </ol>
        <button
          type="button"
          className="button small"
          onClick={() => setDraft((d) => ({ ...d, actions: [...d.actions, emptyAction()] }))}
        >
          Add an action
        </button>
      </fieldset>
      <ErrorNotice error={placed} />
      {error instanceof ApiError && error.errors.length > 0 && (
        <p className="field-error" role="alert">
          {error.detail}
        </p>
      )}
      <div className="form-actions wrap">
        <button type="submit" className="button primary" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
