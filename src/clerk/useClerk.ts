import { useClerk as useClerkContext } from '@clerk/react';
import { warnOnce } from '../core/devWarning';
import { CLERK_CORE } from './clerkCore';

/** Which `<ClerkProvider>` this build of the kit needs, and where an app on the other Core imports it from. */
const OUTSIDE_PROVIDER =
  CLERK_CORE === 3
    ? 'a component or hook of the kit is outside any <ClerkProvider> of @clerk/react or @clerk/nextjs 7 (Clerk ' +
      "Core 3). If your app's <ClerkProvider> comes with @clerk/clerk-react or @clerk/nextjs 6 (Clerk Core 2), " +
      "use the kit's Core 2 build, 'clerk-session-kit/core-2'. In tests and stories, wrap it in <MockClerkProvider> " +
      "(in 'clerk-session-kit/testing')."
    : 'a component or hook of the kit is outside any <ClerkProvider> of @clerk/clerk-react or @clerk/nextjs 6 ' +
      "(Clerk Core 2). If your app's <ClerkProvider> comes with @clerk/react or @clerk/nextjs 7 (Clerk Core 3), " +
      "use the kit's Core 3 build, 'clerk-session-kit'. In tests and stories, wrap it in <MockClerkProvider> " +
      "(in 'clerk-session-kit/core-2/testing').";

/**
 * Clerk's `useClerk()`: the instance of the nearest `<ClerkProvider>`; every read of Clerk's context in the kit
 * goes through here. Outside a provider Clerk throws, naming only its own hook; in development this also warns
 * which provider the kit needs and which entry of the kit fits an app on the other Clerk Core, the usual cause.
 */
export function useClerk(): ReturnType<typeof useClerkContext> {
  try {
    // biome-ignore lint/correctness/useHookAtTopLevel: called on every render; the catch only warns, then rethrows.
    return useClerkContext();
  } catch (error) {
    if (process.env.NODE_ENV !== 'production') warnOnce(OUTSIDE_PROVIDER);
    throw error;
  }
}
