import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** How this Moneta instance runs; read once from the environment at start. */
export interface Config {
  readonly host: string;
  readonly port: number;
  /** `postgres://…` or a SQLite file path. */
  readonly databaseUrl: string;
  /**
   * Who may create an account at `/api/v1/auth/register` once the first user (the administrator)
   * exists: nobody (`closed`, the default) or anyone who reaches the server (`open`).
   */
  readonly registration: RegistrationMode;
  /**
   * Behind a TLS-terminating proxy: which X-Forwarded-* hops to trust (and so mark cookies Secure).
   * A number of hops, or the proxies' addresses; never every hop, or clients could pick their own
   * address and slip the login throttle.
   */
  readonly trustProxy: false | number | string;
  /** Days a session lasts without use. */
  readonly sessionDays: number;
  readonly logLevel: string;
  /**
   * The web app at `/`: `auto` builds `dist/web` at start when missing or stale, then serves it;
   * `prebuilt` serves `dist/web` as it is (a read-only install); `off` serves none (`npm run dev`,
   * where Vite's dev server serves the app).
   */
  readonly web: WebMode;
}

export type WebMode = 'auto' | 'prebuilt' | 'off';
export type RegistrationMode = 'closed' | 'open';

/** One of `modes` (the first when unset); anything else stops the start with a clear message. */
function oneOf<T extends string>(name: string, text: string | undefined, modes: readonly T[]): T {
  if (text === undefined || text === '') return modes[0]!;
  if (!(modes as readonly string[]).includes(text)) {
    throw new Error(`${name} must be one of ${modes.join(', ')}, not '${text}'.`);
  }
  return text as T;
}

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not '${text}'.`);
  }
  return value;
}

/** `true` trusts the one proxy in front; `2` two hops; `10.0.0.1,10.0.0.2` those addresses. */
function trustedProxies(text: string | undefined): false | number | string {
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '0.0.0.0',
    port: integer('PORT', env.PORT, 3000, 0, 65_535),
    databaseUrl: env.DATABASE_URL ?? 'data/moneta.db',
    registration: oneOf('MONETA_REGISTRATION', env.MONETA_REGISTRATION, ['closed', 'open']),
    trustProxy: trustedProxies(env.MONETA_TRUST_PROXY),
    sessionDays: integer('MONETA_SESSION_DAYS', env.MONETA_SESSION_DAYS, 30, 1, 3650),
    logLevel: env.LOG_LEVEL ?? 'info',
    web: oneOf('MONETA_WEB', env.MONETA_WEB, ['auto', 'prebuilt', 'off']),
  };
}

/** Creates the folder of a SQLite database file (`./data/` by default). */
export function ensureDataDirectory(databaseUrl: string): void {
  if (/^postgres(ql)?:/.test(databaseUrl) || databaseUrl === ':memory:') return;
  mkdirSync(dirname(databaseUrl.replace(/^sqlite:(\/\/)?/, '')), { recursive: true });
}
