import { MonetaError } from '../../src/core/errors.ts';

/** The MonetaError that `run` throws; fails the test when it throws nothing or something else. */
export function caught(run: () => unknown): MonetaError {
  try {
    run();
  } catch (error) {
    if (error instanceof MonetaError) return error;
    throw error;
  }
  throw new Error('expected a MonetaError, but nothing was thrown');
}
