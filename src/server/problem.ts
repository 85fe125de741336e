import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, type FieldError, MonetaError } from '../core/errors.ts';
import { isDatabaseBusy } from '../db/busy.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';

/** Every error code's HTTP status and title: the API's one error vocabulary (see docs/errors.md). */
export const PROBLEMS: Record<ErrorCode, { status: number; title: string }> = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Send the body as application/json' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The body is too large' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL_ERROR: { status: 500, title: 'Something went wrong on our side' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Not ready' },
  DATABASE_BUSY: { status: 503, title: 'The database is busy; try again' },
  UNAUTHENTICATED: { status: 401, title: 'Log in first' },
  INVALID_CREDENTIALS: { status: 401, title: 'Wrong e-mail or password' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'Missing or wrong CSRF token' },
  FORBIDDEN: { status: 403, title: 'Your role does not allow this' },
  REGISTRATION_DISABLED: { status: 403, title: 'Registration is closed' },
  EMAIL_TAKEN: { status: 409, title: 'That e-mail address is already registered' },
  WEAK_PASSWORD: { status: 422, title: 'The password is too weak' },
  INVALID_AMOUNT: { status: 422, title: 'Not a valid amount' },
  TOO_MANY_DECIMALS: { status: 422, title: 'Too many decimals for the currency' },
  AMOUNT_OUT_OF_RANGE: { status: 422, title: 'The amount is too large' },
  UNKNOWN_CURRENCY: { status: 422, title: 'Unknown currency' },
  CURRENCY_MISMATCH: { status: 422, title: 'Currencies do not match' },
  INVALID_DATE: { status: 422, title: 'Not a valid date' },
  INVALID_CURSOR: { status: 400, title: 'The page cursor is not valid' },
  UNBALANCED_TRANSACTION: { status: 422, title: 'The transaction does not balance' },
  TOO_FEW_POSTINGS: { status: 422, title: 'A transaction needs at least two postings' },
  UNKNOWN_ACCOUNT: { status: 422, title: 'Unknown account' },
  ACCOUNT_ARCHIVED: { status: 422, title: 'The account is archived' },
  MISSING_VALUE: { status: 422, title: 'A posting lacks an amount or value' },
  VALUE_MISMATCH: { status: 422, title: 'Value and amount differ' },
  SIGN_MISMATCH: { status: 422, title: 'Value and amount have different signs' },
  INVALID_ACCOUNT_KIND: { status: 422, title: 'Account type and subtype do not fit' },
  INVALID_PARENT: { status: 422, title: 'Not a valid parent' },
  ACCOUNT_IN_USE: { status: 409, title: 'The account has transactions' },
  UNKNOWN_CATEGORY_GROUP: { status: 422, title: 'Unknown category group' },
  CATEGORY_GROUP_IN_USE: { status: 409, title: 'The category group has categories' },
  UNKNOWN_PAYEE: { status: 422, title: 'Unknown payee' },
  UNKNOWN_TAG: { status: 422, title: 'Unknown tag' },
  NAME_TAKEN: { status: 409, title: 'The name is already used' },
  LAST_OWNER: { status: 409, title: 'A book needs an owner' },
  STATEMENT_MISMATCH: { status: 422, title: 'The cleared transactions do not match the statement' },
  UNREADABLE_FILE: { status: 422, title: 'The file cannot be read as a bank statement' },
  AMBIGUOUS_DATE_FORMAT: { status: 422, title: 'The date format must be chosen' },
  IMPORT_HAS_ERRORS: { status: 422, title: 'Some rows of the import have errors' },
  IMPORT_UNDONE: { status: 409, title: 'The import was already undone' },
  PREVIEW_EXPIRED: { status: 410, title: 'The import preview has expired' },
  INVALID_PATTERN: { status: 422, title: 'The pattern is not a valid regular expression' },
  INVALID_BACKUP: { status: 422, title: 'The backup cannot be restored' },
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance: string;
  errors: FieldError[];
}

