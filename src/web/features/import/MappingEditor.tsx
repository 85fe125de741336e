import { type FormEvent, useEffect, useRef, useState } from 'react';
import { DATE_FORMATS } from '../../../core/import/types.ts';
import type { CsvMappingJson } from '../../api/types.ts';
import { Field } from '../../ui/Field.tsx';
import { fieldError } from '../../ui/formErrors.ts';
import { ColumnSelect } from './ColumnSelect.tsx';
import {
  AMOUNT_KINDS,
  type AmountKind,
  amountOfKind,
  columnLabels,
  DECIMAL_SEPARATORS,
  DELIMITERS,
  dateExample,
  ENCODINGS,
  listOf,
  THOUSANDS_SEPARATORS,
} from './mapping.ts';

/** Line numbers as typed: digits, or blank where blank means none. */
interface Lines {
  headerLine: string;
  firstDataLine: string;
  footerLines: string;
  debitValues: string;
  currency: string;
}

const linesOf = (mapping: CsvMappingJson): Lines => ({
  headerLine: mapping.headerLine === null ? '' : String(mapping.headerLine),
  firstDataLine: String(mapping.firstDataLine),
  footerLines: String(mapping.footerLines),
  debitValues: mapping.amount.kind === 'sign-column' ? mapping.amount.debitValues.join(', ') : '',
  currency: mapping.currency ?? '',
});

function problemsOf(lines: Lines) {
  const problems: Partial<Record<keyof Lines, string>> = {};
  if (lines.headerLine.trim() !== '' && !/^[1-9]\d*$/.test(lines.headerLine.trim()))
    problems.headerLine = 'A line number from 1, or blank for a file without a header.';
  if (!/^[1-9]\d*$/.test(lines.firstDataLine.trim())) problems.firstDataLine = 'A line number from 1.';
  if (!/^\d+$/.test(lines.footerLines.trim())) problems.footerLines = 'A number of lines, 0 for none.';
  if (lines.currency.trim() !== '' && !/^[A-Za-z]{3}$/.test(lines.currency.trim()))
    problems.currency = 'A three-letter code such as EUR, or blank for the account’s.';
  return problems;
}

/**
 * The CSV layout the preview used (detected, from a saved profile, or the person's), editable: "Apply"
 * reads the file again with it.
 */
