import { headers } from 'next/headers';

export async function GET() {
  // Echoes the forwarded header so tests can prove a client-sent copy never arrives.
  const forwardedUserId = (await headers()).get('x-user-id') || null;
  return Response.json({ public: true, forwardedUserId });
}
