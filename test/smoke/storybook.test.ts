import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_FRONTEND_API } from '../../src/testing/createMockClerk';
import { chromiumLaunch } from '../chromium.ts';

/*
 * The static Storybook a team would publish (`npm run build-storybook`): every story in its index.json renders
 * in Chromium with no console error, no uncaught exception and no React warning.
 */
const outDir = join(process.cwd(), 'storybook-static');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let server: Server;
let browser: Browser;
let origin = '';

beforeAll(() => {
  execFileSync('npx', ['storybook', 'build', '--quiet', '-o', outDir], {
    stdio: 'inherit',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(outDir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // Browsers ask every host for a favicon; Storybook ships none at that path.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!file.startsWith(outDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise<void>((resolve) =>
    server.listen(0, 'localhost', async () => {
      origin = `http://localhost:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch(chromiumLaunch());
      resolve();
    }),
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const index = () =>
  JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as {
    entries: Record<string, { id: string; type: 'story' | 'docs'; title: string; name: string; tags?: string[] }>;
  };

describe('static Storybook', () => {
  it('renders every story with no console error or React warning', async () => {
    const stories = Object.values(index().entries).filter((entry) => entry.type === 'story');
    expect(stories.length).toBeGreaterThan(80);
    const problems: string[] = [];
    const page = await browser.newPage();
    let current = '';
    const loadErrorStories = new Set(
      stories.filter((story) => story.tags?.includes('clerk-load-error')).map((story) => story.id),
    );
    page.on('console', (message) => {
      const text = message.text();
      // Failure stories answer Clerk's API with errors on purpose; the browser logs those responses.
      if (message.location().url.startsWith(MOCK_FRONTEND_API)) return;
      // Stories where Clerk fails to load on purpose: Clerk's provider logs that failure itself, and only that.
      if (loadErrorStories.has(current) && text.startsWith('Error: ClerkJS: Something went wrong initializing Clerk.'))
        return;
      if (message.type() === 'error' || /Warning:|React does not recognize|Each child in a list/.test(text)) {
        problems.push(`${current}: console.${message.type()}: ${text} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => problems.push(`${current}: uncaught ${error.message}`));
    // One page; stories are switched through Storybook's own channel, as its UI does, which is much faster than
    // reloading the preview (and its mock service worker) for every story.
    const first = stories[0]?.id ?? '';
    await page.goto(`${origin}/iframe.html?id=${first}&viewMode=story`);
    for (const story of stories) {
      current = story.id;
      const phase = await page.evaluate(
        (storyId) =>
          new Promise<string>((resolve, reject) => {
            type Preview = { currentRender?: { id?: string; phase?: string } };
            type Channel = { emit(event: string, payload: unknown): void };
            const w = window as { __STORYBOOK_PREVIEW__?: Preview; __STORYBOOK_ADDONS_CHANNEL__?: Channel };
            const done = ['finished', 'completed', 'errored', 'aborted'];
            const started = Date.now();
            const poll = () => {
              const render = w.__STORYBOOK_PREVIEW__?.currentRender;
              if (render?.id === storyId && done.includes(render.phase ?? '')) resolve(render.phase ?? '');
              else if (Date.now() - started > 20_000) reject(new Error(`${storyId} did not finish rendering`));
              else setTimeout(poll, 20);
            };
            if (w.__STORYBOOK_PREVIEW__?.currentRender?.id !== storyId) {
              w.__STORYBOOK_ADDONS_CHANNEL__?.emit('setCurrentStory', { storyId, viewMode: 'story' });
            }
            poll();
          }),
        story.id,
      );
      if (phase !== 'finished' && phase !== 'completed') problems.push(`${story.id}: render phase ${phase}`);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);
});
