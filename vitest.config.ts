import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { chromiumLaunch } from './test/chromium.ts';

/**
 * Every story as a test in Chromium. `storybook` runs play functions and axe; `visual` runs them again and
 * compares screenshots with the baselines in stories/__screenshots__ (see .storybook/visual.setup.ts).
 */
function storybookProject(name: string, setupFiles: string[] = []): TestProjectInlineConfiguration {
  return {
    plugins: [storybookTest({ configDir: '.storybook' })],
    optimizeDeps: {
      include: [
        'msw',
        'msw/browser',
        'msw-storybook-addon',
        'msw-storybook-addon/csf3',
        'react',
        'react-dom',
        'react-dom/client',
        '@clerk/react',
      ],
    },
    test: {
      name,
      setupFiles,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: chromiumLaunch() }),
        instances: [{ browser: 'chromium' }],
        viewport: { width: 900, height: 700 },
        // Same Chromium, same fonts, frozen clock: pixels are reproducible, so compare strictly. Pixelmatch's
        // default colour threshold (0.1) let a light-grey shape change on white pass unnoticed.
        expect: { toMatchScreenshot: { comparatorName: 'pixelmatch', comparatorOptions: { threshold: 0.01 } } },
      },
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/fidelity/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'smoke',
          environment: 'node',
          include: ['test/smoke/**/*.test.ts'],
          hookTimeout: 300_000,
          testTimeout: 300_000,
        },
      },
      storybookProject('storybook'),
      storybookProject('visual', ['.storybook/visual.setup.ts']),
      {
        // The packed tarball in fresh consumer apps (examples/*): install, type-check, build, open in Chromium.
        test: {
          name: 'consumers',
          environment: 'node',
          include: ['test/consumers/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
