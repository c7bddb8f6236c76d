export default async function AdminItem({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <main data-route="app/admin/[slug]/page.tsx">{slug}</main>;
}
