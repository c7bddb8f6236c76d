import { auth } from '@clerk/nextjs/server';
import { ArchiveButton } from './ArchiveButton';

export default async function Dashboard() {
  const { userId } = await auth();
  return (
    <main data-page="dashboard">
      <h1>Dashboard</h1>
      <p>Signed in as {userId}</p>
      <ArchiveButton projectId="proj_1" />
    </main>
  );
}
