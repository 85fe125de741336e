import type { NotificationJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formatPeriodLabel } from './model.ts';
import { useDismissNotification, useNotifications } from './queries.ts';

/** The budget alerts not dismissed yet, newest first, each with its Dismiss button. */
export function Notifications({ bookId }: { bookId: number }) {
  const notifications = useNotifications(bookId);
  const dismiss = useDismissNotification(bookId);
  const announce = useAnnounce();
  if (notifications.error) return <ErrorNotice error={notifications.error} />;
  if (!notifications.data || notifications.data.length === 0) return null;
  return (
    <section className="budget-alerts" aria-labelledby="budget-alerts-title">
      <h2 id="budget-alerts-title">Alerts</h2>
      <ul aria-label="Budget alerts">
        {notifications.data.map((notification) => (
          <Alert
            key={notification.id}
            notification={notification}
            onDismiss={() =>
              dismiss.mutate(notification.id, {
                onSuccess: () => announce(`Alert about ${notification.budgetName} dismissed.`),
              })
            }
            disabled={dismiss.isPending}
          />
        ))}
      </ul>
      <ErrorNotice error={dismiss.error} />
    </section>
  );
}

function Alert({
  notification,
  onDismiss,
  disabled,
}: {
  notification: NotificationJson;
  onDismiss: () => void;
  disabled: boolean;
}) {
  const locale = useLocale();
  const over = notification.threshold === 100;
  return (
    <li className={over ? 'budget-alert over' : 'budget-alert'}>
      <p>
        <strong>{over ? 'Limit reached: ' : 'Heads up: '}</strong>
        {notification.budgetName} reached {notification.threshold} % of{' '}
        <Amount value={notification.available} /> in {formatPeriodLabel(notification.periodLabel, locale)}{' '}
        <span className="muted">
          (<Amount value={notification.spent} /> spent)
        </span>
      </p>
      <button type="button" className="button small" disabled={disabled} onClick={onDismiss}>
        Dismiss
        <span className="visually-hidden">
          {' '}
          the {notification.threshold} % alert about {notification.budgetName}
        </span>
      </button>
    </li>
  );
}
