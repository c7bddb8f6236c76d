import type { SessionResource } from '@clerk/react/types';
import type { ClerkInstance } from './useClerkSelector';

/**
 * The session `id` among the accounts of this browser (`clerk.client.sessions`, whatever their status), read at
 * call time so it is the object Clerk holds now. Throws when it is not there any more (removed in another tab, or
 * the client was replaced), so an action on it fails with a message instead of doing nothing.
 */
export function browserSessionOrThrow(clerk: ClerkInstance, id: string): SessionResource {
  const session = clerk.client?.sessions.find((entry) => entry.id === id);
  if (!session) throw new Error(`Session ${id} is no longer in this browser.`);
  return session;
}
