// Signed-in page with nothing dynamic in it: Next prerenders it and serves it from its cache.
export default function Reports() {
  return <main data-route="app/reports/page.tsx">Quarterly numbers</main>;
}
