import { clerkMiddleware } from '@clerk/nextjs/server';
import { memoryRateLimiter, sessionProxy } from 'clerk-session-kit/nextjs';
import { revocations } from './lib/revocations';

// EXAMPLE_PROXY=bare swaps in plain clerkMiddleware with the same key, only so the benchmark can compare costs.
const bare = process.env.EXAMPLE_PROXY === 'bare';

export default bare
  ? clerkMiddleware({ jwtKey: process.env.CLERK_JWT_KEY })
  : sessionProxy({
      // /kit demos the components on the mock Clerk; its MSW service worker script must load signed out too.
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
    });

// Copied from `recommendedMatcher` (Next.js reads this statically): only the image optimizer and the favicon skip
// the proxy, so file-looking paths such as /admin/x.png are still checked, and so are missing build assets.
export const config = {
  matcher: ['/((?!_next/image$|favicon\\.ico$).*)'],
};
