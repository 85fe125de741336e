import { type FormEvent, useState } from 'react';
import type { ApplyRequestJson, ApplyResultJson, RuleJson } from '../../api/types.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { ChangeList } from './ChangeList.tsx';
import type { Names } from './describe.ts';
import type { RuleOptions } from './options.ts';
import { useApplyRules } from './queries.ts';

const FIELDS = ['/ruleIds', '/filter'];

/**
 * The rules run over transactions already in the book: first what would change (a dry run), then,
 * on the person's word, the same request for real.
 */
export function ApplyRules({
  bookId,
  rules,
  names,
  options,
}: {
  bookId: number;
  rules: readonly RuleJson[];
  names: Names;
  options: RuleOptions;
}) {
  const apply = useApplyRules(bookId);
  const locale = options.locale;
  const [ruleId, setRuleId] = useState('');
  const [accountId, setAccountId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [uncategorisedOnly, setUncategorisedOnly] = useState(false);
  const [preview, setPreview] = useState<{ request: ApplyRequestJson; result: ApplyResultJson } | null>(null);
  const [applied, setApplied] = useState<ApplyResultJson | null>(null);
  const accounts = options.accounts.filter((a) => a.type === 'asset' || a.type === 'liability');

  const request: ApplyRequestJson = {
    ...(ruleId !== '' && { ruleIds: [Number(ruleId)] }),
    filter: {
      ...(accountId !== '' && { accountId: Number(accountId) }),
      ...(from !== '' && { from }),
      ...(to !== '' && { to }),
      ...(uncategorisedOnly && { uncategorisedOnly }),
    },
    dryRun: true,
  };
  /** Any change to the request makes the preview stale. */
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPreview(null);
      setApplied(null);
      apply.reset();
    };

  function dryRun(event: FormEvent) {
    event.preventDefault();
    setApplied(null);
    apply.mutate(request, { onSuccess: (result) => setPreview({ request, result }) });
  }

  function applyForReal() {
    if (!preview) return;
    apply.mutate(
      { ...preview.request, dryRun: false },
      {
        onSuccess: (result) => {
          setApplied(result);
          setPreview(null);
        },
      },
    );
  }

  const enabled = rules.filter((rule) => rule.enabled).length;
  const result = preview?.result;

  return (
    <section className="card rules-apply" aria-labelledby="rules-apply-title">
      <h2 id="rules-apply-title">Apply to existing transactions</h2>
      <p className="hint">
        Rules run by themselves on every import. Here they run over transactions already in the book; you see
        what would change before anything is written. Transfers and transactions across several accounts are
        left alone.
      </p>
      <form onSubmit={dryRun} noValidate aria-label="Which transactions">
        <div className="form-grid">
          <Field label="Rules" error={fieldError(apply.error, '/ruleIds')}>
            {(props) => (
              <select {...props} value={ruleId} onChange={(e) => changed(setRuleId)(e.target.value)}>
                <option value="">All enabled rules ({enabled})</option>
                {rules.map((rule) => (
                  <option key={rule.id} value={rule.id}>
                    Only {rule.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Account" error={fieldError(apply.error, '/filter/accountId')}>
            {(props) => (
              <select {...props} value={accountId} onChange={(e) => changed(setAccountId)(e.target.value)}>
                <option value="">All accounts</option>
                {accounts.map((account) => (
                  <option key={account.id} value={account.id}>
                    {account.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="From" error={fieldError(apply.error, '/filter/from')}>
            {(props) => (
              <DateInput
                {...props}
                value={from}
                locale={locale}
                onValueChange={(iso) => iso !== null && changed(setFrom)(iso)}
              />
            )}
          </Field>
          <Field label="To" error={fieldError(apply.error, '/filter/to')}>
            {(props) => (
              <DateInput
                {...props}
                value={to}
                locale={locale}
                onValueChange={(iso) => iso !== null && changed(setTo)(iso)}
              />
            )}
          </Field>
        </div>
        <label className="checkbox rules-uncategorised">
          <input
            type="checkbox"
            checked={uncategorisedOnly}
            onChange={(e) => changed(setUncategorisedOnly)(e.target.checked)}
          />
          Only transactions without a category yet
        </label>
        <ErrorNotice error={formError(apply.error, FIELDS)} />
        <div className="form-actions wrap">
          <button type="submit" className="button" disabled={apply.isPending || rules.length === 0}>
            Preview the changes
          </button>
        </div>
      </form>
      {applied && (
        <p className="notice notice-success" role="status">
          {applied.changed === 1 ? '1 transaction changed.' : `${applied.changed} transactions changed.`}
        </p>
      )}
      {result && (
        <div className="rules-preview">
          <p role="status">
            {result.examined} {result.examined === 1 ? 'transaction' : 'transactions'} looked at:{' '}
            <strong>{result.changed} would change</strong>, {result.unchanged} would stay as they are
            {result.skipped > 0 ? `, ${result.skipped} left alone (transfers, several accounts)` : ''}.
          </p>
          {result.changes.length > 0 && <ChangeList changes={result.changes} names={names} />}
          {result.truncated && (
            <p className="hint">Only the first {result.changes.length} changes are listed.</p>
          )}
          {result.changed > 0 && (
            <div className="form-actions wrap">
              <button
                type="button"
                className="button primary"
                disabled={apply.isPending}
                onClick={applyForReal}
              >
                Apply {result.changed} {result.changed === 1 ? 'change' : 'changes'}
              </button>
              <button type="button" className="button" onClick={() => setPreview(null)}>
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
