import path from 'node:path';
import type { NextConfig } from 'next';

// The fixture runs against the kit's source and the repository's node_modules, without an install of its own.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
// One extra build (distDir .next-base) covers basePath and trailingSlash together; see helpers/fixtureApp.ts.
const basePath = process.env.FIXTURE_BASE_PATH;

const config: NextConfig = {
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  // `npm run typecheck` checks these files with the repository's tsconfig; a second check here only costs build time.
  typescript: { ignoreBuildErrors: true },
  ...(basePath ? { basePath, trailingSlash: true, distDir: '.next-base' } : {}),
};

export default config;
