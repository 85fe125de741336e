import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway PostgreSQL cluster, or null when PostgreSQL is not installed. */
    postgresAdminUrl: string | null;
  }
}
