import { requireSession } from 'clerk-session-kit/nextjs';

export async function GET() {
  const { session, response } = await requireSession({ role: 'org:admin', maxAuthAge: { afterMinutes: 10 } });
  if (!session) return response;
  return Response.json({ secret: 'admin', userId: session.userId, orgRole: session.orgRole });
}
