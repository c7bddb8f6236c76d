import { requireSession } from 'clerk-session-kit/nextjs';
import { notFound } from 'next/navigation';

/** The second line of defence: even if a proxy matcher missed this page, a non-admin gets a 404. */
export async function requireAdmin() {
  const { session } = await requireSession({ role: 'org:admin' });
  if (!session) notFound();
  return session;
}
