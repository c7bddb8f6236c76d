import type { Plugin } from 'rolldown';
import { defineConfig, type UserConfig } from 'tsdown';
import { clerkCore2 } from './scripts/clerkCore2.ts';

/**
 * Library build. One ESM file per source module (`unbundle`), so a bundler that imports one component only
 * pulls that component's modules (package.json `sideEffects` lists CSS only). Every peer and runtime dependency
 * stays external. `.d.ts` next to each file.
 */

/** Entries that render or hold React state: they start with "use client" so RSC frameworks treat them as client. */
const clientEntries = new Set(['index.js', 'headless/index.js', 'testing/index.js', 'locales/index.js']);
const directive = /^\s*(['"])use client\1;?/;

/**
 * Puts `"use client"` first in the client entry files (the components' own modules keep theirs from the
 * source) and fails the build if a server-only file would carry it.
 */
function clientDirective(): Plugin {
  return {
    name: 'csk:use-client-entries',
    renderChunk(code, chunk) {
      const wanted = clientEntries.has(chunk.fileName);
      const has = directive.test(code);
      if ((chunk.fileName.startsWith('nextjs/') || chunk.fileName.startsWith('testing/server/')) && has) {
        this.error(`${chunk.fileName} is server code but starts with "use client"`);
      }
      if (wanted && !has) return { code: `'use client';\n${code}`, map: null };
      return null;
    },
  };
}

const shared = {
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  unbundle: true,
  dts: true,
  sourcemap: false,
  // The kit ships no CSS from JS: `styles.css` is compiled by the Tailwind CLI (npm run build:css).
  deps: {
    neverBundle: [/^react($|\/)/, /^react-dom($|\/)/, /^@clerk\//, /^next($|\/)/, /^msw($|\/)/],
  },
  plugins: [clientDirective()],
} satisfies UserConfig;

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      'headless/index': 'src/headless/index.ts',
      'nextjs/index': 'src/nextjs/index.ts',
      'testing/index': 'src/testing/index.ts',
      'testing/server/index': 'src/testing/server/index.ts',
      'locales/index': 'src/locales/index.ts',
    },
    outDir: 'dist',
    // Cleans dist/ (core-2/ included) once, before both builds.
    clean: true,
  },
  {
    // Clerk Core 2 (`@clerk/clerk-react` 5): the same client sources, the door pointed at Core 2 (see
    // scripts/clerkCore2.ts), into dist/core-2/. The nextjs, testing/server and locales entries serve both Cores
    // as they are.
    ...shared,
    entry: {
      index: 'src/index.ts',
      'headless/index': 'src/headless/index.ts',
      'testing/index': 'src/testing/index.ts',
    },
    outDir: 'dist/core-2',
    clean: false,
    // `@clerk/react` is not external by name here: the door plugin, first, renames it (and its subpaths).
    deps: {
      neverBundle: [...shared.deps.neverBundle.filter((re) => !re.test('@clerk/react')), /^@clerk\/(?!react($|\/))/],
    },
    inputOptions(options) {
      options.plugins = [clerkCore2({ external: true }), options.plugins];
    },
  },
]);
