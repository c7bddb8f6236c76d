import type { SessionWithActivitiesResource, UserResource } from '@clerk/react/types';

/**
 * `user.getSessions()`, optionally bypassing clerk-js's cache. clerk-js caches the answer on the User object,
 * and it answers `[]` on ANY error and caches that too, so a retry on the same User object would never reach
 * the network again; `fresh` drops that cache first.
 */
export function fetchUserSessions(
  user: UserResource,
  options: { fresh?: boolean } = {},
): Promise<SessionWithActivitiesResource[]> {
  if (options.fresh) (user as { cachedSessionsWithActivities?: unknown }).cachedSessionsWithActivities = undefined;
  return user.getSessions();
}
