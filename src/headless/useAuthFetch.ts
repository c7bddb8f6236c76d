import { useCallback } from 'react';
import { useAuth } from '../clerk';

/** Thrown by {@link useAuthFetch}'s fetch when nobody is signed in, before any request is sent. */
export class SignedOutError extends Error {
  override name = 'SignedOutError';
  constructor() {
    super('Not signed in: there is no session token to send.');
  }
}

/** Options of {@link useAuthFetch}. */
export interface UseAuthFetchOptions {
  /** A Clerk JWT template to mint the token from. */
  template?: string;
}

/**
 * `fetch` with `Authorization: Bearer <session token>` from Clerk's `getToken()`. On a 401 it asks Clerk for a
 * fresh token (`skipCache`) and retries once; signed out, it rejects with {@link SignedOutError}.
 *
 * Takes what `fetch` takes: a `Request` keeps its own method, headers and body (`init` overrides them, as with
 * `new Request(input, init)`), and the retry sends the same body again.
 *
 * **The token is sent to whatever URL you fetch.** It is a credential for this user: only call your own APIs
 * with it, never a third-party or user-supplied URL.
 */
export function useAuthFetch(options: UseAuthFetchOptions = {}) {
  const { getToken } = useAuth();
  const { template } = options;
  return useCallback(
    async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      // Built once: every attempt sends a clone, so the retry still has the body and the Request's own headers.
      const request = new Request(input, init);
      const send = async (skipCache: boolean) => {
        const token = await getToken({ ...(template ? { template } : {}), ...(skipCache ? { skipCache } : {}) });
        if (!token) throw new SignedOutError();
        const attempt = request.clone();
        attempt.headers.set('Authorization', `Bearer ${token}`);
        return fetch(attempt);
      };
      const first = await send(false);
      return first.status === 401 ? send(true) : first;
    },
    [getToken, template],
  );
}
