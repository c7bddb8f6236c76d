/**
 * The middleware a user writes by hand without the preset, as Clerk's docs show it: `clerkMiddleware` with
 * `createRouteMatcher` groups and `await auth()`, answering like the preset (sign-in redirect with redirect_url,
 * 401/403 JSON for APIs, 404 for admin pages, re-verification, forwarded user id). The benchmark's baseline.
 */
import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';
import { NextResponse } from 'next/server';

const isPublic = createRouteMatcher(['/', '/api/public', '/sign-in(.*)', '/sign-up(.*)']);
const isAdmin = createRouteMatcher(['/admin(.*)', '/api/admin(.*)']);
const isApi = createRouteMatcher(['/api(.*)', '/trpc(.*)']);

const json = (status: number, code: string) =>
  NextResponse.json({ error: { code, message: code } }, { status, headers: { 'Cache-Control': 'no-store' } });

export function classicMiddleware(jwtKey: string) {
  return clerkMiddleware(
    async (auth, request) => {
      const { userId, has } = await auth({ treatPendingAsSignedOut: true });
      const headers = new Headers(request.headers);
      headers.delete('x-user-id');
      if (isPublic(request)) {
        if (userId) headers.set('x-user-id', userId);
        return NextResponse.next({ request: { headers } });
      }
      const api = isApi(request);
      if (!userId) {
        if (api) return json(401, 'unauthenticated');
        const signIn = new URL('/sign-in', request.url);
        signIn.searchParams.set('redirect_url', request.url);
        return NextResponse.redirect(signIn, 307);
      }
      if (isAdmin(request)) {
        if (!has({ role: 'org:admin' }))
          return api ? json(403, 'forbidden') : new NextResponse('Not Found', { status: 404 });
        if (!has({ reverification: { level: 'first_factor', afterMinutes: 10 } })) {
          if (api) return json(403, 'reverification_required');
          const reverify = new URL('/reverify', request.url);
          reverify.searchParams.set('redirect_url', request.url);
          return NextResponse.redirect(reverify, 307);
        }
      }
      headers.set('x-user-id', userId);
      return NextResponse.next({ request: { headers } });
    },
    { jwtKey },
  );
}
