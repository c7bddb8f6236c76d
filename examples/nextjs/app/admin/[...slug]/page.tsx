import { requireAdmin } from '../guard';

export default async function AdminSection({ params }: { params: Promise<{ slug: string[] }> }) {
  await requireAdmin();
  const { slug } = await params;
  return (
    <main data-page="admin-slug">
      <h1>Admin: {slug.join(' / ')}</h1>
    </main>
  );
}
