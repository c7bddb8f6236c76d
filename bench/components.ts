import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import { build, createServer, type PreviewServer, preview, type ViteDevServer } from 'vite';
import { chromiumLaunch } from '../test/chromium.ts';

/**
 * Component bench, measured in Chromium: mount time of SessionSwitcher and ActiveDevices with 100 entries, each
 * also as a ratio to a floor mounted in the same run (the plainest list of the same rows, `ul > li > button`;
 * goal: within 3x), and how many UNAFFECTED rows re-render when one row changes state or Clerk emits an
 * unrelated update (goal: 0, which fails the bench otherwise).
 *
 * React runs its production build, as in an app users see (`BENCH_REACT=development` measures the development
 * build through Vite's dev server instead).
 */
export async function benchComponents(): Promise<{ rows: [string, number][]; failures: string[] }> {
  const root = fileURLToPath(new URL('./components', import.meta.url));
  const plugins = [react(), tailwindcss()];
  const outDir = mkdtempSync(path.join(tmpdir(), 'csk-bench-'));
  let server: ViteDevServer | PreviewServer;
  if (process.env.BENCH_REACT === 'development') {
    server = await createServer({ root, configFile: false, logLevel: 'error', plugins, server: { port: 0 } });
    await server.listen();
  } else {
    await build({ root, configFile: false, logLevel: 'error', plugins, build: { outDir, emptyOutDir: true } });
    server = await preview({ root, configFile: false, logLevel: 'error', build: { outDir }, preview: { port: 0 } });
  }
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch(chromiumLaunch());
  try {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/`);
    const results = await page.evaluate(() => window.__bench, undefined, { timeout: 120_000 } as never);
    const rows = Object.entries(results as Record<string, number>);
    const failures = rows
      .filter(([name, value]) => name.includes('re-rendered') && value !== 0)
      .map(([name, value]) => `${name}: ${value} (goal 0)`);
    return { rows, failures };
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, failures } = await benchComponents();
  console.log(`React ${process.env.BENCH_REACT === 'development' ? 'development' : 'production'} build`);
  for (const [name, value] of rows) {
    const shown = name.includes('ratio') ? `${value.toFixed(1)}x` : Number.isInteger(value) ? value : value.toFixed(1);
    console.log(`${name.padEnd(86)} ${shown}`);
  }
  if (failures.length) {
    console.error(`over budget:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}
