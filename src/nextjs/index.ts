/**
 * `clerk-session-kit/nextjs`: the hardened Next.js proxy preset. Server only: import it from `proxy.ts`,
 * `middleware.ts`, route handlers and server components, never from client components.
 * @module
 */

export type { AccessRule, ClerkAuthLike, VerifiedSession } from './authorize';
export {
  compilePatterns,
  type NormalisedPath,
  normalisePath,
  type PathPredicate,
  RoutePatternError,
  recommendedMatcher,
} from './matcher';
export {
  type AdminRoutes,
  defaultRateLimitKey,
  type MaxAuthAgeOptions,
  type RateLimitKeyInput,
  type RateLimitOptions,
  SessionProxyOptionError,
  type SessionProxyOptions,
} from './options';
export { type MemoryRateLimiterOptions, memoryRateLimiter } from './rateLimit/memory';
export {
  type IoRedisLike,
  type NodeRedisLike,
  type RedisRateLimiterOptions,
  redisRateLimiter,
} from './rateLimit/redis';
export type { RateLimiter, RateLimitResult, SlidingWindowOptions, WindowLength } from './rateLimit/types';
export { checkSession, type RequireSessionOptions, type RequireSessionResult, requireSession } from './requireSession';
export {
  badRequestResponse,
  errorResponse,
  forbiddenResponse,
  type RecentSignIn,
  rateLimitedResponse,
  rateLimitHeaders,
  rateLimitUnavailableResponse,
  reverificationResponse,
  type SessionErrorBody,
  type SessionErrorCode,
  unauthenticatedResponse,
} from './responses';
export { sessionProxy } from './sessionProxy';
