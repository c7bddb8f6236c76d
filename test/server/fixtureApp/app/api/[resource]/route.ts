// A dynamic API beside a static one, trusting the proxy: signed in only.
export async function GET(_request: Request, { params }: { params: Promise<{ resource: string }> }) {
  const { resource } = await params;
  return Response.json({ route: 'app/api/[resource]/route.ts', resource, secret: true });
}
