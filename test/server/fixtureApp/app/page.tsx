import { subscribe } from './actions';

// Every page and route names its own file: the tests read which route Next rendered from this marker.
export default function Home() {
  return (
    <main data-route="app/page.tsx">
      <form action={subscribe}>
        <button type="submit">Subscribe</button>
      </form>
    </main>
  );
}
