'use server';

import { protectAction } from 'clerk-session-kit/nextjs';

/**
 * An admin action on a page every signed-in user may open: the proxy lets members reach /dashboard (and so this
 * action), so protectAction is the only check between a member and the action.
 */
export const archiveProject = protectAction(
  { role: 'org:admin', maxAuthAge: { afterMinutes: 10 } },
  async (session, projectId: string) => ({ archived: projectId, by: session.userId }),
);
