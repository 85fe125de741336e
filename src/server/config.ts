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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '0.0.0.0',
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL ?? 'data/moneta.db',
    registration: (env.MONETA_REGISTRATION ?? 'open') !== 'closed',
    trustProxy: env.MONETA_TRUST_PROXY === 'true',
    sessionDays: Number(env.MONETA_SESSION_DAYS ?? 30),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/** Creates the folder of a SQLite database file (`./data/` by default). */
export function ensureDataDirectory(databaseUrl: string): void {
  if (/^postgres(ql)?:/.test(databaseUrl) || databaseUrl === ':memory:') return;
  mkdirSync(dirname(databaseUrl.replace(/^sqlite:(\/\/)?/, '')), { recursive: true });
}
