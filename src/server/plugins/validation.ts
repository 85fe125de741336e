import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { type InputIssue, integerParameters, plainIntegerIssues, textIssues } from './strict-input.ts';

/**
 * The schema's validator, after checks of the raw data: text without NUL or unpaired surrogates
 * everywhere, and (in paths and queries) integers in plain decimal. Reported together with the
 * schema's own errors, one per field.
 */
function withChecks(validate: ValidateFunction, check: (data: unknown) => InputIssue[]) {
  const checked = (data: unknown, context?: Parameters<ValidateFunction>[1]) => {
    const issues = check(data);
    const valid = validate(data, context) as boolean;
    if (issues.length === 0) {
      checked.errors = validate.errors;
      return valid;
    }
    const flagged = new Set(issues.map((issue) => issue.instancePath));
    checked.errors = [...issues, ...(validate.errors ?? []).filter((e) => !flagged.has(e.instancePath))];
    return false;
  };
  checked.errors = null as ValidateFunction['errors'];
  return checked;
}

/**
 * Two validators. Bodies are JSON and are taken exactly as sent: no coercion (an amount sent as a
 * JSON number is refused, not turned into a string), no silent removal of unknown fields (they
 * are refused). Query strings and path parameters are text by nature, so they are coerced to the
 * schema's integers and booleans; an integer must be written in plain decimal digits.
 */
export function installValidators(app: FastifyInstance): void {
  const strict = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: true });
  const coercing = new Ajv({
    allErrors: true,
    coerceTypes: 'array',
    removeAdditional: false,
    useDefaults: true,
  });
  for (const ajv of [strict, coercing]) {
    addFormats.default(ajv, ['date-time', 'email', 'uri']);
    // Dates are checked for shape here and for existence by the core, which answers the clearer
    // INVALID_DATE (422) for a day such as 2026-02-30.
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    ajv.addKeyword('example');
  }
  app.setValidatorCompiler(({ schema, httpPart }) =>
    compiledOnFirstUse(() => {
      if (httpPart === 'body') return withChecks(strict.compile(schema), textIssues);
      const integers = integerParameters(schema);
      return withChecks(coercing.compile(schema), (data) => [
        ...plainIntegerIssues(data, integers),
        ...textIssues(data),
      ]);
    }),
  );
}

type Checked = ReturnType<typeof withChecks>;

/**
 * A validator compiled when a request first needs it, not at start: compiling every route's
 * schemas took about half of the server's cold start, and most routes see no request for a while.
 * (Every route's schemas are compiled by the tests that call it and by the schema fuzz test.)
 */
function compiledOnFirstUse(compile: () => Checked) {
  let compiled: Checked | undefined;
  const lazy = (data: unknown, context?: Parameters<ValidateFunction>[1]) => {
    compiled ??= compile();
    const valid = compiled(data, context);
    lazy.errors = compiled.errors;
    return valid;
  };
  lazy.errors = null as ValidateFunction['errors'];
  // Fastify passes the parent object (what lets Ajv coerce or default a root value) only to a
  // validator that has a schemaEnv, as Ajv's own do.
  lazy.schemaEnv = true;
  return lazy;
}
