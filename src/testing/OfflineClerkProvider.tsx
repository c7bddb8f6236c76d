import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { MockClerk } from './createMockClerk';
import { clerkHandlers } from './handlers';
import { MockClerkProvider, type MockClerkProviderProps } from './MockClerkProvider';
import { type ServerSessionSync, scenarioFromCookies, syncSessionToServer } from './serverSync';

/** Props of {@link OfflineClerkProvider}. */
export interface OfflineClerkProviderProps extends Omit<MockClerkProviderProps, 'onReady' | 'fetch'> {
  /**
   * Called once the server's session changed (account switched, signed out, re-verified). In Next.js:
   * `router.refresh`, so Server Components render for the new user.
   */
  onServerSessionChange?: () => void;
  /** Where the offline proxy answers; default `/__clerk_offline/session` (prefix your `basePath`). */
  sessionEndpoint?: string;
  /** URL of MSW's worker script (`npx msw init public`). Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  onReady?: (clerk: MockClerk) => void;
  children?: ReactNode;
}

let worker: Promise<unknown> | undefined;

/** MSW's service worker answering the mock's Frontend API calls; started once per page, on the first call. */
function startWorker(url: string): Promise<unknown> {
  worker ??= import('msw/browser').then(({ setupWorker }) =>
    setupWorker(...clerkHandlers).start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url } }),
  );
  return worker;
}

/**
 * A whole app offline: the mock Clerk in the browser (as {@link MockClerkProvider}) and the SAME session on the
 * server, through `offlineProxy` from `clerk-session-kit/testing/server`. It starts from the scenario as the
 * server last saw it (the cookies survive page loads; see `scenarioFromCookies`), reports every change of the
 * current session to the server, and waits for the server before navigating (so the page after a sign-out is
 * rendered signed out). MSW's worker answers the mock's Frontend API calls.
 */
export function OfflineClerkProvider({
  scenario,
  onServerSessionChange,
  sessionEndpoint,
  serviceWorkerUrl = '/mockServiceWorker.js',
  navigate,
  onReady,
  children,
  ...options
}: OfflineClerkProviderProps) {
  // Server render: no cookies to read, and no session yet in the kit's components either way.
  const [initial] = useState(() =>
    typeof document === 'undefined' ? scenario : scenarioFromCookies(scenario, document.cookie),
  );
  const sync = useRef<ServerSessionSync | null>(null);
  const latest = useRef({ onServerSessionChange, onReady, navigate });
  latest.current = { onServerSessionChange, onReady, navigate };
  useEffect(() => () => sync.current?.stop(), []);
  return (
    <MockClerkProvider
      {...options}
      scenario={initial}
      fetch={async (input, init) => {
        await startWorker(serviceWorkerUrl);
        return fetch(input, init);
      }}
      navigate={(to) => {
        const go = () => (latest.current.navigate ? latest.current.navigate(to) : window.location.assign(to));
        void (sync.current?.settled() ?? Promise.resolve()).then(go);
      }}
      onReady={(clerk) => {
        sync.current?.stop();
        sync.current = syncSessionToServer(clerk, {
          ...(sessionEndpoint ? { endpoint: sessionEndpoint } : {}),
          onChange: () => latest.current.onServerSessionChange?.(),
        });
        latest.current.onReady?.(clerk);
      }}
    >
      {children}
    </MockClerkProvider>
  );
}
