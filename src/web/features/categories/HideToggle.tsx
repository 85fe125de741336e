import { useAnnounce } from '../../ui/Announcer.tsx';
import { afterSuccess } from '../../ui/afterSuccess.ts';
import { hiddenFocus } from './showHidden.ts';

/**
 * Hides a category or a group, or shows it again. Once done it says so (`subject`: "Groceries",
 * "The group Food") and, when the item has left the page, gives the focus to "Show hidden".
 * `detail` completes the button's label for screen readers ("Hide" → "Hide the group Food").
 */
export function HideToggle({
  hidden,
  pending,
  subject,
  detail,
  setHidden,
}: {
  hidden: boolean;
  pending: boolean;
  subject: string;
  detail: string;
  setHidden: (hidden: boolean) => Promise<unknown>;
}) {
  const announce = useAnnounce();
  return (
    <button
      type="button"
      className="button ghost small"
      disabled={pending}
      onClick={() =>
        afterSuccess(setHidden(!hidden), () =>
          announce(`${subject} is ${hidden ? 'shown' : 'hidden'}.`, hidden ? false : hiddenFocus()),
        )
      }
    >
      {hidden ? 'Show' : 'Hide'}
      <span className="visually-hidden"> {detail}</span>
    </button>
  );
}
