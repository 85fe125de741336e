import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Two validators. Bodies are JSON and are taken exactly as sent: no coercion (an amount sent as a
 * JSON number is refused, not turned into a string), no silent removal of unknown fields (they
 * are refused). Query strings and path parameters are text by nature, so they are coerced to the
 * schema's integers and booleans.
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
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
}
