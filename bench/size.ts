/**
 * Size bench: minified + gzipped bytes (esbuild --minify, gzip -9; 1 kB = 1000 B) of what an app ships for the
 * kit, next to the same measure of the anchors' session UI, with a guard per kit figure.
 *
 * Kit: each entry (`export * from 'clerk-session-kit/…'`) and each single export of the client entry
 * (`export { X } from 'clerk-session-kit'`), bundled from a fresh `npm run build` of `dist/` (skip the build with
 * CSK_SKIP_BUILD=1) with react, react-dom, @clerk/*, msw and next external; `dist/styles.css`.
 *
 * Guards (bench/size-guards.json): every entry, every component import and the CSS has a gzip figure it may not
 * exceed, each with the reason for its bytes. A change that adds bytes raises the figure in the same commit and
 * says why in `reason`; a measured figure without a guard, or a guard for nothing measured, fails too. The
 * headroom above the measured figure is explained in that file.
 *
 * Anchors (installed on demand into bench/anchors with `npm ci`, so they stay out of the kit's dependencies):
 * - Clerk's prebuilt UI as a browser loads it: @clerk/react injects `@clerk/ui/dist/ui.browser.js` (next to
 *   clerk-js, which the kit needs too, so it is counted on neither side); mounting <UserProfile/> or
 *   <UserButton/> then loads the chunks listed in that bundle's lazy `Promise.all([r.e(..)])` for the component,
 *   resolved to files through the bundle's own chunk-name map and hash. Counted with and without the
 *   `framework` chunk (Clerk's bundled React), since the kit's numbers exclude React.
 * - better-auth-ui's SessionsCard: `export { SessionsCard } from '@daveyplate/better-auth-ui'` bundled like the
 *   kit (react, react-dom, better-auth external); its stylesheet `@daveyplate/better-auth-ui/css` beside it.
 * Exits 1 when a guard is exceeded or missing (the numbers are printed either way).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const anchors = path.join(root, 'bench/anchors');
const KB = 1000;
const guardsFile = path.join(root, 'bench/size-guards.json');
/** gzip bytes a figure may reach, and why it is that large. */
type Guard = { gzip: number; reason: string };
const guards = (JSON.parse(readFileSync(guardsFile, 'utf8')) as { guards: Record<string, Guard> }).guards;

