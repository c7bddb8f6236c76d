import path from 'node:path';
import type { NextConfig } from 'next';

// The example runs against the kit's source and the repository's node_modules, without an install of its own.
const repoRoot = path.resolve(import.meta.dirname, '../..');

const config: NextConfig = {
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
};

export default config;
