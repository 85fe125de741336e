import type { AccountJson, ImportPreviewRowJson, ImportStatementJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { fieldError } from '../../ui/formErrors.ts';
import { agreement, balanceAfterChoices } from './balances.ts';
import type { Choices } from './choices.ts';
import type { Source } from './source.ts';

/**
 * The statements of the file: what the file says about each (account, balances) against the account's
 * balance once imported, in words; for a file with several, the account each one goes to.
 */
export function StatementList({
  statements,
  rows,
  choices,
  accounts,
  source,
  error,
  onAccount,
}: {
  statements: readonly ImportStatementJson[];
  rows: readonly ImportPreviewRowJson[];
  choices: Choices;
  accounts: readonly AccountJson[];
  source: Source;
  error: unknown;
  onAccount: (statement: number, accountId: number) => void;
}) {
  const several = statements.length > 1;
  return (
    <div className="import-statements">
      {statements.map((statement) => (
        <StatementCard
          key={statement.index}
          statement={statement}
          title={several ? `Statement ${statement.index + 1} of ${statements.length}` : 'Statement'}
          rows={rows}
          choices={choices}
          accounts={accounts}
          chosenAccountId={source.statementAccounts.get(statement.index) ?? source.accountId}
          several={several}
          error={fieldError(error, `/statementAccounts/${statement.index}/accountId`)}
          onAccount={(accountId) => onAccount(statement.index, accountId)}
        />
      ))}
    </div>
  );
}

function StatementCard({
  statement,
  title,
  rows,
  choices,
  accounts,
  chosenAccountId,
  several,
  error,
  onAccount,
}: {
  statement: ImportStatementJson;
  title: string;
  rows: readonly ImportPreviewRowJson[];
  choices: Choices;
  accounts: readonly AccountJson[];
  chosenAccountId: number;
  several: boolean;
  error: string | undefined;
  onAccount: (accountId: number) => void;
}) {
  const locale = useLocale();
  const after = balanceAfterChoices(statement, rows, choices);
  const check = agreement(statement, after);
  const account = accounts.find((a) => a.id === statement.accountId);
  const day = (date: string | null) => (date ? ` on ${formatDay(date, locale)}` : '');
  const described = [
    statement.fileAccountName,
    statement.fileAccountId && `account ${statement.fileAccountId}`,
    statement.fileAccountType?.toLowerCase(),
    statement.currency,
  ].filter(Boolean);

  return (
    <section className="card import-statement" aria-label={title}>
      <h3>
        {title}
        {described.length > 0 && <span className="muted"> · {described.join(', ')}</span>}
      </h3>
      {several && (
        <Field label={`Import ${title.toLowerCase()} into`} error={error}>
          {(props) => (
            <select
              {...props}
              value={chosenAccountId}
              onChange={(event) => onAccount(Number(event.target.value))}
            >
              {accounts.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} ({option.currency})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <dl className="import-facts">
        <div>
          <dt>Rows</dt>
          <dd>{statement.rowCount}</dd>
        </div>
        {statement.openingBalance && (
          <div>
            <dt>Opening balance{day(statement.openingBalance.date)}</dt>
            <dd>
              <Amount value={statement.openingBalance.amount} />
            </dd>
          </div>
        )}
        {statement.closingBalance && (
          <div>
            <dt>Closing balance{day(statement.closingBalance.date)}</dt>
            <dd>
              <Amount value={statement.closingBalance.amount} />
            </dd>
          </div>
        )}
        <div>
          <dt>{account ? `${account.name} after the import` : 'Balance after the import'}</dt>
          <dd>
            <Amount value={after} />
          </dd>
        </div>
      </dl>
      {check.kind === 'agree' ? (
        <p className="import-agree">
          <span aria-hidden="true">✓ </span>The closing balance agrees with the account’s balance after the
          import.
        </p>
      ) : check.kind === 'differ' ? (
        <p className="import-differ">
          The closing balance and the account’s balance after the import differ by{' '}
          <Amount value={check.difference} />: the account may hold transactions the file does not, or miss
          older ones.
        </p>
      ) : (
        <p className="muted">The file states no closing balance to check the import against.</p>
      )}
    </section>
  );
}
