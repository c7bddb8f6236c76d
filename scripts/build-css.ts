/**
 * Compiles `dist/styles.css`: the kit's Tailwind v4 stylesheet (`src/styles/kit.css`) reduced to the classes the
 * components use, then namespaced so nothing in it can touch the host app:
 * - utilities carry the `csk:` prefix and theme tokens are `--csk-*` (both from `kit.css`);
 * - Tailwind's internal `--tw-*` variables (and their `@property` registrations) become `--csk-tw-*`, so a host
 *   on Tailwind v3/v4 keeps its own;
 * - `@keyframes spin|pulse` become `csk-spin|csk-pulse`, so a host's own keyframes of those names win.
 * `scripts/check-dist.ts` verifies the result.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/styles.css');
const raw = path.join(root, 'dist/.styles.raw.css');
mkdirSync(path.dirname(out), { recursive: true });

// cwd = src/components: Tailwind's automatic source detection then sees the components only (not stories).
const cli = path.join(root, 'node_modules/@tailwindcss/cli/dist/index.mjs');
execFileSync(process.execPath, [cli, '--cwd', 'src/components', '-i', '../styles/kit.css', '-o', raw, '--minify'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  timeout: 60_000,
});

let css = readFileSync(raw, 'utf8');
rmSync(raw);

css = css.replaceAll('--tw-', '--csk-tw-');
const keyframes = [...css.matchAll(/@keyframes\s+([\w-]+)/g)].map((m) => m[1] as string);
for (const name of new Set(keyframes)) {
  if (name.startsWith('csk-')) continue;
  const word = new RegExp(`(?<![\\w-])${name}(?![\\w-])`, 'g');
  css = css.replace(new RegExp(`@keyframes\\s+${name}(?![\\w-])`, 'g'), `@keyframes csk-${name}`);
  // References: `animation`, `animation-name` and the `--csk-animate-*` tokens that feed them.
  css = css.replace(/((?:animation|animation-name|--csk-animate-[\w-]+)\s*:)([^;}]*)/g, (_m, prop, value) => {
    return prop + String(value).replace(word, `csk-${name}`);
  });
}

writeFileSync(out, css);
console.log(`dist/styles.css ${css.length} bytes`);
