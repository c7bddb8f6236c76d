// Signed-in dynamic page.
export default async function Project({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <main data-route="app/projects/[slug]/page.tsx">{slug}</main>;
}
