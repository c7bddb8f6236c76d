import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as kit from '../../src';
import type { DataAttributes } from '../../src/components/parts/dataAttributes';
import { MOCK_FRONTEND_API } from '../../src/testing/createMockClerk';
import { chromiumLaunch } from '../chromium.ts';

/*
 * The static Storybook a team would publish (`npm run build-storybook`): it opens on the Introduction page, and
 * every story in its index.json renders in Chromium (play function included) with no console error, no uncaught
 * exception, no React warning and no warning of the kit's, and with only the `data-slot` / `data-state` values
 * the components document (`…DataAttributes` exports), each of which some story renders.
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

/** Installed in the preview page: every `data-slot|data-state` pair an element carries, transient ones too. */
function recordDataAttributes() {
  const seen = new Set<string>();
  (window as { __dataAttributes?: Set<string> }).__dataAttributes = seen;
  const add = (slot: string | null, state: string | null) => {
    if (slot !== null || state !== null) seen.add(`${slot ?? ''}|${state ?? ''}`);
  };
  const addTree = (root: Element) => {
    for (const element of [root, ...root.querySelectorAll('[data-slot], [data-state]')])
      add(element.getAttribute('data-slot'), element.getAttribute('data-state'));
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) if (node instanceof Element) addTree(node);
        continue;
      }
      const element = record.target as Element;
      const slot = element.getAttribute('data-slot');
      const state = element.getAttribute('data-state');
      // The value it had before this change, which a later change in the same task may have replaced.
      if (record.attributeName === 'data-state') add(slot, record.oldValue);
      else add(record.oldValue, state);
      add(slot, state);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ['data-slot', 'data-state'],
  });
}

/** Stories whose render logged an error or a React warning, or did not finish. */
const problems: string[] = [];
/** `slot|state` → the stories that rendered it. */
const rendered = new Map<string, string[]>();
let storyCount = 0;

/** Shows every story in turn in one preview page, as Storybook's UI does, recording problems and attributes. */
async function visitEveryStory() {
  const stories = Object.values(index().entries).filter((entry) => entry.type === 'story');
  storyCount = stories.length;
  const page = await browser.newPage();
  await page.addInitScript(recordDataAttributes);
  let current = '';
  const tagged = (tag: string) =>
    new Set(stories.filter((story) => story.tags?.includes(tag)).map((story) => story.id));
  const loadErrorStories = tagged('clerk-load-error');
  // Stories that show on purpose what the kit's development warnings are about, and may log those.
  const kitWarningStories = tagged('kit-warning');
  page.on('console', (message) => {
    const text = message.text();
    // Failure stories answer Clerk's API with errors on purpose; the browser logs those responses.
    if (message.location().url.startsWith(MOCK_FRONTEND_API)) return;
    // Stories where Clerk fails to load on purpose: Clerk's provider logs that failure itself, and only that.
    if (loadErrorStories.has(current) && text.startsWith('Error: ClerkJS: Something went wrong initializing Clerk.'))
      return;
    // The kit's own development warnings (src/core/devWarning.ts) mean a story uses it wrongly, unless it shows that.
    const kitWarning = text.startsWith('clerk-session-kit:') && !kitWarningStories.has(current);
    if (
      kitWarning ||
      message.type() === 'error' ||
      /Warning:|React does not recognize|Each child in a list/.test(text)
    ) {
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
    const { phase, pairs } = await page.evaluate(
      (storyId) =>
        new Promise<{ phase: string; pairs: string[] }>((resolve, reject) => {
          type Preview = { currentRender?: { id?: string; phase?: string } };
          type Channel = { emit(event: string, payload: unknown): void };
          const w = window as {
            __STORYBOOK_PREVIEW__?: Preview;
            __STORYBOOK_ADDONS_CHANNEL__?: Channel;
            __dataAttributes?: Set<string>;
          };
          const done = ['finished', 'completed', 'errored', 'aborted'];
          const started = Date.now();
          const poll = () => {
            const render = w.__STORYBOOK_PREVIEW__?.currentRender;
            if (render?.id === storyId && done.includes(render.phase ?? '')) {
              const pairs = [...(w.__dataAttributes ?? [])];
              w.__dataAttributes?.clear();
              resolve({ phase: render.phase ?? '', pairs });
            } else if (Date.now() - started > 20_000) reject(new Error(`${storyId} did not finish rendering`));
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
    for (const pair of pairs) rendered.set(pair, [...(rendered.get(pair) ?? []), story.id]);
  }
  await page.close();
}

/** Every documented `slot|state` pair, and `slot|` for each slot (an element with no state to report). */
function documented(): Set<string> {
  const pairs = new Set<string>();
  for (const [name, value] of Object.entries(kit)) {
    if (!name.endsWith('DataAttributes')) continue;
    for (const [slot, states] of Object.entries(value as DataAttributes)) {
      pairs.add(`${slot}|`);
      for (const state of states) pairs.add(`${slot}|${state}`);
    }
  }
  return pairs;
}

/**
 * Rendered but not the kit's to document, each with the reason. Remove an entry when the reason goes away.
 * - `mock-reverification`: the mock Clerk's stand-in for Clerk's own "verify it's you" modal (`/testing`).
 */
const NOT_DOCUMENTED = new Set(['mock-reverification|']);

describe('static Storybook', () => {
  beforeAll(visitEveryStory, 300_000);

  it('opens on the Introduction page, which renders its live story with no console error and passes axe', async () => {
    const entries = Object.values(index().entries);
    expect(entries[0]).toMatchObject({ id: 'introduction--docs', type: 'docs' });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/iframe.html?id=introduction--docs&viewMode=docs`);
    const docs = page.locator('#storybook-docs');
    // The live themed story: the mock Clerk's signed-in user, restyled when another theme is picked.
    await docs.getByRole('heading', { level: 2, name: 'Ada Lovelace' }).waitFor();
    const card = docs.getByRole('region', { name: 'Ada Lovelace' });
    const radius = () => card.evaluate((element) => getComputedStyle(element).borderTopLeftRadius);
    expect(await radius()).not.toBe('0px');
    await docs.getByRole('radio', { name: 'Square and plain' }).check();
    expect(await radius()).toBe('0px');
    expect(await docs.getByRole('cell', { name: '--csk-primary', exact: true }).count()).toBe(1);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(context: Element): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      const { violations } = await axe.run(document.querySelector('#storybook-docs') as Element);
      return violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    });
    await page.close();
    expect({ errors, violations }).toEqual({ errors: [], violations: [] });
  });

  it('renders every story with no console error or React warning', () => {
    expect(storyCount).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });

  it('renders only documented data-slot / data-state values, and every documented one', () => {
    const known = documented();
    const undocumented = [...rendered]
      .filter(([pair]) => !known.has(pair) && !NOT_DOCUMENTED.has(pair))
      .map(([pair, stories]) => `${pair} (in ${stories.slice(0, 3).join(', ')})`);
    const neverRendered = [...known].filter((pair) => !rendered.has(pair) && !pair.endsWith('|'));
    const slotsNeverRendered = [...known]
      .filter((pair) => pair.endsWith('|'))
      .map((pair) => pair.slice(0, -1))
      .filter((slot) => ![...rendered.keys()].some((pair) => pair.startsWith(`${slot}|`)));
    expect({ undocumented, neverRendered, slotsNeverRendered }).toEqual({
      undocumented: [],
      neverRendered: [],
      slotsNeverRendered: [],
    });
  });
});
