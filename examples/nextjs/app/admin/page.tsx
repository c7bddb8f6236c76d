import { requireAdmin } from './guard';
import { PromoteButton } from './PromoteButton';

export default async function Admin() {
  const session = await requireAdmin();
  return (
    <main data-page="admin">
      <h1>Admin</h1>
      <p>Organization {session.orgSlug}</p>
      <PromoteButton memberId="user_member" />
    </main>
  );
}
