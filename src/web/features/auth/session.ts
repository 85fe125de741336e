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
export const useSignUp = () => useStartSession(api.auth.register);

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
