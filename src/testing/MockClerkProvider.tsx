import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ClerkProvider } from '../clerk';
import { createMockClerk, MOCK_PUBLISHABLE_KEY, type MockClerk, type MockClerkOptions } from './createMockClerk';
import type { Scenario } from './scenario';

/** Props of {@link MockClerkProvider}. */
export interface MockClerkProviderProps extends MockClerkOptions {
  /** The state to start from. Read once: remount (e.g. with a `key`) to start over. */
  scenario: Scenario;
  /** Receives the instance, for tests that drive or inspect it (`clerk.mock.update(...)`). */
  onReady?: (clerk: MockClerk) => void;
  children?: ReactNode;
}

/**
 * The REAL `<ClerkProvider>` of `@clerk/react`, driven by a {@link createMockClerk} instance: Clerk's own hooks
 * and the kit's components work under it with no Clerk account, keys or network.
 */
export function MockClerkProvider({ scenario, onReady, children, ...options }: MockClerkProviderProps) {
  const [clerk] = useState(() => createMockClerk(scenario, options));
  // In an effect, not the initializer: StrictMode runs initializers twice and keeps the first instance.
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => ready.current?.(clerk), [clerk]);
  return (
    <ClerkProvider
      Clerk={clerk as never}
      publishableKey={MOCK_PUBLISHABLE_KEY}
      afterSignOutUrl={options.afterSignOutUrl ?? '/'}
    >
      {children}
    </ClerkProvider>
  );
}
