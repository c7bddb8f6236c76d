/**
 * Throws when offline mode must not run: always with live Clerk keys, and in a production build
 * (`NODE_ENV=production`: `next build`, `next start`) unless `CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD=1` says it is
 * an end-to-end test of a build that is never deployed. Offline mode signs anyone in as anyone.
 * @throws {Error} naming the reason and the fix.
 */
export function assertOfflineAllowed(): void {
  const keys = [process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY, process.env.CLERK_SECRET_KEY];
  if (keys.some((key) => /^(pk|sk)_live_/.test(key ?? ''))) {
    throw new Error(
      'clerk-session-kit offline mode refuses to run with a production Clerk instance (pk_live_/sk_live_ keys): it signs anyone in as anyone. Use the offline development keys from the README.',
    );
  }
  // Next.js inlines NODE_ENV into its bundles: 'production' in every `next build`, and so under `next start`.
  if (process.env.NODE_ENV === 'production' && process.env.CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD !== '1') {
    throw new Error(
      'clerk-session-kit offline mode refuses to run in a production build (NODE_ENV=production: next build, next start): it signs anyone in as anyone. Leave NEXT_PUBLIC_CLERK_OFFLINE unset for builds you deploy; only an end-to-end test of a build that is never deployed may set CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD=1.',
    );
  }
}
