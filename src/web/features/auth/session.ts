import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import { ApiError, setCsrfToken } from '../../api/http.ts';
import type { SessionJson } from '../../api/types.ts';

export const sessionKey = ['session'] as const;

/** Who is logged in; `null` when nobody is. Keeps the CSRF token for every later write. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionJson | null> => {
      try {
        const session = await api.auth.me();
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useStartSession<T>(call: (input: T) => Promise<SessionJson>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.clear();
      client.setQueryData(sessionKey, session);
    },
  });
}

export const useLogin = () => useStartSession(api.auth.login);

/**
 * Registers, then logs in: the server answers a registration the same for a new and a taken
 * e-mail, so only the login tells, and it fails for a taken one as for any wrong password.
 */
async function signUp(input: { email: string; password: string; name: string }): Promise<SessionJson> {
  await api.auth.register(input);
  try {
    return await api.auth.login({ email: input.email, password: input.password });
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'INVALID_CREDENTIALS')) throw error;
    throw new ApiError(
      error.status,
      error.code,
      'You could not be logged in with this password. If this e-mail address already has an account, log in with its password.',
      [],
    );
  }
}

export const useSignUp = () => useStartSession(signUp);

/** Whether registration is possible here: `first-user`, `open` or `closed`. */
export function useAuthOptions() {
  return useQuery({ queryKey: ['auth-options'], queryFn: api.auth.options, staleTime: 60_000 });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: api.auth.logout,
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}
