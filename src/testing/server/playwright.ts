import { OFFLINE_SESSION_PATH, type OfflineSession } from '../offlineSession';

/** What {@link signInOffline} needs of a Playwright `BrowserContext` (its `request` shares the context's cookies). */
export interface BrowserContextLike {
  request: {
    post(
      url: string,
      options: { data: unknown; headers?: Record<string, string> },
    ): Promise<{ ok(): boolean; status(): number; text(): Promise<string> }>;
  };
}

/**
 * Signs a Playwright browser context in as a scenario session (or out, with `null`) on an app running
 * `offlineProxy`: the server sets the cookies for it, and the app's `OfflineClerkProvider` starts its mock Clerk
 * with that session current. Call it before the first `page.goto`.
 *
 * @example
 * ```ts
 * await signInOffline(context, 'http://localhost:3000', scenario.sessions[1]); // Grace
 * await page.goto('http://localhost:3000/account');
 * ```
 * @throws {Error} when the app does not answer (no `offlineProxy`, or it refused to run: see the app's log).
 */
export async function signInOffline(
  context: BrowserContextLike,
  origin: string,
  session: OfflineSession | null,
): Promise<void> {
  const base = origin.replace(/\/+$/, '');
  const response = await context.request.post(`${base}${OFFLINE_SESSION_PATH}`, {
    data: { session },
    headers: { origin: new URL(base).origin },
  });
  if (!response.ok()) {
    throw new Error(
      `signInOffline: ${base}${OFFLINE_SESSION_PATH} answered ${response.status()} (${(await response.text()).slice(0, 300)}). Is the app's proxy wrapped in offlineProxy() and running in offline mode?`,
    );
  }
}
