import type { IsoDate } from '../calendar/date.ts';
import { fail } from '../errors.ts';
import type { Money } from '../money/index.ts';

/** Percentages of a period's available amount that raise an alert. */
export const ALERT_THRESHOLDS = [80, 100] as const;
export type AlertThreshold = (typeof ALERT_THRESHOLDS)[number];

/** One threshold crossed in one period; the server stores it as a notification. */
export interface BudgetAlert {
  readonly threshold: AlertThreshold;
  readonly periodStart: IsoDate;
}

export interface AlertInput {
  readonly periodStart: IsoDate;
  readonly available: Money;
  /** Thresholds already alerted in this period (from stored notifications): never repeated. */
  readonly alreadyAlerted?: readonly AlertThreshold[];
}

/**
 * Whether `spent` has reached `threshold` % of `available`, exactly (spent × 100 ≥ available ×
 * threshold). Nothing spent (or net refunds) reaches nothing; any spending against nothing or
 * less available reaches every threshold.
 */
export function reached(threshold: AlertThreshold, available: Money, spent: Money): boolean {
  if (spent.minor <= 0n) return false;
  return spent.minor * 100n >= available.minor * BigInt(threshold);
}

/**
 * The thresholds that spending from `before` to `after` crossed: not reached before, reached
 * after, and not alerted earlier in the period. Both thresholds can cross in one step; a refund
 * that drops below a threshold and spending that crosses it again alert nothing new.
 */
export function crossedThresholds(input: AlertInput, before: Money, after: Money): BudgetAlert[] {
  sameCurrency(input.available, before);
  sameCurrency(input.available, after);
  const done = new Set(input.alreadyAlerted ?? []);
  return ALERT_THRESHOLDS.filter(
    (threshold) =>
      !done.has(threshold) &&
      !reached(threshold, input.available, before) &&
      reached(threshold, input.available, after),
  ).map((threshold) => ({ threshold, periodStart: input.periodStart }));
}

/**
 * The alerts raised by spend events of one period in order (positive spending, negative refunds),
 * starting from `spentBefore` (zero when absent). Each threshold alerts at most once.
 */
export function alertsForEvents(
  input: AlertInput & { readonly spentBefore?: Money },
  events: readonly Money[],
): BudgetAlert[] {
  const alerts: BudgetAlert[] = [];
  const alerted = [...(input.alreadyAlerted ?? [])];
  let spent = input.spentBefore ?? { minor: 0n, currency: input.available.currency };
  for (const event of events) {
    sameCurrency(input.available, event);
    const after = { minor: spent.minor + event.minor, currency: spent.currency };
    const raised = crossedThresholds({ ...input, alreadyAlerted: alerted }, spent, after);
    for (const alert of raised) alerted.push(alert.threshold);
    alerts.push(...raised);
    spent = after;
  }
  return alerts;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    fail('CURRENCY_MISMATCH', `Spending in ${b.currency} cannot count against a budget in ${a.currency}.`);
  }
}
