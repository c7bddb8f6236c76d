import { auth, reverificationError } from '@clerk/nextjs/server';
import { type ClerkAuthLike, evaluate, toVerifiedSession, type VerifiedSession } from './authorize';
import { type RequireSessionOptions, sessionRequirement } from './requireSession';

/**
 * Who may run a protected Server Action: `requireSession`'s options. Without role, permission or check, any
 * signed-in session may; a sign-in older than `maxAuthAge` gets Clerk's reverification hint.
 */
export type ProtectActionRule = RequireSessionOptions;

/** Why {@link protectAction} refused to run an action. */
export type ActionAuthErrorCode = 'unauthenticated' | 'forbidden';

/**
 * Thrown inside a protected Server Action when the caller is signed out (or pending) or lacks the
 * rule's role, permission or claim. Next.js replaces thrown errors with a generic one (plus `digest`) before they
 * reach the browser in production, so the client learns only that the action failed.
 */
export class ActionAuthError extends Error {
  override name = 'ActionAuthError';
  constructor(readonly code: ActionAuthErrorCode) {
    super(
      code === 'unauthenticated'
        ? 'Sign in to perform this action.'
        : 'Your session does not have access to this action.',
    );
  }
}

/** What a protected action resolves to when the sign-in is too old: Clerk's hint for `useReverification`. */
export type ReverificationHint = ReturnType<typeof reverificationError>;

/**
 * Guards a Server Action. Next.js makes every Server Action a public POST endpoint that answers on any path of the
 * app (the proxy's route rules see the page it was posted to, not the action), so the check must sit inside it.
 * Signed out, pending or forbidden: throws {@link ActionAuthError} and the action never runs. A sign-in
 * older than `maxAuthAge`: resolves Clerk's own `reverificationError()` hint, which `useReverification()` on the
 * client recognises: it asks the user to verify again and calls the action once more.
 *
 * @example
 * ```ts
 * 'use server';
 * import { protectAction } from 'clerk-session-kit/nextjs';
 * export const removeMember = protectAction(
 *   { role: 'org:admin', maxAuthAge: { afterMinutes: 10 } },
 *   async (session, memberId: string) => { ... },
 * );
 * // client: const remove = useReverification(removeMember); await remove(memberId);
 * ```
 * @throws {TypeError} at creation for an invalid rule, naming the field and the fix.
 */
export function protectAction<Args extends unknown[], Result>(
  rule: ProtectActionRule,
  action: (session: VerifiedSession, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result | ReverificationHint> {
  if (!rule || typeof rule !== 'object')
    throw new TypeError("protectAction: rule must be an object, e.g. { role: 'org:admin' }.");
  const { rules, maxAuthAge } = sessionRequirement(rule, 'protectAction');
  if (typeof action !== 'function') throw new TypeError('protectAction: action must be an async function.');

  return async (...args) => {
    const session = (await auth({ treatPendingAsSignedOut: true })) as unknown as ClerkAuthLike;
    const verdict = evaluate(session, rules, maxAuthAge);
    switch (verdict.kind) {
      case 'unauthenticated':
      case 'forbidden':
        throw new ActionAuthError(verdict.kind);
      case 'reverification':
        return reverificationError({
          level: verdict.requirement.level ?? 'first_factor',
          afterMinutes: verdict.requirement.afterMinutes,
        });
      case 'ok':
        return action(toVerifiedSession(session as ClerkAuthLike & { userId: string; sessionId: string }), ...args);
    }
  };
}
