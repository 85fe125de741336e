import { useState } from 'react';
import type { TagJson } from '../../api/types.ts';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { PanelForm } from '../../ui/PanelForm.tsx';
import { RowPanel } from '../../ui/RowPanel.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import { PALETTE } from './palette.ts';
import { useUpdateTag } from './queries.ts';

/** The panel under a tag's row that changes its colour, or takes it away. */
export function RecolourPanel({ bookId, tag, onDone }: { bookId: number; tag: TagJson; onDone: () => void }) {
  const update = useUpdateTag(bookId);
  const [color, setColor] = useState(tag.color ?? PALETTE[0]!);
  const input = useFocusOnOpen<HTMLInputElement>();
  const save = (next: string | null) =>
    next === tag.color ? onDone() : update.mutate({ id: tag.id, color: next }, { onSuccess: onDone });
  return (
    <RowPanel level={2} title={`Colour of ${tag.name}`}>
      <PanelForm
        submitLabel="Save colour"
        disabled={update.isPending}
        error={formError(update.error, ['/color'])}
        onSubmit={() => save(color)}
        onCancel={onDone}
        more={
          tag.color !== null && (
            <button
              type="button"
              className="button small"
              disabled={update.isPending}
              onClick={() => save(null)}
            >
              No colour
            </button>
          )
        }
      >
        <Field label="Colour" error={fieldError(update.error, '/color')}>
          {(props) => (
            <input
              {...props}
              ref={input}
              type="color"
              value={color}
              onChange={(e) => setColor(e.target.value)}
            />
          )}
        </Field>
      </PanelForm>
    </RowPanel>
  );
}
