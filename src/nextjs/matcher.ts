/**
 * Path normalisation and the route-pattern matcher behind `sessionProxy`.
 *
 * Rules of {@link normalisePath}, applied once, in this order:
 * 1. Percent-encoding is decoded until stable (at most 4 rounds). Decoding more than once, an encoded `/` or `\`,
 *    or a malformed sequence marks the path ambiguous.
 * 2. `\` becomes `/`; C0/C1 control characters, U+2028/U+2029 and zero-width characters are removed; runs of `/`
 *    collapse to one; whitespace at the ends of a segment is trimmed; `.` and `..` segments are resolved.
 *    Each of these marks the path ambiguous.
 * 3. A trailing `/` is removed (except for `/`); that alone is not ambiguous, Next.js redirects it anyway.
 * 4. Transport forms are read as the page they render: `/_next/data/<build>/<page>.json`, `<page>.rsc` and
 *    `<page>.segments/<segment>.segment.rsc` (App Router prefetch) all become `<page>`. Applied to the path as
 *    read by 1–3, so a suffix that only decoding or cleaning revealed (`/admin%2Ersc`, `/admin.rsc%20`) cannot
 *    hide a protected page; such a suffix, or an upper-case one (Next.js knows only `.rsc`), makes Next's reading
 *    differ (rule 5), so the path is ambiguous.
 * 5. `folded` is `path` after Unicode NFKC and lower-casing. Two other readings are kept when they differ from it:
 *    rule 4 applied before the dot segments are resolved, and the page as Next.js reads the raw path (its own
 *    transport patterns, then each `/`-separated segment decoded on its own, so `/admin/..%2Fx` is under /admin).
 *    Protected groups match if any reading does, and readings that disagree make the path ambiguous.
 *
 * 6. `routed` is the page as Next.js matches its static route names: the raw path after Next's transport patterns
 *    and without a trailing `/`, still percent-encoded. Next compares `sign-in` with the raw segment, so
 *    `/sign-%69n` is not its sign-in page but whatever dynamic route sits beside it (a root `[...rest]`).
 *
 * Protected groups (admin, API, rate limit, re-verification) match every reading, so any spelling that might reach
 * a protected route is caught. Public routes match case-sensitively, both `path` and `routed` (with literal segments
 * spelled as a browser encodes them, see {@link encodeLiteralSegments}), and never an ambiguous path: a path is
 * public only when it is spelled exactly as the public route. Failing closed in both directions is the point.
 *
 * Pattern syntax: absolute paths of literal segments, `*` or `:name` for exactly one segment, and `**` as the last
 * segment for zero or more segments (`/admin/**` matches `/admin` and everything below it).
 * @module
 */

/** The result of {@link normalisePath}. */
export interface NormalisedPath {
  /** Decoded, cleaned path with its case kept; public routes match against it. */
  readonly path: string;
  /** `path` after NFKC and lower-casing. */
  readonly folded: string;
  /**
   * `folded`, and every other reading of the raw path that differs from it (rule 5); protected routes match when
   * ANY reading does.
   */
  readonly readings: readonly string[];
  /** True when the raw path needed more than a plain decode to read; such a path is never public. */
  readonly ambiguous: boolean;
  /** The raw path as Next.js matches static route names against it (rule 6): still encoded, case kept. */
  readonly routed: string;
}

/** A compiled set of route patterns: a predicate on a normalised path. */
export type PathPredicate = (path: string) => boolean;

// Paths of unreserved characters only need no work; most real traffic takes this branch.
const PLAIN_PATH = /^(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9_~.-]+)*\/?$/;
const NEXT_DATA = /^\/_next\/data\/[^/]+(\/.*?)\.json$/;
const RSC_TRANSPORT = /^(.*?)(\.segments\/.+\.segment\.rsc|\.rsc)$/is;
// Next.js's own patterns (greedy, lower case only), for the reading of rule 5.
const NEXT_DATA_PAGE = /^\/_next\/data\/[^/]+(\/.*)\.json$/;
const NEXT_SEGMENT_PREFETCH = /^(\/.*)\.segments(\/.*)\.segment\.rsc$/s;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point of this pattern.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;
const ENCODED_SEPARATOR = /%(?:2f|5c)/i;
const ENCODED = /%[0-9a-f]{2}/i;

