import { clerkMiddleware } from '@clerk/nextjs/server';
import { memoryRateLimiter, sessionProxy } from 'clerk-session-kit/nextjs';

// EXAMPLE_PROXY=bare swaps in plain clerkMiddleware with the same key, only so the benchmark can compare costs.
const bare = process.env.EXAMPLE_PROXY === 'bare';

export default bare
  ? clerkMiddleware({ jwtKey: process.env.CLERK_JWT_KEY })
  : sessionProxy({
      // /kit demos the components on the mock Clerk; its MSW service worker script must load signed out too.
      publicRoutes: ['/', '/api/public', '/kit', '/mockServiceWorker.js'],
      admin: { routes: ['/admin/**', '/api/admin/**'], role: 'org:admin' },
      maxAuthAge: { afterMinutes: 10, reverifyUrl: '/reverify' },
      forwardUserId: 'x-user-id',
      rateLimit: {
        limiter: memoryRateLimiter({ limit: Number(process.env.EXAMPLE_RATE_LIMIT ?? 100_000), window: '1 m' }),
      },
    });

// Copied from `recommendedMatcher` (Next.js reads this statically): only the image optimizer and the favicon skip
// the proxy, so file-looking paths such as /admin/x.png are still checked, and so are missing build assets.
export const config = {
  matcher: ['/((?!_next/image$|favicon\\.ico$).*)'],
};
