import { ApiError } from '../api/http.ts';

/** An error from the API (or anything else) as a sentence a person can act on. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {errorText(error)}
    </p>
  );
}
