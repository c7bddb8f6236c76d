import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Core 2 door: one plugin (Rolldown and Vite share the hook) that points the kit's ONE door to Clerk,
 * `src/clerk`, at Clerk Core 2, so the `core-2` build and the Core 2 test projects compile the same sources:
 *
 * - `@clerk/react` → `@clerk/clerk-react` (5); `@clerk/react/types` → `@clerk/shared/types` (v3, the types
 *   `@clerk/clerk-react` 5 itself is written against); `@clerk/react/errors` → `src/clerk/core-2/errors.ts`
 *   (Core 2's errors entry lacks the `ClerkAPIResponseError` class);
 * - a door file `src/clerk/X.ts` with a twin `src/clerk/core-2/X.ts` resolves to the twin (only `clerkCore.ts`);
 * - in tests (`external: false`) also the packages beside the door: `@clerk/clerk-js` → `@clerk/clerk-js-5`,
 *   `@clerk/nextjs` → `@clerk/nextjs-6`, and `@clerk/shared` from our own files → the v3 copy `@clerk/clerk-react`
 *   uses, so a test meets the same Clerk an app on Core 2 has.
 */
const root = path.resolve(import.meta.dirname, '..');
const door = path.join(root, 'src/clerk');
const twins = path.join(door, 'core-2');
const errors = path.join(twins, 'errors.ts');

/** Core 3 package → its Core 2 counterpart; the build renames the door's package only. */
const packages: Record<string, string> = {
  '@clerk/react': '@clerk/clerk-react',
  '@clerk/clerk-js': '@clerk/clerk-js-5',
  '@clerk/nextjs': '@clerk/nextjs-6',
};

/** Where `@clerk/clerk-react` 5 resolves its own `@clerk/shared` from. */
const clerkReact = createRequire(path.join(root, 'package.json')).resolve('@clerk/clerk-react');

/** Splits `@scope/name/sub/path` into the package name and the rest (`''` or `/sub/path`). */
function splitPackage(specifier: string): [string, string] {
  const parts = specifier.split('/');
  const name = parts.slice(0, 2).join('/');
  return [name, specifier.slice(name.length)];
}

/** Options of {@link clerkCore2}. */
export interface ClerkCore2Options {
  /** `true` for the library build: Clerk's packages stay imports by name; `false` resolves them (tests). */
  external: boolean;
}

interface ResolveContext {
  resolve(
    source: string,
    importer?: string,
    options?: { skipSelf?: boolean },
  ): Promise<{ id: string; external?: boolean | 'absolute' | 'relative' } | null>;
}

/** The plugin; see the file comment. Put it FIRST, before any plugin that marks `@clerk/*` external. */
export function clerkCore2({ external }: ClerkCore2Options) {
  return {
    name: 'csk:clerk-core-2',
    enforce: 'pre' as const,
    async resolveId(this: ResolveContext, source: string, importer: string | undefined) {
      if (!importer || importer.includes('/node_modules/')) return null;
      if (source === '@clerk/react/errors') return errors;
      if (source.startsWith('.')) {
        const resolved = await this.resolve(source, importer, { skipSelf: true });
        const file = resolved?.id.split('?')[0];
        if (!file || path.dirname(file) !== door) return resolved;
        const twin = path.join(twins, path.basename(file));
        return existsSync(twin) ? twin : resolved;
      }
      const [name, rest] = splitPackage(source);
      if (name === '@clerk/shared') {
        return external ? { id: source, external: true } : this.resolve(source, clerkReact, { skipSelf: true });
      }
      const target = packages[name];
      if (!target || (external && name !== '@clerk/react')) return null;
      const renamed = name === '@clerk/react' && rest === '/types' ? '@clerk/shared/types' : `${target}${rest}`;
      if (external) return { id: renamed, external: true };
      return this.resolve(renamed, renamed.startsWith('@clerk/shared') ? clerkReact : importer, { skipSelf: true });
    },
  };
}
