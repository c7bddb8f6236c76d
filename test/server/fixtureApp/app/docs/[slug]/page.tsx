// Public dynamic page (publicRoutes: '/docs/*').
export default async function Doc({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <main data-route="app/docs/[slug]/page.tsx">{slug}</main>;
}
