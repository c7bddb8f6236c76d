import { auth } from '@clerk/nextjs/server';

export default async function Dashboard() {
  const { userId } = await auth();
  return (
    <main data-page="dashboard">
      <h1>Dashboard</h1>
      <p>Signed in as {userId}</p>
    </main>
  );
}
