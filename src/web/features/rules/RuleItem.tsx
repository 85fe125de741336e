import { useState } from 'react';
import type { RuleJson } from '../../api/types.ts';
import { DeletePanel } from '../../ui/DeletePanel.tsx';
import { PanelToggle } from '../../ui/PanelToggle.tsx';
import { useRowMode } from '../../ui/useRowMode.ts';
import { describeRule, type Names } from './describe.ts';
import { draftOf } from './draft.ts';
import type { RuleOptions } from './options.ts';
import { useDeleteRule, useToggleRule, useUpdateRule } from './queries.ts';
import { RuleForm } from './RuleForm.tsx';

/** One rule in the list: its place, what it does in words, on/off, moved up or down, edited, deleted. */
export function RuleItem({
  bookId,
  rule,
  position,
  count,
  names,
  options,
  onMove,
}: {
  bookId: number;
  rule: RuleJson;
  position: number;
  count: number;
  names: Names;
  options: RuleOptions;
  onMove: (by: -1 | 1) => void;
}) {
  const update = useUpdateRule(bookId);
  const toggle = useToggleRule(bookId);
  const remove = useDeleteRule(bookId);
  const {
    mode,
    close,
    toggle: open,
  } = useRowMode<'edit' | 'delete'>(() => {
    update.reset();
    remove.reset();
  });
  const words = describeRule(rule, names, options.locale);
  // The box follows a click at once; the list (refetched) has the last word.
  const [enabled, setEnabled] = useState(rule.enabled);
  const [listed, setListed] = useState(rule.enabled);
  if (listed !== rule.enabled) {
    setListed(rule.enabled);
    setEnabled(rule.enabled);
  }

  return (
    <li className={rule.enabled ? 'rule-item' : 'rule-item is-hidden'}>
      <div className="name-row">
        <span className="rule-position" aria-hidden="true">
          {position}
        </span>
        <span className="name-cell rule-words">
          <span className="item-name">
            <span className="visually-hidden">Rule {position}: </span>
            {rule.name}
            {!rule.enabled && <span className="badge">Off</span>}
          </span>
          <span className="item-detail">{words.when}</span>
          <span className="item-detail">→ {words.does}</span>
        </span>
        <span className="row-actions">
          <label className="checkbox rule-toggle">
            <input
              type="checkbox"
              checked={enabled}
              aria-label={`Enabled: ${rule.name}`}
              onChange={(event) => {
                setEnabled(event.target.checked);
                toggle.mutate({ id: rule.id, enabled: event.target.checked });
              }}
            />
            Enabled
          </label>
          <button
            type="button"
            id={`rule-${rule.id}-up`}
            className="button ghost small"
            disabled={position === 1}
            onClick={() => onMove(-1)}
          >
            Move up<span className="visually-hidden"> {rule.name}</span>
          </button>
          <button
            type="button"
            id={`rule-${rule.id}-down`}
            className="button ghost small"
            disabled={position === count}
            onClick={() => onMove(1)}
          >
            Move down<span className="visually-hidden"> {rule.name}</span>
          </button>
          <PanelToggle label="Edit" detail={rule.name} open={mode === 'edit'} onToggle={() => open('edit')} />
          <PanelToggle
            label="Delete"
            detail={rule.name}
            danger
            open={mode === 'delete'}
            onToggle={() => open('delete')}
          />
        </span>
      </div>
      {toggle.error ? (
        <p className="field-error" role="alert">
          {toggle.error.message}
        </p>
      ) : null}
      {mode === 'edit' && (
        <RuleForm
          title={`Edit ${rule.name}`}
          initial={draftOf(rule)}
          options={options}
          submitLabel="Save rule"
          pending={update.isPending}
          error={update.error}
          onSubmit={(body) => update.mutate({ id: rule.id, ...body }, { onSuccess: close })}
          onCancel={close}
        />
      )}
      {mode === 'delete' && (
        <DeletePanel
          id={rule.id}
          name={rule.name}
          title={`Delete the rule ${rule.name}?`}
          announcement={`Rule ${rule.name} deleted.`}
          remove={remove}
          hint="Transactions it categorised keep their categories; future imports no longer use it."
          onDone={close}
        />
      )}
    </li>
  );
}
