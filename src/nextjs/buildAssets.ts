/**
 * Requests for Next's build assets (`/_next/static/…`). Next serves a file that exists only after the proxy ran,
 * and renders the app's dynamic routes (a root `[...rest]`) for one that does not, so the proxy must see these
 * requests and answer the missing ones itself.
 * @module
 */

const BUILD_ASSET = /^\/_next\/static\//;

interface FsLike {
  statSync(path: string, options: { throwIfNoEntry: false }): { isFile(): boolean; isDirectory(): boolean } | undefined;
}
interface PathLike {
  join(...parts: string[]): string;
}

/** Where this server's build assets live, found once; null when the runtime cannot read files (Edge). */
function staticDir(): { fs: FsLike; path: PathLike; dir: string } | null {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const fs = getBuiltin?.('node:fs') as FsLike | undefined;
  const path = getBuiltin?.('node:path') as PathLike | undefined;
  if (!fs || !path) return null;
  // `next start` and standalone servers run from the app directory; distDir is `.next` unless configured.
  const distDir = process.env.__NEXT_RELATIVE_DIST_DIR || '.next';
  const dir = path.join(process.cwd(), distDir, 'static');
  return fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? { fs, path, dir } : null;
}

/**
 * Decides a request under `/_next/static/`: `'asset'` when it names a build file this server has, `'missing'` when
 * it does not (or names it in a spelling no file has), `null` when the path is not a build asset or the server's
 * files cannot be read (a platform that serves them before the proxy, e.g. from a CDN).
 */
export function createBuildAssetCheck(): (pathname: string) => 'asset' | 'missing' | null {
  let assets: ReturnType<typeof staticDir> | undefined;
  return (pathname) => {
    if (!BUILD_ASSET.test(pathname)) return null;
    // Looked up once: `undefined` is "not yet", null is "cannot read files here".
    if (assets === undefined) assets = staticDir();
    if (!assets) return null;
    // Next serves `/_next/static/chunks/%5Bslug%5D.js` from `chunks/[slug].js`: segments are decoded one by one,
    // and one that decodes to a separator or a dot segment is never a file of the build.
    const segments: string[] = [];
    for (const raw of pathname.slice('/_next/static/'.length).split('/')) {
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return 'missing';
      }
      if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return 'missing';
      segments.push(segment);
    }
    return assets.fs.statSync(assets.path.join(assets.dir, ...segments), { throwIfNoEntry: false })?.isFile()
      ? 'asset'
      : 'missing';
  };
}
