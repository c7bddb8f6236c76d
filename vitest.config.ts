import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { clerkCore2 } from './scripts/clerkCore2.ts';
import { chromiumLaunch } from './test/chromium.ts';

/**
 * Suites that run on both Clerk Cores. The Core 2 twin of a project resolves the door (and Clerk's packages in
 * the tests) to Core 2, `@clerk/clerk-react` 5 and clerk-js 5 (scripts/clerkCore2.ts): same tests, other Clerk.
 */
function onCore(core: 2 | 3, project: TestProjectInlineConfiguration): TestProjectInlineConfiguration {
  if (core === 3) return project;
  return {
    ...project,
    plugins: [clerkCore2({ external: false }), ...(project.plugins ?? [])],
    test: {
      ...project.test,
      name: `${project.test?.name}:core-2`,
      // Real clerk-js for the fidelity suite (test/fidelity/realClerk.ts loads its bundle by path).
      env: { ...project.test?.env, CSK_CLERK_JS: '@clerk/clerk-js-5' },
      exclude: [...configDefaults.exclude, ...CORE_3_ONLY],
    },
  };
}

/**
 * Files not run again on Core 2: src/core names no Clerk package (the layer rule), nor does the Redis limiter;
 * the mock's contract suites state what Core 3's hooks see of the mock (re-render on every emit,
 * `skipInitialEmit`): on Core 2 the mock's judge is test/fidelity, against real clerk-js 5, which states where
 * Core 2's hooks see otherwise; the real `next start` suites build a Core 3 app (the Core 2 consumer app is a
 * real Next app on @clerk/nextjs 6).
 */
const CORE_3_ONLY = [
  'test/unit/core/**',
  'test/unit/testing/{operations,rerender,failures,scenarios}.test.tsx',
  'test/server/redis/**',
  'test/server/nextjs/nextStart.e2e.test.ts',
  'test/server/offline/offlineApp.e2e.test.ts',
];

const server: TestProjectInlineConfiguration = {
  test: {
    name: 'server',
    environment: 'node',
    include: ['test/server/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
};

const unit: TestProjectInlineConfiguration = {
  plugins: [react()],
  test: {
    name: 'unit',
    environment: 'happy-dom',
    setupFiles: ['test/unit/cleanup.ts'],
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/fidelity/**/*.test.{ts,tsx}'],
  },
};

/**
 * Every story as a test in Chromium. `storybook` runs play functions and axe; `visual` runs them again and
 * compares screenshots with the baselines in stories/__screenshots__ (see .storybook/visual.setup.ts).
 */
function storybookProject(
  name: string,
  setupFiles: string[] = [],
  excludeTags: string[] = [],
): TestProjectInlineConfiguration {
  return {
    plugins: [storybookTest({ configDir: '.storybook', tags: { exclude: excludeTags } })],
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
        '@clerk/react/errors',
        // The Core 2 project's door (see onCore).
        '@clerk/clerk-react',
        '@clerk/clerk-react/errors',
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
      onCore(3, unit),
      onCore(2, unit),
      onCore(3, server),
      onCore(2, server),
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
      // Core 2 allows one mounted <ClerkProvider> per page: stories tagged 'several-providers' (two tabs of one
      // app, each with its own Clerk) cannot run there, and run on Core 3 only.
      onCore(2, storybookProject('storybook', [], ['several-providers'])),
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
