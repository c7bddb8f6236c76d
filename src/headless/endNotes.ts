import type { ClerkInstance } from '../clerk';

/** Why the kit itself ended a session, as {@link useSessionEnded} reports it. */
export type KitEndReason = 'inactivity' | 'signed-out-here';

const notes = new WeakMap<ClerkInstance, Map<string, KitEndReason>>();

/**
 * Notes, before it signs a session out, why the kit did it, so the notice in this tab can say why (or stay silent
 * when the user did it here). Kept per Clerk instance: Clerk itself reports only that the session is gone.
 */
export function noteSessionEnd(clerk: ClerkInstance, sessionId: string, reason: KitEndReason): void {
  let forClerk = notes.get(clerk);
  if (!forClerk) {
    forClerk = new Map();
    notes.set(clerk, forClerk);
  }
  forClerk.set(sessionId, reason);
}

/** The reason noted for `sessionId`, if any, forgetting it (a session ends once). */
export function takeSessionEndNote(clerk: ClerkInstance, sessionId: string): KitEndReason | undefined {
  const forClerk = notes.get(clerk);
  const reason = forClerk?.get(sessionId);
  forClerk?.delete(sessionId);
  return reason;
}
