import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** How this Moneta instance runs; read once from the environment at start. */
export interface Config {
  readonly host: string;
  readonly port: number;
  /** `postgres://…` or a SQLite file path. */
  readonly databaseUrl: string;
  /** Whether anyone may create an account at `/api/v1/auth/register`. */
  readonly registration: boolean;
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (and so mark cookies Secure). */
  readonly trustProxy: boolean;
  /** Days a session lasts without use. */
  readonly sessionDays: number;
  readonly logLevel: string;
}

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not '${text}'.`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '0.0.0.0',
    port: integer('PORT', env.PORT, 3000, 0, 65_535),
    databaseUrl: env.DATABASE_URL ?? 'data/moneta.db',
    registration: (env.MONETA_REGISTRATION ?? 'open') !== 'closed',
    trustProxy: env.MONETA_TRUST_PROXY === 'true',
    sessionDays: integer('MONETA_SESSION_DAYS', env.MONETA_SESSION_DAYS, 30, 1, 3650),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/** Creates the folder of a SQLite database file (`./data/` by default). */
export function ensureDataDirectory(databaseUrl: string): void {
  if (/^postgres(ql)?:/.test(databaseUrl) || databaseUrl === ':memory:') return;
  mkdirSync(dirname(databaseUrl.replace(/^sqlite:(\/\/)?/, '')), { recursive: true });
}
