import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { chromiumLaunch } from '../test/chromium.ts';

/**
 * Component bench, measured in Chromium: mount time of SessionSwitcher and ActiveDevices with 100 entries, and
 * how many UNAFFECTED rows re-render when one row changes state or Clerk emits an unrelated update.
 * Goal: 0 re-renders of unaffected rows.
 */
export async function benchComponents(): Promise<{ rows: [string, number][]; failures: string[] }> {
  const server = await createServer({
    root: fileURLToPath(new URL('./components', import.meta.url)),
    configFile: false,
    logLevel: 'error',
    plugins: [react(), tailwindcss()],
    server: { host: 'localhost', port: 0 },
  });
  await server.listen();
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
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, failures } = await benchComponents();
  for (const [name, value] of rows)
    console.log(`${name.padEnd(80)} ${Number.isInteger(value) ? value : value.toFixed(1)}`);
  if (failures.length) {
    console.error(`over budget:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}
