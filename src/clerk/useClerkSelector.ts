import { useClerk } from '@clerk/react';
import { useCallback, useRef, useSyncExternalStore } from 'react';

/** The Clerk instance as `useClerk()` returns it. */
export type ClerkInstance = ReturnType<typeof useClerk>;

/**
 * Reads plain data from Clerk and re-renders only when that data changes.
 *
 * clerk-js mutates its `client` in place, so `useSessionList()` alone misses `remove()` / `end()`; this hook
 * listens to every emit, re-runs `select`, and keeps the previous value when `isEqual` says nothing changed, so
 * an unrelated emit (a token refresh) re-renders nothing.
 */
export function useClerkSelector<T>(select: (clerk: ClerkInstance) => T, isEqual: (a: T, b: T) => boolean): T {
  const clerk = useClerk();
  const last = useRef<{ value: T } | null>(null);
  const selectRef = useRef(select);
  selectRef.current = select;
  const subscribe = useCallback(
    (onChange: () => void) => clerk.addListener(() => onChange(), { skipInitialEmit: true }),
    [clerk],
  );
  const getSnapshot = () => {
    const next = selectRef.current(clerk);
    if (last.current && isEqual(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
