import { purgeEverything } from '../actions';

// Admin page; its action lives in the shared module the public home page imports too.
export default function Admin() {
  return (
    <main data-route="app/admin/page.tsx">
      <form
        action={async () => {
          'use server';
          await purgeEverything();
        }}
      >
        <button type="submit">Purge</button>
      </form>
    </main>
  );
}