/** Rule 4: the page a transport form (`_next/data`, `.rsc`, `.segment.rsc`) renders. */
function stripTransport(raw: string): string {
  let path = raw;
  const data = NEXT_DATA.exec(path);
  if (data?.[1]) path = data[1];
  const rsc = RSC_TRANSPORT.exec(path);
  if (rsc) path = rsc[1] || '/';
  // Transport forms name the root page '/index'; a plain '/index' is a route of its own.
  if ((data || rsc) && path === '/index') path = '/';
  return path;
}

/** Rule 6: the raw path after Next.js's own transport patterns (greedy, lower case), still encoded. */
function nextTransport(raw: string): string {
  let path = raw;
  const data = NEXT_DATA_PAGE.exec(path);
  if (data?.[1]) {
    path = data[1];
    // Next names the root page `/index` in data URLs, and `/index/<x>` is `/<x>`.
    if (path === '/index') path = '/';
    else if (path.startsWith('/index/')) path = path.slice('/index'.length);
  } else {
    const prefetch = NEXT_SEGMENT_PREFETCH.exec(path);
    if (prefetch?.[1]) path = prefetch[1];
    else if (path.endsWith('.rsc')) path = path.slice(0, -'.rsc'.length) || '/';
    if (path !== raw && path === '/index') path = '/';
  }
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * Rule 5: the page as Next.js itself reads the raw path: its transport patterns (rule 6), then a split on the
 * literal `/` with each segment decoded on its own, so `..%2Fx` stays inside one segment and is never resolved.
 * Folded like `folded`.
 */
function nextReading(path: string): string {
  if (!path.includes('%')) return path.normalize('NFKC').toLowerCase();
  const decoded = path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return decodeLoosely(segment);
    }
  });
  return decoded.join('/').normalize('NFKC').toLowerCase();
}

