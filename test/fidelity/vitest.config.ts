import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Standalone copy of the root `unit` project for the fidelity suite alone, so it runs even while the root
 * config's Storybook project cannot start (e.g. no `.storybook/` yet):
 * `npx vitest run -c test/fidelity/vitest.config.ts`.
 */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  plugins: [react()],
  test: {
    name: 'fidelity',
    environment: 'happy-dom',
    include: ['test/fidelity/**/*.test.{ts,tsx}'],
  },
});
