import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isReverificationHint } from '@clerk/shared/authorization-errors';
import { expect, it } from 'vitest';
import type { Personas } from '../helpers/keys';
import { EXAMPLE_DIR, type RunningApp, rawRequest } from '../helpers/nextApp';

/** The id Next.js gave an exported Server Action in the last build, from its server reference manifest. */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(EXAMPLE_DIR, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`no Server Action ${exportedName} in the build`);
  return found[0];
}

/** What came back: the action's return value, a thrown (redacted) error, or no action result at all. */
type ActionOutcome =
  | { status: number; ran: unknown }
  | { status: number; threw: true }
  | { status: number; none: string };

/** Invokes a Server Action the way the browser does: POST to a page with its id in `Next-Action`. */
async function invoke(
  app: RunningApp,
  name: string,
  pagePath: string,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<ActionOutcome> {
  const response = await rawRequest(app.port, pagePath, {
    method: 'POST',
    headers: {
      'next-action': actionId(name),
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(['target_1']),
  });
  // The flight response: row 0 points at row 1, which holds the action's value, or E{digest} when it threw.
  const row = /^1:(.*)$/m.exec(response.body)?.[1];
  if (!String(response.headers['content-type']).startsWith('text/x-component') || row === undefined)
    return { status: response.status, none: response.body.slice(0, 80) };
  if (row.startsWith('E')) return { status: response.status, threw: true };
  return { status: response.status, ran: JSON.parse(row) };
}

/**
 * Server Actions on `next start`, registered inside the examples/nextjs e2e suite (it owns the one build and the
 * running app). `promoteMember` is used only by /admin; `archiveProject` by /dashboard, which members may open.
 */
export function serverActionTests(getApp: () => RunningApp, tokens: Personas) {
  it('finding: an action used only under /admin answers a POST on any path, even one without a page', async () => {
    const app = getApp();
    for (const pagePath of ['/', '/dashboard', '/kit', '/no-such-page']) {
      const result = await invoke(app, 'promoteMember', pagePath, tokens.admin);
      expect([pagePath, 'ran' in result && result.ran]).toEqual([pagePath, { promoted: 'target_1', by: 'user_admin' }]);
    }
  });

  it("finding: Next forwards it to /admin's worker through the proxy again, so the admin rule still refuses others", async () => {
    const app = getApp();
    const outcomes = [];
    for (const who of ['signedOut', 'user', 'nonAdmin', 'staleAdmin'] as const) {
      for (const pagePath of ['/', '/dashboard']) {
        const result = await invoke(app, 'promoteMember', pagePath, who === 'signedOut' ? null : tokens[who]);
        // Next turns the proxy's redirect or 404 on the forwarded request into a 200 with body {} and no result.
        outcomes.push([who, pagePath, result]);
      }
    }
    expect(outcomes.filter(([, , result]) => !('none' in (result as object)))).toEqual([]);
    // A client cannot skip the forwarding by claiming it already happened: the action is then not found at all.
    for (const [token, pagePath] of [
      [tokens.user, '/dashboard'],
      [null, '/'],
    ] as const) {
      const result = await invoke(app, 'promoteMember', pagePath, token, { 'x-action-forwarded': '1' });
      expect(result).toEqual({ status: 409, none: 'Server Action unavailable.' });
    }
  });

  it('protectAction: a member reaching an admin action (on a page the proxy lets them open) is refused', async () => {
    const app = getApp();
    expect(await invoke(getApp(), 'archiveProject', '/dashboard', tokens.user)).toEqual({ status: 500, threw: true });
    // Posted to the public home page, forwarded to /dashboard: refused by the action itself just the same.
    expect(await invoke(app, 'archiveProject', '/', tokens.nonAdmin)).toEqual({ status: 200, threw: true });
  });

  it('protectAction: an admin is allowed', async () => {
    expect(await invoke(getApp(), 'archiveProject', '/dashboard', tokens.admin)).toEqual({
      status: 200,
      ran: { archived: 'target_1', by: 'user_admin' },
    });
  });

  it("protectAction: a stale admin gets Clerk's reverification hint, and the retry after verifying runs", async () => {
    const first = await invoke(getApp(), 'archiveProject', '/dashboard', tokens.staleAdmin);
    // The value useReverification() inspects (with this very guard) before it opens the verification modal.
    expect('ran' in first && isReverificationHint(first.ran)).toBe(true);
    expect(first).toEqual({
      status: 200,
      ran: {
        clerk_error: {
          type: 'forbidden',
          reason: 'reverification-error',
          metadata: { reverification: { level: 'first_factor', afterMinutes: 10 } },
        },
      },
    });
    // After verification Clerk mints a token with a fresh `fva`; useReverification calls the action again.
    const retry = await invoke(getApp(), 'archiveProject', '/dashboard', tokens.admin);
    expect(retry).toEqual({ status: 200, ran: { archived: 'target_1', by: 'user_admin' } });
  });
}
