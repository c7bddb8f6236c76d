// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCsf } from 'storybook/internal/csf-tools';
import { expect, it } from 'vitest';

/*
 * Nothing is silently left out of visual regression: every story has a baseline per theme (light, dark, and rtl
 * for components), a story without one must say why in `parameters.visual.skip`, and no baseline is orphaned.
 */
const storiesDir = join(process.cwd(), 'stories');
const shotsDir = join(storiesDir, '__screenshots__');

function expectedShots(): string[] {
  const expected: string[] = [];
  for (const file of readdirSync(storiesDir).filter((name) => name.endsWith('.stories.tsx'))) {
    const code = readFileSync(join(storiesDir, file), 'utf8');
    const csf = loadCsf(code, { fileName: file, makeTitle: (title) => title ?? file }).parse();
    for (const [exportName, story] of Object.entries(csf._stories)) {
      const statement = csf._storyStatements[exportName] as { start?: number | null; end?: number | null } | undefined;
      const source = code.slice(statement?.start ?? 0, statement?.end ?? 0);
      if (/visual:\s*\{\s*skip:\s*['"`]\S/.test(source)) continue; // opted out, with a reason
      const themes = story.id.startsWith('components-') ? ['light', 'dark', 'rtl'] : ['light', 'dark'];
      // Vitest folds repeated dashes in screenshot names: "components-x--story" becomes "components-x-story".
      for (const theme of themes) expected.push(`${file}/${story.id}-${theme}-chromium-linux.png`.replace(/-+/g, '-'));
    }
  }
  return expected.sort();
}

function baselines(): string[] {
  return readdirSync(shotsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(join(shotsDir, dir.name)).map((name) => `${dir.name}/${name}`))
    .filter((name) => name.endsWith('-chromium-linux.png'))
    .sort();
}

it('has exactly one baseline per story and theme', () => {
  const expected = expectedShots();
  expect(expected.length).toBeGreaterThan(200);
  expect(baselines()).toEqual(expected);
});
