/**
 * The one door to Clerk. Everything else in the kit imports Clerk's hooks, errors and types from here, so the
 * package boundary (`@clerk/react`, Core 3) is named in exactly one place.
 */
export {
  ClerkProvider,
  useAuth,
  useReverification,
  useSession,
  useSessionList,
  useUser,
} from '@clerk/react';
export { ClerkAPIResponseError, isClerkAPIResponseError, isReverificationCancelledError } from '@clerk/react/errors';
export type {
  ActClaim,
  ClerkAPIError,
  ClientResource,
  LoadedClerk,
  OrganizationMembershipResource,
  OrganizationResource,
  SessionActivity,
  SessionResource,
  SessionStatus,
  SessionWithActivitiesResource,
  SignOutOptions,
  UserResource,
} from '@clerk/react/types';
export { type ReverificationLevel, reverificationRequired } from '../core/reverification';
export { browserSessionOrThrow } from './browserSession';
export { CLERK_CORE } from './clerkCore';
export { ENVIRONMENT_PROPERTY, isSingleSessionInstance } from './environment';
export { useClerk } from './useClerk';
export { type ClerkInstance, useClerkSelector } from './useClerkSelector';
export { type ClerkLoadStatus, useClerkStatus } from './useClerkStatus';
export { fetchUserSessions } from './userSessions';
