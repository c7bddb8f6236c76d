import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunch } from '../chromium.ts';

/*
 * IdleTimeoutDialog across two real Chromium tabs (two pages of one browser context, so they share an origin's
 * BroadcastChannel as a user's tabs do). Each tab runs its own Clerk instance on a frozen clock; the test steps
 * both clocks by the same amounts, so nothing waits on real time except "closes within a second".
 */
let server: ViteDevServer;
let browser: Browser;
let context: BrowserContext;
let url = '';

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: join(process.cwd(), 'test/smoke/idleTabs'),
    plugins: [react()],
    logLevel: 'silent',
    server: { host: 'localhost', port: 0, fs: { allow: [process.cwd()] } },
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
  browser = await chromium.launch(chromiumLaunch());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTab(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('status').filter({ hasText: 'signed in as sess_ada' }).waitFor({ timeout: 60_000 });
  return page;
}

/** Steps every tab's clock by `ms`, then lets React commit (two turns of each page's event loop). */
async function advance(tabs: Page[], ms: number) {
  for (const tab of tabs) {
    await tab.evaluate(async (step) => {
      (window as never as { idleClock: { advance(ms: number): void } }).idleClock.advance(step);
      for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    }, ms);
  }
}

const openDialog = (page: Page) => page.locator('dialog[data-state="open"][role="alertdialog"]');

describe('IdleTimeoutDialog in two tabs', () => {
  it('activity in one tab keeps the other signed in; "Sign out now" in one closes the other within a second', async () => {
    context = await browser.newContext();
    const a = await openTab();
    const b = await openTab();
    const tabs = [a, b];

    // 50 s idle, then typing in tab A; 30 s later tab B (untouched for 80 s) has no warning.
    await advance(tabs, 50_000);
    await a.getByRole('textbox').press('x');
    await advance(tabs, 30_000);
    expect(await openDialog(b).count()).toBe(0);
    expect(await openDialog(a).count()).toBe(0);

    // A minute after A's activity both tabs warn.
    await advance(tabs, 31_000);
    await openDialog(a).waitFor();
    await openDialog(b).waitFor();
    expect(
      await b.getByRole('button', { name: 'Stay signed in' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);

    // "Sign out now" in A: B's warning closes within a second, A is signed out.
    await a.getByRole('button', { name: 'Sign out now' }).click();
    await openDialog(b).waitFor({ state: 'detached', timeout: 1000 });
    await a.getByTestId('status').filter({ hasText: 'signed out' }).waitFor({ timeout: 5000 });
    await context.close();
  }, 120_000);
});
