import { requireSession } from 'clerk-session-kit/nextjs';
import { headers } from 'next/headers';

export async function GET() {
  const { session, response } = await requireSession();
  if (!session) return response;
  const forwardedUserId = (await headers()).get('x-user-id');
  return Response.json({ secret: 'me', forwardedUserId, userId: session.userId });
}
