export function GET() {
  return Response.json({ route: 'app/api/public/route.ts' });
}
