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
export {
  ActionAuthError,
  type ActionAuthErrorCode,
  type ProtectActionRule,
  protectAction,
  type ReverificationHint,
} from './protectAction';
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
  revocationUnavailableResponse,
  type SessionErrorBody,
  type SessionErrorCode,
  unauthenticatedResponse,
} from './responses';
export type { VerifyWithClerkOptions } from './revocation/clerkBackend';
export { type MemoryRevocationListOptions, memoryRevocationList } from './revocation/memory';
export type { RevocationOptions } from './revocation/proxyCheck';
export {
  type IoRedisRevocationClient,
  type NodeRedisRevocationClient,
  type RedisRevocationListOptions,
  redisRevocationList,
} from './revocation/redis';
export type { RevocationList, RevocationListOptions, RevocationSubject } from './revocation/types';
export { type RevocationWebhookOptions, revocationWebhook } from './revocationWebhook';
export { sessionProxy } from './sessionProxy';
