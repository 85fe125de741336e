/**
 * The closed set of error codes Moneta answers with. Every failure the API reports carries one
 * of these; `src/server/problem.ts` maps each to an HTTP status, and `docs/errors.md` lists them.
 * Adding a code is an API change: add it here, there and in the docs.
 */
export const ERROR_CODES = [
  // request shape and protocol
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
  'DATABASE_BUSY',
  // identity and access
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN',
  'REGISTRATION_DISABLED',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  // values
  'INVALID_AMOUNT',
  'TOO_MANY_DECIMALS',
  'AMOUNT_OUT_OF_RANGE',
  'UNKNOWN_CURRENCY',
  'CURRENCY_MISMATCH',
  'INVALID_DATE',
  'INVALID_CURSOR',
  // ledger
  'UNBALANCED_TRANSACTION',
  'TOO_FEW_POSTINGS',
  'UNKNOWN_ACCOUNT',
  'ACCOUNT_ARCHIVED',
  'MISSING_VALUE',
  'VALUE_MISMATCH',
  'SIGN_MISMATCH',
  'INVALID_ACCOUNT_KIND',
  'INVALID_PARENT',
  'ACCOUNT_IN_USE',
  'UNKNOWN_CATEGORY_GROUP',
  'CATEGORY_GROUP_IN_USE',
  'UNKNOWN_PAYEE',
  'UNKNOWN_TAG',
  'NAME_TAKEN',
  'LAST_OWNER',
  'STATEMENT_MISMATCH',
  // import, rules, backup
  'UNREADABLE_FILE',
  'AMBIGUOUS_DATE_FORMAT',
  'IMPORT_HAS_ERRORS',
  'IMPORT_UNDONE',
  'PREVIEW_EXPIRED',
  'INVALID_PATTERN',
  'INVALID_BACKUP',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one input field, addressed by JSON pointer (`/postings/1/amount`). */
export interface FieldError {
  readonly field: string;
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * A failure the caller can understand and correct. Thrown by the core and by services; never
 * carries secrets. `fieldErrors` say which inputs were wrong when more than one thing was.
 */
export class MonetaError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: readonly FieldError[];

  constructor(code: ErrorCode, message: string, fieldErrors: readonly FieldError[] = []) {
    super(message);
    this.name = 'MonetaError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function fail(code: ErrorCode, message: string, fieldErrors: readonly FieldError[] = []): never {
  throw new MonetaError(code, message, fieldErrors);
}

/** Runs `parse`; a MonetaError it throws is re-thrown as an error of the field at `field`. */
export function atField<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof MonetaError) || error.fieldErrors.length > 0) throw error;
    throw new MonetaError(error.code, error.message, [{ field, code: error.code, message: error.message }]);
  }
}

/**
 * Runs `work`; a MonetaError it throws is re-thrown with its fields under `prefix` (the item of a
 * list the work was about: `/transactions/3` + `/payeeId`), or at `prefix` when it named none.
 */
export async function underField<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof MonetaError)) throw error;
    const fields =
      error.fieldErrors.length > 0
        ? error.fieldErrors.map((e) => ({ ...e, field: `${prefix}${e.field}` }))
        : [{ field: prefix, code: error.code, message: error.message }];
    throw new MonetaError(error.code, error.message, fields);
  }
}
