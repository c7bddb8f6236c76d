/**
 * The life of one user action (revoke, switch, sign out): `idle → confirming → pending → done | error`.
 * `confirming` is only used by destructive actions that ask first.
 */
export type ActionStatus = 'idle' | 'confirming' | 'pending' | 'done' | 'error';

/** An error as the UI shows it: a stable code, Clerk's message when it gave one, and whether retry makes sense. */
export interface ActionError {
  /** Clerk's error code (`resource_not_found`), `network_error`, or `unknown`. */
  code: string;
  /** Clerk's human message, when it sent one; the UI falls back to its own catalogue. */
  message: string | null;
  /** HTTP status of a Frontend API error. */
  status: number | null;
  /** Whether trying again can help (network errors, 429 and 5xx). */
  retryable: boolean;
  /** The original error, for logging. */
  cause: unknown;
}

interface ClerkLikeError {
  status?: number;
  errors?: { code?: string; longMessage?: string; message?: string }[];
}

/** Normalises whatever a Clerk call threw into an {@link ActionError}. */
export function toActionError(error: unknown): ActionError {
  if (error instanceof TypeError) {
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
  const code = (error as { code?: unknown } | null)?.code;
  return {
    code: code === 'network_error' ? 'network_error' : 'unknown',
    message: null,
    status: null,
    retryable: true,
    cause: error,
  };
}
