/** Who a request belongs to, as the verified session token says (`sid`, `sub`). */
export interface RevocationSubject {
  /** Clerk session id (`sid`). */
  sessionId: string;
  /** Clerk user id (`sub`). */
  userId: string;
}

/**
 * Sessions (and users) whose still-valid tokens must be refused: `memoryRevocationList`, `redisRevocationList`, or
 * your own store. Entries only need to outlive the tokens minted before the revocation, so a store may forget them
 * after {@link RevocationListOptions} `tokenLifetimeMs + clockSkewMs`.
 */
export interface RevocationList {
  /** Refuses every token of this session from now on. Resolves once the store has it. */
  revokeSession(sessionId: string): Promise<void>;
  /** Refuses every token of every session of this user (a deleted user) from now on. */
  revokeUser(userId: string): Promise<void>;
  /** True when the session or its user is on the list. Ids are compared exactly, as Clerk issues them. */
  isRevoked(subject: RevocationSubject): Promise<boolean>;
}

/** How long a revocation list remembers an entry. */
export interface RevocationListOptions {
  /**
   * Longest life of a session token, in ms. Default 60 000: Clerk's session tokens expire 60 s after minting, and
   * a revoked session gets no new ones.
   */
  tokenLifetimeMs?: number;
  /** Clock skew the token verification accepts, in ms. Default 5 000, `clerkMiddleware`'s `clockSkewInMs`. */
  clockSkewMs?: number;
}

/**
 * How long an entry must live: a token minted just before the revocation stays valid for its lifetime plus the
 * accepted skew, and after that the signature check alone refuses it.
 * @throws {TypeError} naming the option.
 */
export function entryLifetimeMs(factory: string, options: RevocationListOptions = {}): number {
  const { tokenLifetimeMs = 60_000, clockSkewMs = 5_000 } = options;
  if (!Number.isFinite(tokenLifetimeMs) || tokenLifetimeMs <= 0)
    throw new TypeError(`${factory}: 'tokenLifetimeMs' must be a positive number of milliseconds.`);
  if (!Number.isFinite(clockSkewMs) || clockSkewMs < 0)
    throw new TypeError(`${factory}: 'clockSkewMs' must be zero or a positive number of milliseconds.`);
  return Math.ceil(tokenLifetimeMs + clockSkewMs);
}

/** True for an id as Clerk issues them: printable ASCII without spaces, at most 256 characters. */
export function isClerkId(id: unknown): id is string {
  return typeof id === 'string' && /^[\x21-\x7e]{1,256}$/.test(id);
}

/**
 * Checks an id before it goes on a list. Clerk ids are printable ASCII (`sess_…`, `user_…`) and case-sensitive, so
 * ids are stored exactly as given: whitespace, control or non-ASCII characters mean a mangled id (a copy-paste, a
 * lookalike) that would never match a token, and are refused rather than silently stored.
 * @throws {TypeError} naming the id.
 */
export function checkId(factory: string, kind: 'sessionId' | 'userId', id: unknown): string {
  if (!isClerkId(id)) {
    throw new TypeError(
      `${factory}: ${kind} must be a Clerk id as issued (printable ASCII, no spaces, e.g. '${kind === 'sessionId' ? 'sess_2abc' : 'user_2abc'}'), got ${JSON.stringify(id)}.`,
    );
  }
  return id;
}
