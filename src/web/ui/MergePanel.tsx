import { type ReactNode, useState } from 'react';
import { useAnnounce } from './Announcer.tsx';
import { afterSuccess } from './afterSuccess.ts';
import { Field } from './Field.tsx';
import { fieldError, formError } from './formErrors.ts';
import { PanelForm } from './PanelForm.tsx';
import { RowPanel } from './RowPanel.tsx';
import { useFocusOnOpen } from './useFocusOnOpen.ts';

/** What can be merged: a named item of a list, perhaps hidden. */
export interface Mergeable {
  id: number;
  name: string;
  hidden?: boolean;
}

/** The mutation that merges `id` into `into` (a category's or a payee's). */
export interface MergeMutation {
  mutateAsync: (input: { id: number; into: number }) => Promise<unknown>;
  error: unknown;
  isPending: boolean;
}

/**
 * The panel under a row that merges its item into another of the same list (`noun`: "category",
 * "payee"): pick one of `targets`, and the item is gone. `reason` says why the panel opened when
 * the person did not ask for it (a delete that could not be done); `hint` says what moves; `none` is
 * shown instead of the form when there is nothing to merge into.
 */
export function MergePanel<T extends Mergeable>({
  item,
  noun,
  targets,
  merge,
  level,
  reason,
  hint,
  none,
  onDone,
}: {
  item: T;
  noun: string;
  targets: readonly T[];
  merge: MergeMutation;
  level: 2 | 3 | 4;
  reason?: string | undefined;
  hint: ReactNode;
  none: ReactNode;
  onDone: () => void;
}) {
  const announce = useAnnounce();
  const [into, setInto] = useState('');
  const select = useFocusOnOpen<HTMLSelectElement>();
  const target = targets.find((other) => String(other.id) === into);
  return (
    <RowPanel level={level} title={`Merge ${item.name} into another ${noun}`}>
      {reason && (
        <p className="notice notice-error" role="alert">
          {reason}
        </p>
      )}
      {targets.length === 0 ? (
        <div className="panel-form">
          <p>{none}</p>
          <button type="button" className="button small" onClick={onDone}>
            Close
          </button>
        </div>
      ) : (
        <PanelForm
          submitLabel={target ? `Merge into ${target.name}` : 'Merge'}
          disabled={merge.isPending || !target}
          error={formError(merge.error, ['/into'])}
          onSubmit={() =>
            afterSuccess(merge.mutateAsync({ id: item.id, into: Number(into) }), () =>
              announce(`${item.name} is merged into ${target?.name}.`),
            )
          }
          onCancel={onDone}
        >
          <p className="hint">{hint}</p>
          <Field label="Merge into" error={fieldError(merge.error, '/into')}>
            {(props) => (
              <select {...props} ref={select} value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="" disabled>
                  Choose a {noun}…
                </option>
                {targets.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                    {other.hidden ? ' (hidden)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </PanelForm>
      )}
    </RowPanel>
  );
}
