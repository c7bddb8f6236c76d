import { memoryRateLimiter, type RateLimiter, sessionProxy } from '../../../src/nextjs';

// Only requests that name a test client (x-test-client) count against the limit of 3, so the other suites'
// hundreds of requests never meet it; the key function is the app's choice, the coverage (which requests are
// limited at all) is the preset's default under test.
const counted = memoryRateLimiter({ limit: 3, window: '1 m' });
const limiter: RateLimiter = {
  limit: (key) =>
    key.startsWith('client:')
      ? counted.limit(key)
      : Promise.resolve({ success: true, limit: 3, remaining: 3, reset: Date.now() + 60_000 }),
};

export default sessionProxy({
  publicRoutes: ['/', '/docs/*', '/api/public'],
  admin: { routes: ['/admin/**', '/api/admin/**'], role: 'org:admin' },
  forwardUserId: 'x-user-id',
  rateLimit: {
    limiter,
    key: ({ request }) => `client:${request.headers.get('x-test-client') ?? ''}`.replace(/^client:$/, 'uncounted'),
  },
});

// Copied from `recommendedMatcher`, as an app would.
export const config = {
  matcher: ['/((?!_next/image$|favicon\\.ico$).*)'],
};
