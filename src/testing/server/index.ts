/**
 * `clerk-session-kit/testing/server`: the server half of offline mode, a whole Next.js app signed in as the
 * browser's mock Clerk user with no Clerk account. Server-only (Node.js): the proxy wrapper and the Playwright
 * helper. The browser half is `OfflineClerkProvider` in `clerk-session-kit/testing`.
 * @packageDocumentation
 */
export { CLERK_COOKIES, OFFLINE_SESSION_PATH, type OfflineSession } from '../offlineSession';
export { type OfflineProxyOptions, offlineProxy } from './offlineProxy';
export { type BrowserContextLike, signInOffline } from './playwright';
