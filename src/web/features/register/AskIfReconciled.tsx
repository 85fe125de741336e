import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';

/** What is asked before a reconciled transaction changes: it was checked against a bank statement. */
export const reconciledQuestion = (change: 'Change' | 'Delete') =>
  `This transaction is reconciled with the statement. ${change} it anyway?`;

/**
 * Shows `children` (an editor) at once for a transaction that is not reconciled; for one that is,
 * only once the person has said yes to changing it. No goes to `onCancel`, as the editor's Cancel does.
 */
export function AskIfReconciled({
  reconciled,
  onCancel,
  children,
}: {
  reconciled: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  const [asked, setAsked] = useState(!reconciled);
  if (asked) return children;
  return (
    <ConfirmDialog
      question={reconciledQuestion('Change')}
      confirmLabel="Change it"
      onConfirm={() => setAsked(true)}
      onCancel={onCancel}
    />
  );
}
