import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useClerk } from './useClerk';

/** The Clerk instance as `useClerk()` returns it. */
export type ClerkInstance = ReturnType<typeof useClerk>;

/** What a Clerk instance reads as before it loaded (as on the server): nothing signed in, nothing known. */
const NOT_LOADED: Partial<Record<PropertyKey, unknown>> = {
  loaded: false,
  isSignedIn: false,
  client: undefined,
  session: undefined,
  user: undefined,
  organization: undefined,
};

const notLoadedViews = new WeakMap<ClerkInstance, ClerkInstance>();

/**
 * The instance as it reads before loading: `loaded` is false and no client, session, user or organization is
 * visible; everything else is the instance's own. One view per instance.
 */
function notLoadedView(clerk: ClerkInstance): ClerkInstance {
  let view = notLoadedViews.get(clerk);
  if (!view) {
    view = new Proxy(clerk, {
      get: (target, prop) => (Object.hasOwn(NOT_LOADED, prop) ? NOT_LOADED[prop] : Reflect.get(target, prop, target)),
    });
    notLoadedViews.set(clerk, view);
  }
  return view;
}

/**
 * Reads plain data from Clerk and re-renders only when that data changes.
 *
 * clerk-js mutates its `client` in place, so `useSessionList()` alone misses `remove()` / `end()`; this hook
 * listens to every emit, re-runs `select`, and keeps the previous value when `isEqual` says nothing changed, so
 * an unrelated emit (a token refresh) re-renders nothing.
 *
 * On the server and during hydration the selection is that of a Clerk that has not loaded yet (`select` runs
 * once on a view whose `loaded` is false, cached per instance), so server markup and the first client render
 * agree on the loading state whatever the instance already knows.
 */
export function useClerkSelector<T>(select: (clerk: ClerkInstance) => T, isEqual: (a: T, b: T) => boolean): T {
  const clerk = useClerk();
  const last = useRef<{ value: T } | null>(null);
  const server = useRef<{ clerk: ClerkInstance; value: T } | null>(null);
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
  const getServerSnapshot = () => {
    if (server.current?.clerk !== clerk) server.current = { clerk, value: selectRef.current(notLoadedView(clerk)) };
    return server.current.value;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
