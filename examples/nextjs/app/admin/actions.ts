'use server';

import { protectAction } from 'clerk-session-kit/nextjs';

/**
 * An admin-only Server Action, used only by the /admin page. Next.js answers it on ANY path of the app (POST with
 * its `Next-Action` id to `/` works as well as to `/admin`), so the proxy's admin rule is not what protects it:
 * protectAction is. A member gets an error and nothing runs; an admin whose sign-in is older than 10 minutes gets
 * Clerk's reverification hint (useReverification prompts, then calls again).
 */
export const promoteMember = protectAction(
  { role: 'org:admin', maxAuthAge: { afterMinutes: 10 } },
  async (session, memberId: string) => ({ promoted: memberId, by: session.userId }),
);
