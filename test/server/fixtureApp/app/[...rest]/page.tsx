// A root catch-all that trusts the proxy: every path no other route claims lands here, signed in only.
export default async function CatchAll({ params }: { params: Promise<{ rest: string[] }> }) {
  const { rest } = await params;
  return <main data-route="app/[...rest]/page.tsx">{JSON.stringify(rest)}</main>;
}
