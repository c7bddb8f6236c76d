import { requireAdmin } from './guard';

export default async function Admin() {
  const session = await requireAdmin();
  return (
    <main data-page="admin">
      <h1>Admin</h1>
      <p>Organization {session.orgSlug}</p>
    </main>
  );
}