export function problemOf(
  code: ErrorCode,
  detail: string,
  instance: string,
  errors: readonly FieldError[] = [],
): Problem {
  const { status, title } = PROBLEMS[code];
  return { type: `/docs/errors#${code}`, title, status, code, detail, instance, errors: [...errors] };
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const PART_PREFIX: Record<string, string> = {
  body: '',
  querystring: 'query:',
  params: 'path:',
  headers: 'header:',
};

/** Ajv's errors as field errors: `/postings/0/amount` in a body, `query:from` in a query string. */
function validationFieldErrors(error: FastifyError): FieldError[] {
  const prefix = PART_PREFIX[error.validationContext ?? 'body'] ?? '';
  return (error.validation as unknown as AjvError[]).map((issue) => {
    let path = issue.instancePath;
    if (issue.keyword === 'required') path += `/${String(issue.params.missingProperty)}`;
    if (issue.keyword === 'additionalProperties') path += `/${String(issue.params.additionalProperty)}`;
    const field = prefix ? `${prefix}${path.replace(/^\//, '').replaceAll('/', '.')}` : path || '/';
    const message =
      issue.keyword === 'additionalProperties'
        ? 'Unknown field.'
        : issue.keyword === 'required'
          ? 'Required.'
          : `Must ${issue.message ?? 'be valid'}.`.replace('Must must', 'Must');
    return { field, code: 'VALIDATION_FAILED' as const, message };
  });
}

/** Fastify's messages that would repeat the whole path back, said shortly. */
const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is longer than 100 characters.',
  FST_ERR_BAD_URL: 'The path is not valid percent-encoded UTF-8.',
};

function codeOfFrameworkError(error: FastifyError): ErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'MALFORMED_JSON';
  }
  if (error instanceof SyntaxError) return 'MALFORMED_JSON';
  if (error.statusCode === 429) return 'RATE_LIMITED';
  if (error.statusCode === 404) return 'NOT_FOUND';
  if (error.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (error.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (error.statusCode && error.statusCode < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL_ERROR';
}

/**
 * A unique index that refused a row a concurrent request wrote first (the services check names
 * before writing; the index settles races): the same answer the check would have given.
 */
function uniqueViolation(error: Error & { code?: unknown; constraint?: unknown }): MonetaError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const where = `${String(error.constraint ?? '')} ${error.message}`;
  if (/email/.test(where))
    return new MonetaError('EMAIL_TAKEN', 'That e-mail address is already registered.');
  if (/name/.test(where)) return new MonetaError('NAME_TAKEN', 'The name is already used in this book.');
  return undefined;
}

/** The one error handler: every failure leaves as application/problem+json. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let problem: Problem;
  const conflict = uniqueViolation(error);
  if (conflict) {
    problem = problemOf(conflict.code, conflict.message, request.url);
  } else if (error instanceof MonetaError) {
    problem = problemOf(error.code, error.message, request.url, error.fieldErrors);
  } else if (isDatabaseBusy(error)) {
    request.log.warn({ err: error }, 'database busy');
    problem = problemOf(
      'DATABASE_BUSY',
      'Another write held the database too long; nothing was changed.',
      request.url,
    );
  } else if (error.validation) {
    const errors = validationFieldErrors(error);
    problem = problemOf(
      'VALIDATION_FAILED',
      `${errors.length} field${errors.length === 1 ? '' : 's'} failed validation.`,
      request.url,
      errors,
    );
  } else {
    const code = codeOfFrameworkError(error);
    if (code === 'INTERNAL_ERROR') request.log.error({ err: error }, 'unhandled error');
    const detail =
      code === 'INTERNAL_ERROR'
        ? 'The error was logged; try again later.'
        : (FRAMEWORK_DETAILS[error.code] ?? error.message);
    problem = problemOf(code, detail, request.url);
    if (code === 'RATE_LIMITED' && reply.getHeader('retry-after') === undefined)
      reply.header('retry-after', '60');
  }
  if (problem.code === 'DATABASE_BUSY') reply.header('retry-after', '1');
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  const problem = problemOf(
    'ROUTE_NOT_FOUND',
    `No endpoint answers ${request.method} ${request.url.split('?')[0]}.`,
    request.url,
  );
  return reply.status(404).type('application/problem+json').send(problem);
}
