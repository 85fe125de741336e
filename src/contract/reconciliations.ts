import Type from 'typebox';
import { BookParams, described, Id, Instant, IsoDate, Money, Nullable } from './common.ts';

/** Reconciliation of an account against a bank statement (issue 13). */

export const ReconciliationParams = Type.Object(
  { ...BookParams.properties, id: Id, reconciliationId: Id },
  { additionalProperties: false },
);

export const ClearedQuery = Type.Object({ date: IsoDate }, { additionalProperties: false });

export const ClearedBalance = Type.Object({
  date: IsoDate,
  cleared: described(Money, 'Σ of the postings up to the date whose transactions are cleared or reconciled.'),
  pending: described(Money, 'Σ of those whose transactions are still pending.'),
  pendingCount: Type.Integer(),
  last: Nullable(
    Type.Object(
      { statementDate: IsoDate, statementBalance: Money },
      { description: 'The latest reconciliation.' },
    ),
  ),
});

export const NewReconciliation = Type.Object(
  {
    statementDate: IsoDate,
    statementBalance: described(Money, 'The statement’s closing balance, in the account’s currency.'),
  },
  { additionalProperties: false },
);

export const Reconciliation = Type.Object({
  id: Id,
  accountId: Id,
  statementDate: IsoDate,
  statementBalance: Money,
  transactionCount: Type.Integer({ description: 'How many cleared transactions it marked reconciled.' }),
  createdBy: Nullable(Id),
  createdAt: Instant,
});
