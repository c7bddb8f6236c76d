/**
 * The life of one user action (revoke, switch, sign out): `idle → confirming → pending → done | error`.
 * `confirming` is only used by destructive actions that ask first.
 */
export type ActionStatus = 'idle' | 'confirming' | 'pending' | 'done' | 'error';

/** An error as the UI shows it: a stable code, Clerk's message when it gave one, and whether retry makes sense. */
export interface ActionError {
  /** Clerk's error code (`resource_not_found`), `network_error` (Clerk could not be reached), or `unknown`. */
  code: string;
  /** Clerk's human message, when it sent one; the UI falls back to its own catalogue. */
  message: string | null;
  /** HTTP status of a Frontend API error. */
  status: number | null;
  /**
   * Whether trying again can help: network errors, 429 and 5xx (and a Clerk error without a status). `false` for
   * anything else, including an `unknown` error such as a bug in the calling code, which a retry would only repeat.
   */
  retryable: boolean;
  /** The original error, for logging. */
  cause: unknown;
}

interface ClerkLikeError {
  status?: number;
  errors?: { code?: string; longMessage?: string; message?: string }[];
}

/**
 * How engines word a `fetch()` that got no answer (Chromium, Firefox, Safari, Node's undici, React Native). Any
 * other `TypeError` is a programming error, not a network one.
 */
const FETCH_FAILURES = [
  'Failed to fetch',
  'NetworkError when attempting to fetch resource',
  'Load failed',
  'fetch failed',
  'Network request failed',
];

/**
 * Clerk could not be reached: `fetch()`'s own `TypeError`, or what clerk-js 6 makes of it. Its Frontend API
 * client throws a plain `Error('ClerkJS: Network error at "<url>" - TypeError: Failed to fetch. Please try
 * again.')` while the browser is online (test/fidelity checks this against the real clerk-js); a
 * `ClerkRuntimeError` with code `network_error` with `experimental.rethrowOfflineNetworkErrors`; and
 * `session.getToken()` offline throws a `ClerkOfflineError` (code `clerk_offline`).
 */
function isNetworkFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { message, code } = error as { message?: unknown; code?: unknown };
  if (code === 'network_error' || code === 'clerk_offline') return true;
  if (typeof message !== 'string') return false;
  if (error instanceof TypeError) return FETCH_FAILURES.some((wording) => message.startsWith(wording));
  return error instanceof Error && message.startsWith('ClerkJS: Network error at ');
}

/** Normalises whatever a Clerk call threw into an {@link ActionError}. */
export function toActionError(error: unknown): ActionError {
  if (isNetworkFailure(error)) {
    return { code: 'network_error', message: null, status: null, retryable: true, cause: error };
  }
  const clerk = (typeof error === 'object' && error !== null ? error : {}) as ClerkLikeError;
  const first = clerk.errors?.[0];
  const status = typeof clerk.status === 'number' ? clerk.status : null;
  if (first || status !== null) {
    return {
      code: first?.code ?? 'unknown',
      message: first?.longMessage ?? first?.message ?? null,
      status,
      retryable: status === null || status === 429 || status >= 500,
      cause: error,
    };
  }
  return { code: 'unknown', message: null, status: null, retryable: false, cause: error };
}
