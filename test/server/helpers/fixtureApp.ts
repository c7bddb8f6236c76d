import path from 'node:path';
import type { TestKeys } from './keys';
import { buildCached, exampleEnv, type RawResponse, REPO_ROOT, type RunningApp, startApp } from './nextApp';

/**
 * test/server/fixtureApp: the shapes real apps have (a root catch-all, `[slug]` pages, a dynamic API beside a
 * static one, a prerendered signed-in page, a shared 'use server' module), every page and route trusting the proxy.
 * Each one names its file in its output, so a test reads which route Next itself rendered.
 */
export const FIXTURE_DIR = path.join(REPO_ROOT, 'test/server/fixtureApp');

/**
 * `root` is the app as written; `basePath` is one more build with `basePath: '/base'` and `trailingSlash: true`
 * together (one build for both options: each changes how Next routes, neither needs the other absent).
 */
export type FixtureVariant = 'root' | 'basePath';
export const FIXTURE_BASE_PATH = '/base';

/** Who may see each route file of the fixture; anything not listed needs a signed-in session. */
const PUBLIC_ROUTES = new Set([
  'app/page.tsx',
  'app/not-found.tsx',
  'app/docs/[slug]/page.tsx',
  'app/sign-in/[[...sign-in]]/page.tsx',
  'app/sign-up/[[...sign-up]]/page.tsx',
  'app/api/public/route.ts',
]);
const ADMIN_ROUTES = new Set(['app/admin/page.tsx', 'app/admin/[slug]/page.tsx', 'app/api/admin/[...path]/route.ts']);

export type Access = 'public' | 'signedIn' | 'admin';

/** The access a route file of the fixture needs. */
export function accessOf(route: string): Access {
  return PUBLIC_ROUTES.has(route) ? 'public' : ADMIN_ROUTES.has(route) ? 'admin' : 'signedIn';
}

/** The route file Next rendered for a response (its marker), or null when no page or route of the app answered. */
export function renderedRoute(response: RawResponse): string | null {
  // HTML (`data-route="…"`), an RSC payload (`"data-route":"…"`) or a route handler's JSON (`"route":"…"`).
  return /"?(?:data-)?route"?[=:]"(app\/[^"]+)"/.exec(response.body)?.[1] ?? null;
}

export interface RunningFixture extends RunningApp {
  /** '' or '/base'. */
  basePath: string;
}

/** Builds the variant if its sources changed (see `buildCached`) and starts it with `keys`. */
export async function startFixture(variant: FixtureVariant, keys: TestKeys): Promise<RunningFixture> {
  const env = exampleEnv(keys);
  const keyEnv: Record<string, string> = variant === 'basePath' ? { FIXTURE_BASE_PATH } : {};
  await buildCached(FIXTURE_DIR, variant === 'basePath' ? '.next-base' : '.next', env, keyEnv);
  const app = await startApp(FIXTURE_DIR, { ...env, ...keyEnv });
  return { ...app, basePath: keyEnv.FIXTURE_BASE_PATH ?? '' };
}
