import { auth } from '@clerk/nextjs/server';
import type { NextResponse } from 'next/server';
import {
  type AccessRule,
  type ClerkAuthLike,
  evaluate,
  toVerifiedSession,
  type VerifiedSession,
  validateAccessRule,
  validateRecentSignIn,
} from './authorize';
import {
  forbiddenResponse,
  type RecentSignIn,
  reverificationResponse,
  type SessionErrorBody,
  unauthenticatedResponse,
} from './responses';

/** Options of {@link requireSession}. */
export interface RequireSessionOptions extends AccessRule {
  /** Recent sign-in required, from Clerk's `fva` claim (not the token's `iat`). */
  maxAuthAge?: RecentSignIn;
}

/** What {@link requireSession} resolves to: the session, or the error response to return as is. */
export type RequireSessionResult =
  | { session: VerifiedSession; response: null }
  | { session: null; response: NextResponse<SessionErrorBody> };

/**
 * Checks the current request's session inside a route handler, server action or server component: the second
 * line of defence behind `sessionProxy` (a proxy can be bypassed by a matcher mistake; this cannot).
 * Answers the same 401 / 403 JSON as the proxy. Pending sessions count as signed out.
 *
 * @example
 * ```ts
 * export async function GET() {
 *   const { session, response } = await requireSession({ role: 'org:admin' });
 *   if (!session) return response;
 *   return Response.json({ userId: session.userId });
 * }
 * ```
 * @throws {TypeError} for invalid options, naming the option and the fix.
 */
export async function requireSession(options: RequireSessionOptions = {}): Promise<RequireSessionResult> {
  return checkSession((await auth({ treatPendingAsSignedOut: true })) as unknown as ClerkAuthLike, options);
}

/**
 * Splits and checks requireSession-style options (an access rule plus `maxAuthAge`) for {@link evaluate}.
 * @throws {TypeError} naming `option` and the fix.
 * @internal
 */
export function sessionRequirement(
  options: RequireSessionOptions,
  option: string,
): { rules: AccessRule[]; maxAuthAge: RecentSignIn | undefined } {
  const { maxAuthAge, ...rule } = options;
  const hasRule = rule.role !== undefined || rule.permission !== undefined || rule.check !== undefined;
  if (hasRule) validateAccessRule(rule, option);
  if (maxAuthAge !== undefined) validateRecentSignIn(maxAuthAge, `${option}.maxAuthAge`);
  return { rules: hasRule ? [rule] : [], maxAuthAge };
}

/**
 * The decision behind {@link requireSession}, for an auth object you already have (e.g. from `getAuth`).
 * @throws {TypeError} for invalid options, naming the option and the fix.
 */
export function checkSession(authObject: ClerkAuthLike, options: RequireSessionOptions = {}): RequireSessionResult {
  const { rules, maxAuthAge } = sessionRequirement(options, 'requireSession');
  const verdict = evaluate(authObject, rules, maxAuthAge);
  switch (verdict.kind) {
    case 'ok':
      return {
        session: toVerifiedSession(authObject as ClerkAuthLike & { userId: string; sessionId: string }),
        response: null,
      };
    case 'unauthenticated':
      return { session: null, response: unauthenticatedResponse() };
    case 'forbidden':
      return { session: null, response: forbiddenResponse() };
    case 'reverification':
      return { session: null, response: reverificationResponse(verdict.requirement) };
  }
}