const gz = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} kB`;

// A guard compares against what the sources build to now, never a dist/ left from another checkout.
if (process.env.CSK_SKIP_BUILD !== '1')
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
if (!existsSync(path.join(dist, 'index.js')) || !existsSync(path.join(dist, 'styles.css'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const kitAlias = {
  'clerk-session-kit/core-2/headless': path.join(dist, 'core-2/headless/index.js'),
  'clerk-session-kit/core-2/testing': path.join(dist, 'core-2/testing/index.js'),
  'clerk-session-kit/core-2': path.join(dist, 'core-2/index.js'),
  'clerk-session-kit/headless': path.join(dist, 'headless/index.js'),
  'clerk-session-kit/nextjs': path.join(dist, 'nextjs/index.js'),
  'clerk-session-kit/testing': path.join(dist, 'testing/index.js'),
  'clerk-session-kit/locales': path.join(dist, 'locales/index.js'),
  'clerk-session-kit': path.join(dist, 'index.js'),
};
const peers = ['react', 'react/*', 'react-dom', 'react-dom/*', '@clerk/*', 'msw', 'msw/*', 'next', 'next/*'];

/** Files (relative to dist) statically imported, transitively, by one dist file. */
function importGraph(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const m of code.matchAll(/\bfrom\s*["'](\.[^"']+)["']/g)) {
      queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] as string)));
    }
  }
  return seen;
}

/** The dist file `index.js` re-exports `name` from. */
function exportFile(indexCode: string, name: string): string {
  for (const m of indexCode.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']\.\/([^"']+)["']/g)) {
    if ((m[1] as string).split(',').some((n) => n.trim().split(/\s+as\s+/)[0] === name)) return m[2] as string;
  }
  return 'index.js';
}

interface Bundle {
  min: number;
  gzip: number;
  modules: string[];
  code: string;
}

/** Bundles `source` (an ES module, resolved from `dir`) with esbuild and measures it. */
async function bundle(source: string, dir: string, external: string[], alias: Record<string, string> = {}) {
  const file = path.join(dir, `.size-entry-${process.pid}.mjs`);
  writeFileSync(file, source);
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      write: false,
      metafile: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
      external,
      alias,
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const output = Object.values(result.metafile.outputs)[0];
    const modules = Object.entries(output?.inputs ?? {})
      .filter(([, info]) => info.bytesInOutput > 0)
      .map(([name]) => name);
    return { min: code.length, gzip: gz(code), modules, code: new TextDecoder().decode(code) } satisfies Bundle;
  } finally {
    rmSync(file, { force: true });
  }
}

const rows: { name: string; min: number; gzip: number; guard?: Guard }[] = [];
const failures: string[] = [];
const guarded = new Set<string>();
/** A measured figure; `key` names its guard in bench/size-guards.json (info rows have none). */
const row = (name: string, min: number, gzip: number, key?: string) => {
  const guard = key ? guards[key] : undefined;
  rows.push({ name, min, gzip, ...(guard ? { guard } : {}) });
  if (!key) return;
  guarded.add(key);
  if (!guard) failures.push(`${key}: ${gzip} B gzip has no guard; add "${key}": { "gzip": ${gzip}, "reason": "…" }`);
  else if (!guard.reason.trim()) failures.push(`${key}: the guard has no reason`);
  else if (gzip > guard.gzip)
    failures.push(
      `${key}: ${gzip} B gzip > guard ${guard.gzip} B (+${gzip - guard.gzip} B); if the bytes are worth it, ` +
        'raise its "gzip" in bench/size-guards.json in this commit and say why in "reason"',
    );
};

// --- the kit -------------------------------------------------------------------------------------------------
const tmp = mkdtempSync(path.join(tmpdir(), 'csk-size-'));
const kitEntries: Record<string, number> = {};
try {
  // Every entry except styles.css (measured below), the Core 2 builds of the same sources included.
  for (const subpath of Object.keys(kitAlias).sort()) {
    const b = await bundle(`export * from '${subpath}';\n`, tmp, peers, kitAlias);
    kitEntries[subpath] = b.gzip;
    // Development warnings (src/core/devWarning.ts) sit behind `process.env.NODE_ENV !== 'production'`.
    if (b.code.includes('clerk-session-kit: ')) failures.push(`${subpath}: development warnings left in production`);
    row(`${subpath} (whole entry)`, b.min, b.gzip, subpath);
  }

  const indexCode = readFileSync(path.join(dist, 'index.js'), 'utf8');
  const exported = [...indexCode.matchAll(/export\s*\{([^}]*)\}/g)]
    .flatMap((m) => (m[1] as string).split(','))
    .map(
      (name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .pop() as string,
    )
    .filter(Boolean);
  // Components (and the provider); their `…DataAttributes` constants are data, not components.
  const components = exported.filter((name) => /^[A-Z]/.test(name) && !name.endsWith('DataAttributes')).sort();
  const componentNames = components.filter((name) => name !== 'SessionKitProvider');
  const modulesOf = new Map<string, string[]>();
  for (const name of components) {
    const b = await bundle(`export { ${name} } from 'clerk-session-kit';\n`, tmp, peers, kitAlias);
    modulesOf.set(name, b.modules);
    row(`{ ${name} }`, b.min, b.gzip, `{ ${name} }`);
    // Tree-shaking: a one-component import carries no other component, except those its own module imports
    // (SessionInfoCard renders a RevokeButton).
    const own = importGraph(exportFile(indexCode, name));
    const others = componentNames.filter(
      (other) =>
        other !== name &&
        b.modules.some((m) => m.endsWith(`components/${other}.js`)) &&
        !own.has(`components/${other}.js`),
    );
    if (others.length > 0) failures.push(`{ ${name} } pulls ${others.join(', ')}: not tree-shaken`);
    kitEntries[name] = b.gzip;
  }

  // Not guarded, to show where a component's bytes go: the modules every component carries (Clerk selector,
  // shared strings, button, notices, ...), bundled alone. A component's own code is roughly its size minus this.
  const [firstComponent, ...restComponents] = componentNames.map((name) => modulesOf.get(name) ?? []);
  const shared = (firstComponent ?? []).filter(
    (m) => m.includes('dist/') && restComponents.every((l) => l.includes(m)),
  );
  const sharedBundle = await bundle(
    shared.map((m, i) => `export * as m${i} from '${path.resolve(root, m)}';`).join('\n'),
    tmp,
    peers,
    kitAlias,
  );
  row(`shared by every component, ${shared.length} modules (info)`, sharedBundle.min, sharedBundle.gzip);

  // Not guarded: what one catalogue adds for an app that speaks that language.
  for (const locale of ['de', 'ar']) {
    const b = await bundle(`export { ${locale} } from 'clerk-session-kit/locales';\n`, tmp, peers, kitAlias);
    row(`{ ${locale} } from clerk-session-kit/locales (info)`, b.min, b.gzip);
  }

  const css = readFileSync(path.join(dist, 'styles.css'));
  row('clerk-session-kit/styles.css', css.length, gz(css), 'clerk-session-kit/styles.css');
  kitEntries.css = gz(css);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// --- anchors -------------------------------------------------------------------------------------------------
if (!existsSync(path.join(anchors, 'node_modules/@clerk/ui/dist/ui.browser.js'))) {
  console.log('installing the anchors (npm ci in bench/anchors)...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: anchors,
    stdio: 'inherit',
    timeout: 300_000,
  });
}

const anchorRows: { name: string; min: number; gzip: number; files?: string }[] = [];

// Clerk UI: the files a browser fetches for a component.
const uiDir = path.join(anchors, 'node_modules/@clerk/ui/dist');
const uiVersion = JSON.parse(readFileSync(path.join(anchors, 'node_modules/@clerk/ui/package.json'), 'utf8')).version;
const uiEntry = readFileSync(path.join(uiDir, 'ui.browser.js'), 'utf8');
const hash = uiEntry.match(/\.h=\(\)=>"([0-9a-f]+)"/)?.[1]?.slice(0, 6);
const nameMap = uiEntry.match(/\(\(\{([^}]*)\}\)\[e\]\|\|e\)\+"_ui_"/)?.[1];
if (!hash || !nameMap) throw new Error('ui.browser.js: chunk map not found (Clerk changed its bundle format)');
const chunkNames = new Map([...nameMap.matchAll(/(\d+):"([^"]+)"/g)].map((m) => [m[1] as string, m[2] as string]));
const chunkId = (name: string) => [...chunkNames].find(([, n]) => n === name)?.[0];
const chunkFile = (id: string) => `${chunkNames.get(id) ?? id}_ui_${hash}_${uiVersion}.js`;

/** Chunk ids of the lazy import that loads the component's own chunk. */
function lazyChunks(component: string): string[] {
  const id = chunkId(component);
  const lists = [...uiEntry.matchAll(/Promise\.all\(\[((?:\w\.e\(\d+\),?)+)\]\)/g)].map((m) =>
    [...(m[1] as string).matchAll(/\.e\((\d+)\)/g)].map((n) => n[1] as string),
  );
  const list = lists.find((ids) => ids.includes(id ?? '-'));
  if (!list) throw new Error(`ui.browser.js: no lazy import of ${component}`);
  return list;
}

function clerkUi(label: string, components: string[], withReact: boolean) {
  const ids = [...new Set(components.flatMap(lazyChunks))].filter(
    (id) => withReact || chunkNames.get(id) !== 'framework',
  );
  const files = ['ui.browser.js', ...ids.map(chunkFile)];
  let min = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(uiDir, file));
    min += bytes.length;
    gzip += gz(bytes);
  }
  anchorRows.push({
    name: label,
    min,
    gzip,
    files: files.map((f) => f.replace(`_ui_${hash}_${uiVersion}`, '')).join(' + '),
  });
  return gzip;
}

const clerkBoth = clerkUi(
  `@clerk/ui ${uiVersion} UserButton + UserProfile, excl. React`,
  ['userbutton', 'userprofile'],
  false,
);
const clerkProfile = clerkUi(`@clerk/ui ${uiVersion} UserProfile, excl. React`, ['userprofile'], false);
const clerkButton = clerkUi(`@clerk/ui ${uiVersion} UserButton, excl. React`, ['userbutton'], false);
clerkUi(
  `@clerk/ui ${uiVersion} UserButton + UserProfile, as loaded (incl. its React)`,
  ['userbutton', 'userprofile'],
  true,
);
const clerkJs = readFileSync(path.join(root, 'node_modules/@clerk/clerk-js/dist/clerk.browser.js'));
anchorRows.push({
  name: 'for reference: @clerk/clerk-js clerk.browser.js (loaded for the kit too)',
  min: clerkJs.length,
  gzip: gz(clerkJs),
});

const sessionsCard = await bundle("export { SessionsCard } from '@daveyplate/better-auth-ui';\n", anchors, [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'better-auth',
  'better-auth/*',
]);
const bauiVersion = JSON.parse(
  readFileSync(path.join(anchors, 'node_modules/@daveyplate/better-auth-ui/package.json'), 'utf8'),
).version;
anchorRows.push({
  name: `better-auth-ui ${bauiVersion} { SessionsCard }`,
  min: sessionsCard.min,
  gzip: sessionsCard.gzip,
});
const bauiCss = readFileSync(path.join(anchors, 'node_modules/@daveyplate/better-auth-ui/dist/style.css'));
anchorRows.push({ name: `better-auth-ui ${bauiVersion} css`, min: bauiCss.length, gzip: gz(bauiCss) });

// --- report --------------------------------------------------------------------------------------------------
const pad = (s: string, n: number) => s.padEnd(n);
for (const key of Object.keys(guards)) {
  if (!guarded.has(key)) failures.push(`${key}: guarded in bench/size-guards.json but not measured; remove it`);
}
console.log('\nclerk-session-kit (react, react-dom, @clerk/*, msw, next external; guard = gzip B it may reach)');
for (const r of rows) {
  const status = r.guard
    ? `${r.gzip <= r.guard.gzip ? 'ok' : 'OVER'} guard ${String(r.guard.gzip).padStart(5)} B (${r.guard.gzip - r.gzip} B left)`
    : '';
  console.log(`  ${pad(r.name, 50)} ${kb(r.min).padStart(10)} min ${kb(r.gzip).padStart(10)} gzip  ${status}`);
}
console.log('\nanchors');
for (const r of anchorRows) {
  console.log(`  ${pad(r.name, 72)} ${kb(r.min).padStart(10)} min ${kb(r.gzip).padStart(10)} gzip`);
  if (r.files) console.log(`      files: ${r.files}`);
}

const entry = kitEntries['clerk-session-kit'] ?? 0;
const ratio = (anchor: number, kit: number) => `${(anchor / kit).toFixed(1)}x`;
const kitWithCss = entry + (kitEntries.css ?? 0);
const sessionsLike = kitEntries.ActiveDevices;
console.log('\nratios (anchor gzip / kit gzip)');
console.log(`  Clerk UserButton + UserProfile (excl. React) / kit client entry + CSS: ${ratio(clerkBoth, kitWithCss)}`);
console.log(
  `  Clerk UserProfile (excl. React)              / kit client entry + CSS: ${ratio(clerkProfile, kitWithCss)}`,
);
console.log(
  `  Clerk UserButton (excl. React)               / kit client entry + CSS: ${ratio(clerkButton, kitWithCss)}`,
);
if (sessionsLike === undefined)
  console.log('  better-auth-ui SessionsCard / kit { ActiveDevices }: n/a (ActiveDevices is not exported yet)');
else {
  console.log(
    `  better-auth-ui SessionsCard                  / kit { ActiveDevices }:  ${ratio(sessionsCard.gzip, sessionsLike)}`,
  );
  const withCss = ratio(sessionsCard.gzip + gz(bauiCss), sessionsLike + (kitEntries.css ?? 0));
  console.log(`  better-auth-ui SessionsCard + its CSS        / kit { ActiveDevices } + CSS: ${withCss}`);
}

if (failures.length > 0) {
  console.error(`\nsize: ${failures.length} problem(s)\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nsize: every figure within its guard, every single-component import tree-shaken');
