import type { PayeeJson } from '../../api/types.ts';
import { MergePanel } from '../../ui/MergePanel.tsx';
import { useMergePayee } from './queries.ts';

/** Merges a payee into another: its transactions follow, and its default category if the other has none. */
export function MergePayeePanel({
  bookId,
  payee,
  all,
  onDone,
}: {
  bookId: number;
  payee: PayeeJson;
  all: readonly PayeeJson[];
  onDone: () => void;
}) {
  const merge = useMergePayee(bookId);
  return (
    <MergePanel
      level={2}
      noun="payee"
      item={payee}
      targets={all.filter((other) => other.id !== payee.id)}
      merge={merge}
      onDone={onDone}
      none={<>{payee.name} is the only payee: there is nothing to merge it into.</>}
      hint={
        <>
          The transactions of {payee.name} move to the payee you pick, which also takes over its default
          category if it has none; then {payee.name} is deleted.
        </>
      }
    />
  );
}
