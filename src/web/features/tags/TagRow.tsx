import type { TagJson } from '../../api/types.ts';
import { InlineTextForm } from '../../ui/InlineTextForm.tsx';
import { PanelToggle } from '../../ui/PanelToggle.tsx';
import { useRowMode } from '../../ui/useRowMode.ts';
import { DeleteTagPanel } from './DeleteTagPanel.tsx';
import { useUpdateTag } from './queries.ts';
import { RecolourPanel } from './RecolourPanel.tsx';
import { Swatch } from './Swatch.tsx';

/** One tag with its colour, renamed in place; recoloured or deleted in panels under it. */
export function TagRow({ bookId, tag }: { bookId: number; tag: TagJson }) {
  const update = useUpdateTag(bookId);
  const { mode, close, toggle } = useRowMode<'rename' | 'recolour' | 'delete'>(update.reset);

  return (
    <li>
      <div className="name-row">
        {mode === 'rename' ? (
          <InlineTextForm
            label={`New name of the tag ${tag.name}`}
            initial={tag.name}
            error={update.error}
            pending={update.isPending}
            onSave={(name) => update.mutate({ id: tag.id, name }, { onSuccess: close })}
            onCancel={close}
          />
        ) : (
          <span className="name-cell tag-cell">
            <Swatch color={tag.color} />
            <span className="item-name">{tag.name}</span>
            <span className="item-detail">{tag.color ?? 'no colour'}</span>
          </span>
        )}
        <span className="row-actions">
          <PanelToggle
            label="Rename"
            detail={`the tag ${tag.name}`}
            open={mode === 'rename'}
            onToggle={() => toggle('rename')}
          />
          <PanelToggle
            label="Colour"
            detail={`of the tag ${tag.name}`}
            open={mode === 'recolour'}
            onToggle={() => toggle('recolour')}
          />
          <PanelToggle
            label="Delete"
            detail={`the tag ${tag.name}`}
            danger
            open={mode === 'delete'}
            onToggle={() => toggle('delete')}
          />
        </span>
      </div>
      {mode === 'recolour' && <RecolourPanel bookId={bookId} tag={tag} onDone={close} />}
      {mode === 'delete' && <DeleteTagPanel bookId={bookId} tag={tag} onDone={close} />}
    </li>
  );
}
