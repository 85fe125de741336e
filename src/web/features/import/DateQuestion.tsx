import { useId } from 'react';
import { ApiError } from '../../api/http.ts';
import type { ImportPreviewJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { formatDay } from '../../ui/formatDay.ts';
import { dateExample, dateOrderWords } from './mapping.ts';

type Question = ImportPreviewJson['questions'][number];

/** QIF files ask for an order, CSV files for a format: either shown with 5 March 2026 written in it. */
const QIF_ORDERS: Record<string, string> = {
  MDY: 'Month first: 03/05/2026 is 5 March 2026',
  DMY: 'Day first: 05/03/2026 is 5 March 2026',
};

const optionWords = (option: string) =>
  QIF_ORDERS[option] ?? `${option}: ${dateOrderWords(option)} (${dateExample(option)})`;

/**
 * The file's dates fit more than one format (05/03/2026): the person must say which, before anything
 * is imported. Choosing reads the file again with that format.
 */
export function DateQuestion({
  question,
  error,
  onAnswer,
}: {
  question: Question;
  /** The commit's error: refused while the question is open. */
  error: unknown;
  /** A CSV date format, or a QIF order (`MDY`, `DMY`). */
  onAnswer: (option: string) => void;
}) {
  const id = useId();
  const locale = useLocale();
  const example = formatDay('2026-03-05', locale, 'long');
  const refused = error instanceof ApiError && error.code === 'AMBIGUOUS_DATE_FORMAT';
  return (
    <fieldset className="card import-question" aria-describedby={refused ? `${id}-error` : `${id}-hint`}>
      <legend>Which date format does this file use? (required)</legend>
      <p>{question.message}</p>
      <p className="hint" id={`${id}-hint`}>
        Choose one to go on: nothing can be imported until you do. Each option shows how it writes {example}.
      </p>
      <div className="import-question-options">
        {question.options.map((option) => (
          <label key={option} className="checkbox">
            <input type="radio" name={`${id}-format`} value={option} onChange={() => onAnswer(option)} />
            <span>{optionWords(option)}</span>
          </label>
        ))}
      </div>
      {refused && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error.detail}
        </p>
      )}
    </fieldset>
  );
}
