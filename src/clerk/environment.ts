import { CLERK_CORE } from './clerkCore';

/**
 * Where clerk-js keeps the environment it loaded from Clerk (the instance settings): `__internal_environment` on
 * Core 3, `__unstable__environment` on Core 2 (clerk-js 5 and `@clerk/clerk-react` 5's isomorphic instance). Neither
 * is in the public type of `useClerk()`, so it is read defensively; the mock answers under the same name.
 */
export const ENVIRONMENT_PROPERTY = CLERK_CORE === 3 ? '__internal_environment' : '__unstable__environment';

/** True on an instance whose `auth_config.single_session_mode` is on (clerk-js then refuses a second account). */
export function isSingleSessionInstance(instance: object): boolean {
  const environment = (instance as Record<string, { authConfig?: { singleSessionMode?: boolean } } | null | undefined>)[
    ENVIRONMENT_PROPERTY
  ];
  return environment?.authConfig?.singleSessionMode === true;
}
