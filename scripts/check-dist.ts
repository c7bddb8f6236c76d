/**
 * Checks the built package (`npm run build` first) for what publint and attw cannot see:
 * 1. `"use client"` heads the client entries (`.`, `./headless`, `./testing`, `./locales`, and the `./core-2`
 *    three) and no file of the server entries (`./nextjs`, `./testing/server`);
 * 2. client and server code stay apart: the `./nextjs` import graph holds only nextjs/ and framework-free core/
 *    files, `./testing/server` only testing/server/ and the framework-free testing/offlineSession (Node built-ins
 *    and next/server its only imports), and no React/@clerk/react/client module,
 *    the client graphs hold no `next`/`@clerk/nextjs` import; every bare import is a peer (never bundled);
 *    each Core names only its own Clerk: the Core 3 graphs `@clerk/react`, the `./core-2` graphs (JS and
 *    `.d.ts`) `@clerk/clerk-react` and `@clerk/shared` and stay inside core-2/;
 * 3. a `.d.ts` next to every entry;
 * 4. tree-shaking: a bundle of `import { RevokeButton } from 'clerk-session-kit'` (and `/core-2`) pulls no other
 *    component;
 * 5. `dist/styles.css` cannot restyle the host: every rule either targets a kit class (a `csk:` utility or a
 *    `csk-` component class from kit.css) or only sets `--csk-*` variables; `@property` and `@keyframes` names
 *    are namespaced.
 * Exits non-zero with a list of problems.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { transform } from 'lightningcss';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const problems: string[] = [];
const fail = (message: string) => problems.push(message);

if (!existsSync(path.join(dist, 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const entries = {
  '.': 'index.js',
  './headless': 'headless/index.js',
  './nextjs': 'nextjs/index.js',
  './testing': 'testing/index.js',
  './testing/server': 'testing/server/index.js',
  './locales': 'locales/index.js',
  './core-2': 'core-2/index.js',
  './core-2/headless': 'core-2/headless/index.js',
  './core-2/testing': 'core-2/testing/index.js',
};
const clientEntries = [
  '.',
  './headless',
  './testing',
  './locales',
  './core-2',
  './core-2/headless',
  './core-2/testing',
];
const core2 = (subpath: string) => subpath.startsWith('./core-2');
const allowedFramework = [/^react$/, /^react\/jsx-runtime$/, /^react-dom(\/.*)?$/, /^msw(\/browser)?$/];
const allowedBare = [...allowedFramework, /^@clerk\/react(\/.*)?$/];
const allowedCore2Bare = [...allowedFramework, /^@clerk\/clerk-react(\/errors)?$/, /^@clerk\/shared\/(error|types)$/];
const allowedServerBare = [/^@clerk\/nextjs\/server$/, /^@clerk\/nextjs\/webhooks$/, /^next\/server$/];
// Offline mode's server half signs tokens with the project's key pair, kept in a file: Node built-ins only.
const allowedOfflineBare = [/^next\/server$/, /^node:(crypto|fs|path)$/];
/** Files a server entry may reach: its own folder, plus framework-free modules it shares with the client side. */
const serverFiles: Record<string, (file: string) => boolean> = {
  './nextjs': (file) => file.startsWith('nextjs/') || file.startsWith('core/'),
  './testing/server': (file) => file.startsWith('testing/server/') || file === 'testing/offlineSession.js',
};
const startsWithUseClient = (code: string) => /^(['"])use client\1;?/.test(code.trimStart());

/** Relative-import graph of one entry: files (relative to dist) and bare specifiers. */
function graph(entry: string) {
  const files = new Set<string>();
  const bare = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    // Comments go first: TSDoc examples mention `import ... from 'clerk-session-kit/nextjs'`.
    const code = readFileSync(path.join(dist, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    if (/\bsrc\/|\.tsx?["']/.test(code)) fail(`${file} refers to a source file`);
    const specifiers = [
      ...code.matchAll(/\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g),
      ...code.matchAll(/\bimport\s*["']([^"']+)["']/g),
      ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1] as string);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        if (!existsSync(path.join(dist, target))) fail(`${file} imports missing ${specifier}`);
        else queue.push(target);
      } else bare.set(specifier, file);
    }
  }
  return { files, bare };
}

for (const [subpath, file] of Object.entries(entries)) {
  const code = readFileSync(path.join(dist, file), 'utf8');
  const client = clientEntries.includes(subpath);
  if (client && !startsWithUseClient(code)) fail(`${file} (${subpath}) does not start with "use client"`);
  if (!existsSync(path.join(dist, file.replace(/\.js$/, '.d.ts')))) fail(`${file} has no .d.ts`);
  const { files, bare } = graph(file);
  for (const [specifier, from] of bare) {
    const allowed = !client
      ? subpath === './testing/server'
        ? allowedOfflineBare
        : allowedServerBare
      : core2(subpath)
        ? allowedCore2Bare
        : allowedBare;
    if (!allowed.some((re) => re.test(specifier))) {
      fail(`${subpath}: ${from} imports '${specifier}' (not allowed in a ${client ? 'client' : 'server'} entry)`);
    }
  }
  for (const member of files) {
    const memberCode = readFileSync(path.join(dist, member), 'utf8');
    if (client && (member.startsWith('nextjs/') || member.startsWith('testing/server/'))) {
      fail(`${subpath} reaches server file ${member}`);
    }
    if (core2(subpath) !== member.startsWith('core-2/')) fail(`${subpath} reaches ${member}, built for the other Core`);
    if (core2(subpath)) {
      const types = path.join(dist, member.replace(/\.js$/, '.d.ts'));
      if (existsSync(types) && /from\s*["']@clerk\/react/.test(readFileSync(types, 'utf8'))) {
        fail(`${member.replace(/\.js$/, '.d.ts')} names Core 3's @clerk/react`);
      }
    }
    if (!client) {
      // core/ (and testing/offlineSession) are framework-free modules both sides share; the checks below keep
      // them free of client code.
      if (!serverFiles[subpath]?.(member)) fail(`${subpath} reaches non-server file ${member}`);
      if (startsWithUseClient(memberCode)) fail(`${member} is server code but starts with "use client"`);
      if (/\b(useState|useEffect|createContext|jsx)\b/.test(memberCode)) fail(`${member} looks like client code`);
    }
  }
  console.log(
    `${subpath.padEnd(11)} ${String(files.size).padStart(3)} files, imports ${[...bare.keys()].sort().join(', ')}`,
  );
}

// 4. Tree-shaking: one component import must not pull the others, on either Core.
for (const entry of ['index.js', 'core-2/index.js']) await treeShake(entry);

async function treeShake(entry: string) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'csk-treeshake-'));
  try {
    const input = path.join(tmp, 'entry.js');
    writeFileSync(input, "export { RevokeButton } from 'clerk-session-kit';\n");
    const result = await build({
      entryPoints: [input],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      logLevel: 'silent',
      nodePaths: [],
      alias: { 'clerk-session-kit': path.join(dist, entry) },
      external: ['react', 'react/*', 'react-dom', 'react-dom/*', '@clerk/*'],
    });
    // Files esbuild read but dropped stay in metafile.inputs: count only those with bytes in the output.
    const output = Object.values(result.metafile.outputs)[0];
    const inputs = Object.entries(output?.inputs ?? {})
      .filter(([, info]) => info.bytesInOutput > 0)
      .map(([file]) => file);
    const others = inputs.filter((file) =>
      /components\/(SessionSwitcher|ActiveDevices|SignOutAllButton|SessionInfoCard)/.test(file),
    );
    if (!inputs.some((file) => file.endsWith('components/RevokeButton.js')))
      fail('tree-shake bundle lacks RevokeButton');
    if (others.length > 0) fail(`import { RevokeButton } also pulls ${others.join(', ')}`);
    console.log(`tree-shake  ${entry}: import { RevokeButton }: ${inputs.length} modules, no other component`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// 5. The stylesheet cannot restyle the host.
const cssFile = path.join(dist, 'styles.css');
if (!existsSync(cssFile)) fail('dist/styles.css is missing');
else {
  const stats = { scoped: 0, variablesOnly: 0, layers: new Set<string>() };
  type Selector = { type: string; name?: string }[];
  type Component = { type: string; name?: string; kind?: string; selectors?: Selector[] };
  // A kit class (`csk:` utility or `csk-` component class) on the subject or an ancestor (also inside
  // `:where()`/`:is()`, as `space-y-*` and `divide-*` emit).
  const kitClass = (name: string | undefined) => name?.startsWith('csk:') || name?.startsWith('csk-');
  const scoped = (selector: Selector): boolean =>
    (selector as Component[]).some(
      (c) =>
        (c.type === 'class' && kitClass(c.name)) ||
        (c.type === 'pseudo-class' && (c.kind === 'where' || c.kind === 'is') && (c.selectors ?? []).every(scoped)),
    );
  // The one non-variable declaration allowed outside kit classes: the dark theme's `color-scheme: dark`, on the
  // `.dark` / `[data-theme="dark"]` element the host itself marked dark (specificity 0 via :where, in @layer base).
  const themeRule = (selector: Selector) => JSON.stringify(selector).includes('"name":"dark"');
  const onlyKitVariables = (declarations: { property: string; value: { name?: string } }[], theme: boolean) =>
    declarations.every(
      (d) =>
        (d.property === 'custom' && d.value.name?.startsWith('--csk-')) || (theme && d.property === 'color-scheme'),
    );
  transform({
    filename: 'styles.css',
    code: readFileSync(cssFile),
    visitor: {
      Rule: {
        style(rule) {
          const { selectors, declarations } = rule.value;
          const all = [...(declarations?.declarations ?? []), ...(declarations?.importantDeclarations ?? [])];
          const unscoped = (selectors as Selector[]).filter((selector) => !scoped(selector));
          if (unscoped.length === 0) stats.scoped++;
          else if (onlyKitVariables(all as never, unscoped.every(themeRule))) stats.variablesOnly++;
          else fail(`styles.css: rule ${JSON.stringify(unscoped)} sets ${all.map((d) => d.property).join(', ')}`);
          return undefined;
        },
        property(rule) {
          if (!rule.value.name.startsWith('--csk-')) fail(`styles.css: @property ${rule.value.name}`);
          return undefined;
        },
        keyframes(rule) {
          const name = rule.value.name as { value: string };
          if (!name.value.startsWith('csk-')) fail(`styles.css: @keyframes ${name.value}`);
          return undefined;
        },
        'font-face'() {
          fail('styles.css: @font-face');
          return undefined;
        },
        import() {
          fail('styles.css: @import');
          return undefined;
        },
        'layer-block'(rule) {
          if (rule.value.name) stats.layers.add(rule.value.name.join('.'));
          return undefined;
        },
      },
    },
  });
  console.log(
    `styles.css  ${stats.scoped} rules on csk: / csk- classes, ${stats.variablesOnly} rules setting only --csk-* variables, layers ${[...stats.layers].join(', ')}`,
  );
}

if (problems.length > 0) {
  console.error(`\ncheck-dist: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('check-dist: ok');