export function MappingEditor({
  mapping,
  header,
  samples,
  error,
  pending,
  custom,
  onApply,
}: {
  mapping: CsvMappingJson;
  header: readonly string[] | null;
  samples: readonly string[];
  error: unknown;
  pending: boolean;
  /** Whether the layout is the person's (applied here) rather than detected or saved. */
  custom: boolean;
  onApply: (mapping: CsvMappingJson | undefined) => void;
}) {
  const [draft, setDraft] = useState(mapping);
  const [lines, setLines] = useState(() => linesOf(mapping));
  const [checked, setChecked] = useState(false);
  // Closed at first; it opens by itself when the API finds fault with the layout.
  const box = useRef<HTMLDetailsElement>(null);
  const faulted = Boolean(fieldError(error, '/mapping'));
  useEffect(() => {
    if (faulted && box.current) box.current.open = true;
  }, [faulted]);
  // A new preview brings the layout it used: the form starts again from it (without losing the focus).
  const [seen, setSeen] = useState(mapping);
  if (JSON.stringify(seen) !== JSON.stringify(mapping)) {
    setSeen(mapping);
    setDraft(mapping);
    setLines(linesOf(mapping));
    setChecked(false);
  }
  const columns = columnLabels(header, samples, draft);
  const problems = problemsOf(lines);
  const shown = (key: keyof Lines) => (checked ? problems[key] : undefined);
  const apiError = (field: string) => fieldError(error, `/mapping/${field}`);
  const set = (patch: Partial<CsvMappingJson>) => setDraft((current) => ({ ...current, ...patch }));
  const setLine = (patch: Partial<Lines>) => setLines((current) => ({ ...current, ...patch }));
  const amount = draft.amount;

  function apply(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0) return;
    const header = lines.headerLine.trim();
    onApply({
      ...draft,
      headerLine: header === '' ? null : Number(header),
      firstDataLine: Number(lines.firstDataLine.trim()),
      footerLines: Number(lines.footerLines.trim()),
      amount: amount.kind === 'sign-column' ? { ...amount, debitValues: listOf(lines.debitValues) } : amount,
      currency: lines.currency.trim() === '' ? null : lines.currency.trim().toUpperCase(),
    });
  }

  const text = (label: string, key: keyof Lines, hint?: string) => (
    <Field label={label} hint={hint} error={shown(key) ?? apiError(key)}>
      {(props) => (
        <input
          {...props}
          inputMode={key === 'currency' || key === 'debitValues' ? 'text' : 'numeric'}
          value={lines[key]}
          onChange={(event) => setLine({ [key]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <details className="card import-mapping" ref={box}>
      <summary>CSV layout: columns, dates and amounts</summary>
      <form onSubmit={apply} noValidate aria-label="CSV layout">
        <div className="form-grid">
          <Field label="Separator" error={apiError('delimiter')}>
            {(props) => (
              <select
                {...props}
                value={draft.delimiter}
                onChange={(e) => set({ delimiter: e.target.value as CsvMappingJson['delimiter'] })}
              >
                {DELIMITERS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Text encoding" error={apiError('encoding')}>
            {(props) => (
              <select
                {...props}
                value={draft.encoding}
                onChange={(e) => set({ encoding: e.target.value as CsvMappingJson['encoding'] })}
              >
                {ENCODINGS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('Header line', 'headerLine', 'Blank when the file has none.')}
          {text('First data line', 'firstDataLine')}
          {text('Lines to skip at the end', 'footerLines')}
          <ColumnSelect
            label="Date column"
            columns={columns}
            value={draft.dateColumn}
            error={apiError('dateColumn')}
            onChange={(dateColumn) => set({ dateColumn: dateColumn ?? 0 })}
          />
          <Field label="Date format" error={apiError('dateFormat')}>
            {(props) => (
              <select
                {...props}
                value={draft.dateFormat}
                onChange={(e) => set({ dateFormat: e.target.value as CsvMappingJson['dateFormat'] })}
              >
                {DATE_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {format} ({dateExample(format)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Amount written as" error={apiError('amount')}>
            {(props) => (
              <select
                {...props}
                value={amount.kind}
                onChange={(e) => set({ amount: amountOfKind(amount, e.target.value as AmountKind) })}
              >
                {AMOUNT_KINDS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {amount.kind === 'debit-credit' ? (
            <>
              <ColumnSelect
                label="Money out column"
                columns={columns}
                value={amount.debitColumn}
                onChange={(debitColumn) => set({ amount: { ...amount, debitColumn: debitColumn ?? 0 } })}
              />
              <ColumnSelect
                label="Money in column"
                columns={columns}
                value={amount.creditColumn}
                onChange={(creditColumn) => set({ amount: { ...amount, creditColumn: creditColumn ?? 0 } })}
              />
            </>
          ) : (
            <ColumnSelect
              label="Amount column"
              columns={columns}
              value={amount.column}
              onChange={(column) => set({ amount: { ...amount, column: column ?? 0 } })}
            />
          )}
          {amount.kind === 'sign-column' && (
            <>
              <ColumnSelect
                label="Direction column"
                columns={columns}
                value={amount.signColumn}
                onChange={(signColumn) => set({ amount: { ...amount, signColumn: signColumn ?? 0 } })}
              />
              {text('Values meaning money out', 'debitValues', 'Separated by commas, e.g. D, Debit.')}
            </>
          )}
          <Field label="Decimal separator" error={apiError('decimalSeparator')}>
            {(props) => (
              <select
                {...props}
                value={draft.decimalSeparator}
                onChange={(e) =>
                  set({ decimalSeparator: e.target.value as CsvMappingJson['decimalSeparator'] })
                }
              >
                {DECIMAL_SEPARATORS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Thousands separator" error={apiError('thousandsSeparator')}>
            {(props) => (
              <select
                {...props}
                value={draft.thousandsSeparator}
                onChange={(e) =>
                  set({ thousandsSeparator: e.target.value as CsvMappingJson['thousandsSeparator'] })
                }
              >
                {THOUSANDS_SEPARATORS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ColumnSelect
            label="Payee column"
            columns={columns}
            value={draft.payeeColumn}
            optional
            error={apiError('payeeColumn')}
            onChange={(payeeColumn) => set({ payeeColumn })}
          />
          <ColumnSelect
            label="Balance column"
            columns={columns}
            value={draft.balanceColumn}
            optional
            error={apiError('balanceColumn')}
            onChange={(balanceColumn) => set({ balanceColumn })}
          />
          {text('Currency', 'currency', 'Blank: the account’s currency.')}
        </div>
        <label className="checkbox import-invert">
          <input
            type="checkbox"
            checked={draft.invertSign}
            onChange={(e) => set({ invertSign: e.target.checked })}
          />
          Invert signs (the file writes money out as positive numbers)
        </label>
        <fieldset className="import-columns">
          <legend>Description from the columns</legend>
          {columns.map((label, column) => (
            <label key={label} className="checkbox">
              <input
                type="checkbox"
                checked={draft.descriptionColumns.includes(column)}
                onChange={(e) =>
                  set({
                    descriptionColumns: e.target.checked
                      ? [...draft.descriptionColumns, column].sort((a, b) => a - b)
                      : draft.descriptionColumns.filter((c) => c !== column),
                  })
                }
              />
              {label}
            </label>
          ))}
        </fieldset>
        <div className="form-actions wrap">
          <button type="submit" className="button primary" disabled={pending}>
            Apply
          </button>
          {custom && (
            <button type="button" className="button" disabled={pending} onClick={() => onApply(undefined)}>
              Back to the detected layout
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
