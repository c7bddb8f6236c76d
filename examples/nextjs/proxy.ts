import { clerkMiddleware } from '@clerk/nextjs/server';
import { memoryRateLimiter, sessionProxy } from 'clerk-session-kit/nextjs';
import { offlineProxy } from 'clerk-session-kit/testing/server';
import { revocations } from './lib/revocations';

/** The app's proxy; `jwtKey` verifies session tokens without a network call (default: CLERK_JWT_KEY). */
function proxy(jwtKey?: string) {
  // EXAMPLE_PROXY=bare swaps in plain clerkMiddleware with the same key, only so the benchmark can compare costs.
  if (process.env.EXAMPLE_PROXY === 'bare') return clerkMiddleware({ jwtKey: jwtKey ?? process.env.CLERK_JWT_KEY });
  return sessionProxy({
    // /kit demos the components; the mock Clerk's MSW service worker script must load signed out too.
    // Clerk's webhooks arrive without a session; the route checks their signature instead.
    publicRoutes: ['/', '/api/public', '/kit', '/mockServiceWorker.js', '/api/webhooks/clerk'],
    admin: { routes: ['/admin/**', '/api/admin/**'], role: 'org:admin' },
    maxAuthAge: { afterMinutes: 10, reverifyUrl: '/reverify' },
    forwardUserId: 'x-user-id',
    rateLimit: {
      limiter: memoryRateLimiter({ limit: Number(process.env.EXAMPLE_RATE_LIMIT ?? 100_000), window: '1 m' }),
    },
    // EXAMPLE_REVOCATION=off only for the benchmark's comparison.
    ...(process.env.EXAMPLE_REVOCATION === 'off' ? {} : { revocation: { list: revocations } }),
    ...(jwtKey ? { jwtKey } : {}),
  });
}

// Offline (no Clerk account, see app/OfflineClerk.tsx): the same proxy, verifying tokens signed with this project's
// own key pair for the browser's mock user. It refuses to run in a production build.
export default process.env.NEXT_PUBLIC_CLERK_OFFLINE === '1' ? offlineProxy(proxy) : proxy();

// Copied from `recommendedMatcher` (Next.js reads this statically): only the image optimizer and the favicon skip
// the proxy, so file-looking paths such as /admin/x.png are still checked, and so are missing build assets.
export const config = {
  matcher: ['/((?!_next/image$|favicon\\.ico$).*)'],
};
