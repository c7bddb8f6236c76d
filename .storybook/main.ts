import type { StorybookConfig } from '@storybook/react-vite';
import tailwindcss from '@tailwindcss/vite';

const config: StorybookConfig = {
  stories: ['../stories/Introduction.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  // Storybook opens on the Introduction page; its own onboarding checklist and guide are not for this kit's readers.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  staticDirs: ['../public'],
  async viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), tailwindcss()];
    // The example apps' build output is not part of Storybook: do not reload on it.
    viteConfig.server = { ...viteConfig.server, watch: { ...viteConfig.server?.watch, ignored: ['**/examples/**'] } };
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [
        ...(viteConfig.optimizeDeps?.include ?? []),
        'msw',
        'msw/browser',
        'msw-storybook-addon/csf3',
        '@clerk/react',
        '@clerk/react/errors',
      ],
    };
    return viteConfig;
  },
};

export default config;
