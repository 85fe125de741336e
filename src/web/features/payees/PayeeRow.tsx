import type { CategoryJson, PayeeJson } from '../../api/types.ts';
import { InlineTextForm } from '../../ui/InlineTextForm.tsx';
import { PanelToggle } from '../../ui/PanelToggle.tsx';
import { useRowMode } from '../../ui/useRowMode.ts';
import { DefaultCategoryPanel } from './DefaultCategoryPanel.tsx';
import { DeletePayeePanel } from './DeletePayeePanel.tsx';
import { MergePayeePanel } from './MergePayeePanel.tsx';
import { useUpdatePayee } from './queries.ts';

/** One payee with its default category, renamed in place; its other tasks open in panels under it. */
export function PayeeRow({
  bookId,
  payee,
  all,
  categories,
  defaultName,
}: {
  bookId: number;
  payee: PayeeJson;
  all: readonly PayeeJson[];
  categories: readonly CategoryJson[];
  defaultName: string | null | undefined;
}) {
  const update = useUpdatePayee(bookId);
  const { mode, close, toggle } = useRowMode<'rename' | 'default' | 'merge' | 'delete'>(update.reset);

  return (
    <li>
      <div className="name-row">
        {mode === 'rename' ? (
          <InlineTextForm
            label={`New name of ${payee.name}`}
            initial={payee.name}
            error={update.error}
            pending={update.isPending}
            onSave={(name) => update.mutate({ id: payee.id, name }, { onSuccess: close })}
            onCancel={close}
          />
        ) : (
          <span className="name-cell">
            <span className="item-name">{payee.name}</span>
            <span className="item-detail">
              {payee.defaultCategoryId === null
                ? 'No default category'
                : `Default category: ${defaultName ?? '…'}`}
            </span>
          </span>
        )}
        <span className="row-actions">
          <PanelToggle
            label="Rename"
            detail={payee.name}
            open={mode === 'rename'}
            onToggle={() => toggle('rename')}
          />
          <PanelToggle
            label="Default category"
            detail={`of ${payee.name}`}
            open={mode === 'default'}
            onToggle={() => toggle('default')}
          />
          <PanelToggle
            label="Merge"
            detail={`${payee.name} into another payee`}
            open={mode === 'merge'}
            onToggle={() => toggle('merge')}
          />
          <PanelToggle
            label="Delete"
            detail={payee.name}
            danger
            open={mode === 'delete'}
            onToggle={() => toggle('delete')}
          />
        </span>
      </div>
      {mode === 'default' && (
        <DefaultCategoryPanel bookId={bookId} payee={payee} categories={categories} onDone={close} />
      )}
      {mode === 'merge' && <MergePayeePanel bookId={bookId} payee={payee} all={all} onDone={close} />}
      {mode === 'delete' && <DeletePayeePanel bookId={bookId} payee={payee} onDone={close} />}
    </li>
  );
}
