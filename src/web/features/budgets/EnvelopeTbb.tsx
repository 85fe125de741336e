import type { EnvelopeMonthJson } from '../../api/types.ts';
import { Amount } from '../../ui/Amount.tsx';

export const isZeroAmount = (amount: string) => /^-?0(\.0*)?$/.test(amount);

/** "To be budgeted" and where it came from: the money there at the start, income, carry and overspending. */
export function EnvelopeTbb({ data }: { data: EnvelopeMonthJson }) {
  const negative = data.overAssigned;
  return (
    <div className={`envelope-tbb${negative ? ' envelope-tbb-over' : ''}`}>
      <p>
        <span className="envelope-tbb-label">To be budgeted</span>{' '}
        <strong className="envelope-tbb-amount" data-testid="tbb">
          <Amount value={data.tbb} />
        </strong>
      </p>
      {negative && (
        <p className="budget-over">Over-assigned: more money is assigned than there is to budget.</p>
      )}
      {!isZeroAmount(data.startingBalance.amount) && (
        <p className="muted">
          In your accounts at the start <Amount value={data.startingBalance} />
        </p>
      )}
      <p className="muted">
        Income <Amount value={data.income} />, assigned <Amount value={data.assigned} />, carried in{' '}
        <Amount value={data.carriedTbb} />
        {!isZeroAmount(data.overspendingFromLastMonth.amount) && (
          <>
            , last month’s overspending <Amount value={data.overspendingFromLastMonth} />
          </>
        )}
      </p>
    </div>
  );
}
