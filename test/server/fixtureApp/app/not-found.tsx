export default function NotFound() {
  return <main data-route="app/not-found.tsx">Not found</main>;
}
