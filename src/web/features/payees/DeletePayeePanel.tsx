import type { PayeeJson } from '../../api/types.ts';
import { DeletePanel } from '../../ui/DeletePanel.tsx';
import { useDeletePayee } from './queries.ts';

/** Deletes a payee after asking; its transactions stay, without a payee. */
export function DeletePayeePanel({
  bookId,
  payee,
  onDone,
}: {
  bookId: number;
  payee: PayeeJson;
  onDone: () => void;
}) {
  const remove = useDeletePayee(bookId);
  return (
    <DeletePanel
      id={payee.id}
      name={payee.name}
      title={`Delete ${payee.name}?`}
      announcement={`${payee.name} is deleted.`}
      remove={remove}
      hint="Its transactions stay, without a payee. To keep them together, merge it instead."
      onDone={onDone}
    />
  );
}
