import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway PostgreSQL cluster, or null when PostgreSQL is not installed. */
    postgresAdminUrl: string | null;
    /** The Chromium executable for the browser suites, or null when there is none (they are skipped). */
    chromiumPath: string | null;
    /** Why `dist/web` could not be built for the browser suites (they fail with it), or null. */
    webBuildError: string | null;
  }
}
