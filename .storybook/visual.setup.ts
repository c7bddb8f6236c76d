import { afterEach, expect, vi } from 'vitest';
import { page } from 'vitest/browser';
import { SCENARIO_NOW } from '../src/testing/scenario';

/**
 * Visual regression for every story: after its play function (so dialogs, errors and pending states are part of
 * the picture), the canvas is compared with the baselines in `stories/__screenshots__/` in light and dark, and
 * right-to-left for component stories. Themes and direction are switched through the `dark` class and `dir` on
 * <html>, which is all the kit's CSS reads, so nothing re-renders between shots.
 *
 * Opt out per story with `parameters: { visual: { skip: 'why' } }`; a skip without a reason fails.
 */

interface VisualParameters {
  skip?: string | true;
}

// Pixels must not depend on the day: the clock stands at SCENARIO_NOW (timers still run), before any story file
// builds its scenarios, so every date and relative time reads as in the baselines.
vi.useFakeTimers({ toFake: ['Date'], now: SCENARIO_NOW });

// Pixels must not depend on timing: no animations, transitions or blinking carets.
const freeze = document.createElement('style');
freeze.textContent = `*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
html, body { height: 100vh; margin: 0; overflow: hidden; }`;
document.head.append(freeze);

afterEach(async (context) => {
  const story = (context as unknown as { story?: { parameters: { visual?: VisualParameters }; id: string } }).story;
  if (!story || context.task.result?.state === 'fail') return;
  const skip = story.parameters.visual?.skip;
  if (skip === true || skip === '') throw new Error(`${story.id}: visual.skip needs a reason.`);
  if (skip) return;
  await document.fonts.ready;
  const html = document.documentElement;
  const initial = { dark: html.classList.contains('dark'), dir: html.dir };
  const shots: [string, boolean, 'ltr' | 'rtl'][] = [
    ['light', false, 'ltr'],
    ['dark', true, 'ltr'],
  ];
  if (story.id.startsWith('components-')) shots.push(['rtl', false, 'rtl']);
  try {
    for (const [theme, dark, dir] of shots) {
      html.classList.toggle('dark', dark);
      html.dir = dir;
      // Every shot is the viewport, from the top, even when a play function scrolled a long list.
      html.scrollTop = 0;
      document.body.scrollTop = 0;
      await expect.element(page.elementLocator(document.body)).toMatchScreenshot(`${story.id}-${theme}`);
    }
  } finally {
    html.classList.toggle('dark', initial.dark);
    html.dir = initial.dir;
  }
});
