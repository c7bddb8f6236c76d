import { auth } from '@clerk/nextjs/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

/** Where a signed-in visitor goes back to: `redirect_url` on this host only (it comes from the address bar). */
function sameHostPath(redirectUrl: string | undefined, host: string | null): string {
  try {
    const target = new URL(redirectUrl ?? '/', `http://${host}`);
    return target.host === host ? `${target.pathname}${target.search}` : '/';
  } catch {
    return '/';
  }
}

/**
 * A signed-in visitor goes back where it came from, as Clerk's `<SignIn />` sends it: offline, the mock Clerk
 * signs its user in on a first visit after the server sent the browser here, and the refresh that follows lands
 * here signed in.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ redirect_url?: string }> }) {
  if ((await auth()).userId) redirect(sameHostPath((await searchParams).redirect_url, (await headers()).get('host')));
  return (
    <main data-page="sign-in">
      <h1>Sign in</h1>
      <p>A real app renders Clerk&apos;s &lt;SignIn /&gt; here.</p>
    </main>
  );
}
