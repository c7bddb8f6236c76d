'use client';

import { OfflineClerkProvider } from 'clerk-session-kit/testing';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { offlineScenario } from './offlineScenario';

/**
 * Clerk with no Clerk account (NEXT_PUBLIC_CLERK_OFFLINE=1): the kit's mock Clerk in the browser, and the same
 * session on the server through `offlineProxy` in proxy.ts. After a switch, sign-out or re-verification the server
 * has the new session, and `router.refresh()` renders Server Components for it.
 */
export function OfflineClerk({ children }: { children: ReactNode }) {
  const router = useRouter();
  return (
    <OfflineClerkProvider
      scenario={offlineScenario}
      afterSignOutUrl="/sign-in"
      navigate={(to) => router.push(to)}
      onServerSessionChange={() => router.refresh()}
    >
      {children}
    </OfflineClerkProvider>
  );
}
