export default function Home() {
  return (
    <main data-page="home">
      <h1>Public home</h1>
      <p>
        <a href="/dashboard">Dashboard</a> · <a href="/admin">Admin</a>
      </p>
    </main>
  );
}
