import { useCallback, useSyncExternalStore } from 'react';
import { useClerk } from './useClerk';

/**
 * Where Clerk is in loading, as `<ClerkProvider>` reports it (`clerk.status`, the same on Core 3 and on Core 2's
 * `@clerk/clerk-react` 5.61): `'loading'` until clerk-js is in; `'ready'`; `'degraded'` when clerk-js runs on
 * partial data (a token refresh or the environment failed, cached resources stand in) and keeps working; `'error'`
 * when clerk-js could not load at all (its script was blocked, or `load()` failed), after which `loaded` stays false.
 */
export type ClerkLoadStatus = 'loading' | 'ready' | 'degraded' | 'error';

interface WithStatus {
  status?: ClerkLoadStatus;
  loaded: boolean;
  on?: (event: 'status', handler: (status: ClerkLoadStatus) => void) => void;
  off?: (event: 'status', handler: (status: ClerkLoadStatus) => void) => void;
}

/**
 * The load status of the Clerk in the nearest `<ClerkProvider>`, re-rendering when Clerk emits a new one (its
 * `status` event). A Clerk that predates `status` reads as `'ready'` once loaded, as Clerk's provider does. On
 * the server and during hydration it reads `'loading'`, like every other selection of the kit.
 */
export function useClerkStatus(): ClerkLoadStatus {
  const clerk = useClerk() as unknown as WithStatus;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const handler = () => onChange();
      clerk.on?.('status', handler);
      return () => clerk.off?.('status', handler);
    },
    [clerk],
  );
  return useSyncExternalStore(
    subscribe,
    () => clerk.status ?? (clerk.loaded ? 'ready' : 'loading'),
    () => 'loading',
  );
}