/** Rules 2–3 on a decoded path: separators, invisible characters, dot segments; `changed` when any applied. */
function resolveSegments(decoded: string): { path: string; changed: boolean } {
  const cleaned = decoded.replace(/\\/g, '/').replace(INVISIBLE, '');
  let changed = cleaned !== decoded || !cleaned.startsWith('/');
  const segments: string[] = [];
  const parts = cleaned.split('/');
  for (let i = 1; i < parts.length; i += 1) {
    const segment = (parts[i] ?? '').trim();
    if (segment !== parts[i]) changed = true;
    if (segment === '' || segment === '.') {
      // An empty last segment is the plain trailing slash; anything else is a doubled slash or a `.`.
      if (segment === '.' || i < parts.length - 1) changed = true;
      continue;
    }
    if (segment === '..') {
      changed = true;
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return { path: `/${segments.join('/')}`, changed };
}

function decodeLoosely(value: string): string {
  // A malformed sequence makes decodeURIComponent throw; decode the valid ASCII escapes and keep the rest.
  return value.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Reads a raw URL pathname (as in `request.nextUrl.pathname`) the way the proxy does. See the module rules.
 */
export function normalisePath(rawPathname: string): NormalisedPath {
  const raw = rawPathname || '/';
  const routed = nextTransport(raw);
  const asNext = nextReading(routed);
  if (PLAIN_PATH.test(raw)) {
    let path = stripTransport(raw);
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const folded = path.toLowerCase();
    if (asNext === folded) return { path, folded, readings: [folded], ambiguous: false, routed };
  }

  let ambiguous = false;
  let decoded = raw;
  for (let round = 0; round < 4 && ENCODED.test(decoded); round += 1) {
    if (ENCODED_SEPARATOR.test(decoded) || round > 0) ambiguous = true;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      ambiguous = true;
      next = decodeLoosely(decoded);
    }
    if (next === decoded) break;
    decoded = next;
  }

  // Rules 2–3, then rule 4 on the path as read: a suffix that only decoding or cleaning revealed names the page.
  const resolved = resolveSegments(decoded);
  if (resolved.changed) ambiguous = true;
  const path = stripTransport(resolved.path);
  const nfkc = path.normalize('NFKC');
  if (nfkc !== path) ambiguous = true;
  const folded = nfkc.toLowerCase();

  // Rule 5: the other readings. Rule 4 before the dot segments (`/admin.segments/..%2Fx.segment.rsc` is /admin's
  // prefetch), and Next's own reading (`/admin/..%2Fx` is a path under /admin, not /x).
  // A suffix only decoding revealed, or one Next.js does not know (`.RSC`), makes Next's reading differ.
  const suffixFirst = resolveSegments(stripTransport(decoded)).path.normalize('NFKC').toLowerCase();
  const readings = [...new Set([folded, suffixFirst, asNext])];
  if (readings.length > 1) ambiguous = true;
  return { path, folded, readings, ambiguous, routed };
}

/** Thrown for a malformed route pattern; the message names the option and shows the fix. */
export class RoutePatternError extends Error {
  override name = 'RoutePatternError';
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternSource(pattern: string, option: string): string {
  if (typeof pattern !== 'string' || !pattern.startsWith('/')) {
    throw new RoutePatternError(
      `${option}: route pattern ${JSON.stringify(pattern)} must be an absolute path such as '/dashboard' or '/admin/**'.`,
    );
  }
  if (/[()[\]{}?+|^$\\]|\.\*/.test(pattern)) {
    const suggestion = pattern.replace(/\(\.\*\)$|\/?\.\*$/, '').replace(/\/$/, '') || '';
    throw new RoutePatternError(
      `${option}: route pattern ${JSON.stringify(pattern)} looks like a regular expression; patterns are paths with '*' (one segment) and a final '**' (any depth). Use '${suggestion}/**' instead.`,
    );
  }
  const segments = pattern.replace(/\/+$/, '').split('/').slice(1);
  let source = '';
  segments.forEach((segment, index) => {
    if (segment === '**') {
      if (index !== segments.length - 1) {
        throw new RoutePatternError(
          `${option}: in ${JSON.stringify(pattern)} '**' may only be the last segment, e.g. '/admin/**'.`,
        );
      }
      source += '(?:/.*)?';
    } else if (segment === '*' || segment.startsWith(':')) {
      source += '/[^/]+';
    } else if (segment === '' || segment.includes('*')) {
      throw new RoutePatternError(
        `${option}: route pattern ${JSON.stringify(pattern)} has an empty or partial-wildcard segment; use whole segments like '/blog/*'.`,
      );
    } else {
      source += `/${escapeRegExp(segment)}`;
    }
  });
  return source === '' ? '/' : source;
}

// The WHATWG URL parser's path percent-encode set, plus everything outside printable ASCII.
const BROWSER_ENCODED = /[^\x21-\x7e]|["#<>?`{}]/gu;

/**
 * A pattern with each literal segment spelled as a browser sends it (`/café` → `/caf%C3%A9`), for matching
 * {@link NormalisedPath.routed}; wildcard segments are left as they are. Null when that spelling is the pattern.
 * @internal
 */
export function encodeLiteralSegments(pattern: string): string | null {
  const encoded = pattern.replace(BROWSER_ENCODED, (c) => encodeURIComponent(c));
  return encoded === pattern ? null : encoded;
}

/**
 * Compiles route patterns into one predicate. With `caseSensitive: false` the patterns are NFKC-lower-cased and
 * the predicate expects {@link NormalisedPath.folded}; otherwise it expects {@link NormalisedPath.path}.
 * @param option the option name used in error messages, e.g. `'publicRoutes'`.
 * @throws {RoutePatternError} for a pattern that is not an absolute path or uses regular-expression syntax.
 */
export function compilePatterns(patterns: readonly string[], option: string, caseSensitive = true): PathPredicate {
  if (!Array.isArray(patterns)) {
    throw new RoutePatternError(`${option}: expected an array of route patterns such as ['/dashboard', '/admin/**'].`);
  }
  if (patterns.length === 0) return () => false;
  const sources = patterns.map((pattern) => {
    const source = patternSource(pattern, option);
    return caseSensitive ? source : source.normalize('NFKC').toLowerCase();
  });
  // dotAll: even if a line break survived normalisation, `.*` must still span it.
  const regexp = new RegExp(`^(?:${sources.join('|')})$`, 's');
  return (path) => regexp.test(path);
}

/**
 * The `config.matcher` to export from `proxy.ts`. It runs the proxy on every path except Next's image optimizer
 * and `/favicon.ico`. Unlike Clerk's template it does not skip file-looking paths: `/admin/report.csv` or
 * `/admin/x.png` can be served by a page or route handler and must be checked. Nor does it skip `/_next/static/`:
 * Next renders the app's dynamic routes for a build asset that does not exist, so the proxy answers those with a
 * 404 and lets the real ones through without a session check. Next.js reads `config` statically, so copy this
 * literal into `proxy.ts` rather than importing it; the tests keep both in sync.
 */
export const recommendedMatcher: readonly string[] = ['/((?!_next/image$|favicon\\.ico$).*)'];
