/**
 * A button of a row that opens one of the row's panels (rename, move, merge…) and closes it again.
 * `detail` completes the label for screen readers ("Rename" → "Rename Groceries").
 */
export function PanelToggle({
  label,
  detail,
  open,
  onToggle,
  danger = false,
}: {
  label: string;
  detail: string;
  open: boolean;
  onToggle: () => void;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={`button ghost small${danger ? ' danger' : ''}`}
      onClick={onToggle}
      aria-expanded={open}
    >
      {label}
      <span className="visually-hidden"> {detail}</span>
    </button>
  );
}
