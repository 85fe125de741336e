import type { ReactNode } from 'react';
import { useAnnounce } from './Announcer.tsx';
import { afterSuccess } from './afterSuccess.ts';
import { PanelForm } from './PanelForm.tsx';
import { RowPanel } from './RowPanel.tsx';
import { useFocusOnOpen } from './useFocusOnOpen.ts';

/** The mutation that deletes the item `id` (a payee, a tag). */
export interface DeleteMutation {
  mutateAsync: (id: number) => Promise<unknown>;
  error: unknown;
  isPending: boolean;
}

/**
 * The panel under a row that asks before deleting its item: `hint` says what happens to what used it;
 * the confirm button has the focus; once deleted, `announcement` is read out.
 */
export function DeletePanel({
  id,
  name,
  title,
  announcement,
  remove,
  hint,
  onDone,
}: {
  id: number;
  name: string;
  title: string;
  announcement: string;
  remove: DeleteMutation;
  hint: ReactNode;
  onDone: () => void;
}) {
  const announce = useAnnounce();
  const confirm = useFocusOnOpen<HTMLButtonElement>();
  return (
    <RowPanel level={2} title={title}>
      <PanelForm
        submitLabel={`Delete ${name}`}
        danger
        submitRef={confirm}
        disabled={remove.isPending}
        error={remove.error}
        onSubmit={() => afterSuccess(remove.mutateAsync(id), () => announce(announcement))}
        onCancel={onDone}
      >
        <p className="hint">{hint}</p>
      </PanelForm>
    </RowPanel>
  );
}
