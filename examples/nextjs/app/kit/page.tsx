import { KitDemo } from './KitDemo';

export const metadata = { title: 'clerk-session-kit components (mock Clerk)' };

/** A public page that demos the kit's components against the mock Clerk: no Clerk account or network needed. */
export default function KitPage() {
  return (
    <main data-page="kit" style={{ maxWidth: 640, margin: '2rem auto', display: 'grid', gap: '1.5rem' }}>
      <h1>clerk-session-kit in a Next.js app</h1>
      <KitDemo />
    </main>
  );
}
