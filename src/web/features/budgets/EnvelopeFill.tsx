import { useState } from 'react';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { afterSuccess } from '../../ui/afterSuccess.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCategoryList } from '../categories/queries.ts';
import {
  type AssignmentCellJson,
  type FillStrategyJson,
  useFillMonth,
  useSetAssignments,
} from './envelope-fill-queries.ts';

/** The helpers, as the buttons name them and as the notice says what was done. */
const HELPERS: readonly { strategy: FillStrategyJson; label: string; done: string }[] = [
  { strategy: 'copy-last-month', label: 'Copy last month', done: 'copied from last month' },
  { strategy: 'last-month-spending', label: 'Last month’s spending', done: 'set to last month’s spending' },
  { strategy: 'average-3-months', label: '3-month average', done: 'set to the 3-month average spending' },
];

/** Offered only while some category has a target: it leaves the others as they are. */
const TARGETS = { strategy: 'targets', label: 'Fill targets', done: 'filled to target' } as const;

const plural = (n: number) => (n === 1 ? '1 category' : `${n} categories`);

/**
 * The month's fill helpers: each sets every envelope of the month in one request; the notice that
 * follows offers Undo, which writes back what the cells held before, in one request too.
 */
export function EnvelopeFill({ bookId, month }: { bookId: number; month: string }) {
  const fill = useFillMonth(bookId, month);
  const categories = useCategoryList(bookId);
  const hasTargets = (categories.data ?? []).some((c) => c.type === 'expense' && c.target !== null);
  const helpers = hasTargets ? [...HELPERS, TARGETS] : HELPERS;
  const undo = useSetAssignments(bookId);
  const announce = useAnnounce();
  const [done, setDone] = useState<{ message: string; previous: AssignmentCellJson[] } | null>(null);
  const busy = fill.isPending || undo.isPending;

  const run = (helper: (typeof helpers)[number]) => {
    undo.reset();
    afterSuccess(fill.mutateAsync({ strategy: helper.strategy }), (result) =>
      setDone({ message: `Assigned: ${plural(result.written)} ${helper.done}.`, previous: result.previous }),
    );
  };

  const revert = (previous: AssignmentCellJson[]) =>
    afterSuccess(undo.mutateAsync(previous), () => {
      setDone(null);
      announce('The fill is undone: every envelope holds what it held before.', false);
    });

  return (
    <div className="envelope-fill">
      <fieldset className="envelope-fill-actions" disabled={busy}>
        <legend>Fill every envelope of the month</legend>
        {helpers.map((helper) => (
          <button key={helper.strategy} type="button" className="button small" onClick={() => run(helper)}>
            {helper.label}
          </button>
        ))}
      </fieldset>
      <ErrorNotice error={fill.error ?? undo.error} />
      {done && (
        <div className="toast" role="status">
          {done.message}{' '}
          {done.previous.length > 0 && (
            <button
              type="button"
              className="button small"
              disabled={undo.isPending}
              onClick={() => revert(done.previous)}
            >
              Undo
            </button>
          )}
        </div>
      )}
    </div>
  );
}
