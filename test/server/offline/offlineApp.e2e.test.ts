import '../helpers/env';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/testing';
import { OFFLINE_SESSION_PATH, signInOffline } from '../../../src/testing/server';
import { chromiumLaunch } from '../../chromium';
import { createTestKeys } from '../helpers/keys';
import { buildExample, EXAMPLE_DIR, exampleEnv, type RunningApp, rawRequest, startExample } from '../helpers/nextApp';

/**
 * Offline mode end to end, on `next start` of examples/nextjs (the build the other example suites share): the
 * browser's mock Clerk and the server's auth() are the same user, through a switch and a sign-out, in Chromium.
 * And the same build started as a production build is started (no CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD) refuses.
 */
const keys = createTestKeys();
const env = exampleEnv(keys);
// As the other next start suites: SKIP_NEXT_E2E=1 skips it locally; CI sets REQUIRE_NEXT_E2E=1, which forbids that.
const skip = process.env.SKIP_NEXT_E2E === '1';

let app: RunningApp;
let browser: Browser;
let scenario: Scenario;

beforeAll(async () => {
  if (skip) return;
  await buildExample(env);
  app = await startExample(env);
  browser = await chromium.launch(chromiumLaunch());
  // The example's own scenario, imported once its kit wiring exists (buildExample makes it).
  ({ offlineScenario: scenario } = await import(`${EXAMPLE_DIR}/app/offlineScenario.ts`));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const sessionOf = (id: string) => {
  const found = scenario.sessions.find((entry) => entry.id === id);
  if (!found) throw new Error(`no session ${id} in the example's scenario`);
  return found;
};

/** A page whose console errors and uncaught exceptions end up in the failure message. */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The example has no favicon; Chromium asks for one anyway.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
  });
  await page.goto(`${app.origin}${path}`);
  return { page, errors };
}

const view = (page: Page, name: 'server' | 'client' | 'api') => page.locator(`[data-view="${name}"]`);

async function expectViews(page: Page, expected: string) {
  await expect.poll(() => view(page, 'server').textContent(), { timeout: 15_000 }).toContain(expected);
  await expect.poll(() => view(page, 'client').textContent(), { timeout: 15_000 }).toContain(expected);
}

async function askApi(page: Page): Promise<{ userId?: string; error?: { code: string } }> {
  await view(page, 'api').evaluate((output) => {
    output.textContent = '';
  });
  await page.getByRole('button', { name: 'Ask /api/me' }).click();
  await expect.poll(() => view(page, 'api').textContent(), { timeout: 10_000 }).not.toBe('');
  return JSON.parse((await view(page, 'api').textContent()) ?? '{}');
}

describe.skipIf(skip)('offline mode on next start of examples/nextjs', () => {
  it("signed in as the mock's Ada: server and browser agree on /account; a switch to Grace moves the API; sign-out returns to sign-in", async () => {
    const context = await browser.newContext();
    await signInOffline(context, app.origin, sessionOf('sess_ada'));
    const { page, errors } = await open(context, '/account');
    try {
      expect(new URL(page.url()).pathname).toBe('/account');
      await expectViews(page, 'user_ada · sess_ada · org:admin · verified 2 min ago');
      expect((await askApi(page)).userId).toBe('user_ada');

      await page.getByRole('button', { name: /^Account: Ada Lovelace/ }).click();
      await page.getByRole('button', { name: /^Switch to Grace Hopper/ }).click();
      await expectViews(page, 'user_grace · sess_grace · org:member');
      expect((await askApi(page)).userId).toBe('user_grace');

      await page.getByRole('button', { name: /^Account: Grace Hopper/ }).click();
      await page.getByRole('button', { name: 'Sign out of all accounts' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForURL(`${app.origin}/sign-in`, { timeout: 15_000 });
      await expect.poll(() => page.locator('[data-page="sign-in"]').count()).toBe(1);
      // A new page load: the server redirects, and the browser's mock starts signed out (it stays on sign-in).
      await page.goto(`${app.origin}/account`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      const api = await page.request.get(`${app.origin}/api/me`);
      expect(api.status()).toBe(401);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('a re-verification in the browser reaches the server: a stale admin is sent to /reverify, verifies, gets in', async () => {
    const context = await browser.newContext();
    await signInOffline(context, app.origin, { ...sessionOf('sess_ada'), factorVerificationAge: [30, -1] });
    const { page, errors } = await open(context, '/admin');
    try {
      expect(new URL(page.url()).pathname).toBe('/reverify');
      await page.goto(`${app.origin}/account`);
      await expectViews(page, 'user_ada · sess_ada · org:admin · verified 30 min ago');
      // Revoking a device is a sensitive action: Clerk asks to verify first (the mock's stand-in prompt).
      const phone = page.locator('[data-session-id="sess_ada_phone"]');
      await phone.getByRole('button').first().click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.getByRole('dialog', { name: "Verify it's you" }).getByRole('button', { name: 'Verify' }).click();
      await phone.waitFor({ state: 'detached', timeout: 15_000 });
      await expectViews(page, 'user_ada · sess_ada · org:admin · verified 0 min ago');
      await page.goto(`${app.origin}/admin`);
      expect(await page.locator('[data-page="admin"]').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('a fresh browser: the mock signs its current user in on the server, and sign-in sends it back', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, '/account');
    try {
      await page.waitForURL(`${app.origin}/account`, { timeout: 15_000 });
      await expectViews(page, 'user_ada · sess_ada · org:admin');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe.skipIf(skip)('offline mode in a production build', () => {
  it('refuses to run: no request gets in with its tokens, and the log names the fix', async () => {
    const { CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD: _, ...production } = env;
    const refusing = await startExample(production);
    try {
      // A browser signed in as Ada on the offline app brings its cookies to the production build.
      const context = await browser.newContext();
      await signInOffline(context, app.origin, sessionOf('sess_ada'));
      const cookie = (await context.cookies(app.origin)).map(({ name, value }) => `${name}=${value}`).join('; ');
      await context.close();
      expect(cookie).toContain('__session=');
      for (const path of ['/account', '/api/me']) {
        const response = await rawRequest(refusing.port, path, { headers: { cookie } });
        expect([path, response.status, response.body.includes('user_ada')]).toEqual([path, 500, false]);
      }
      const report = await rawRequest(refusing.port, OFFLINE_SESSION_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session: sessionOf('sess_ada') }),
      });
      expect([report.status, report.headers['set-cookie']]).toEqual([500, undefined]);
      expect(refusing.output()).toContain('offline mode refuses to run in a production build');
    } finally {
      await refusing.stop();
    }
  }, 60_000);
});
