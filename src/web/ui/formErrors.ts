import { ApiError } from '../api/http.ts';

/**
 * An API error split between a form's inputs and the form itself: what is about one input shows beside
 * it, what is about none of them (wrong password, name taken, offline) shows as a notice.
 */

/** The message of an API error for one input, if the error is about it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** The error when it belongs to none of `fields` (shown as a notice rather than beside an input). */
export function formError(error: unknown, fields: readonly string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  return fields.some((field) => error.fieldMessage(field)) ? null : error;
}
