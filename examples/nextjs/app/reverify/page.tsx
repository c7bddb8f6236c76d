export default function Reverify() {
  return (
    <main data-page="reverify">
      <h1>Confirm it is you</h1>
      <p>A real app runs Clerk re-verification here (useReverification) and returns to redirect_url.</p>
    </main>
  );
}
