import '@fontsource-variable/inter';
import './preview.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { clerkHandlers, MockClerkProvider, type Scenario, scenarios } from '../src/testing';

declare module 'storybook/internal/types' {
  interface Parameters {
    /** The mock Clerk scenario the story runs in; `false` renders without a provider. */
    clerk?: Scenario | false;
  }
}

const withTheme: Decorator = (Story, context) => {
  const dark = context.globals.theme === 'dark';
  const dir = context.globals.dir === 'rtl' ? 'rtl' : 'ltr';
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.dir = dir;
  return (
    <div dir={dir} className="csk-story-root">
      <Story />
    </div>
  );
};

const withClerk: Decorator = (Story, context) => {
  const clerk = context.parameters.clerk;
  if (clerk === false) return <Story />;
  // A fresh mock per render of the story (keyed by story id), as clerk-js instances cannot be shared.
  return (
    <MockClerkProvider key={context.id} scenario={clerk ?? scenarios.oneAccount()}>
      <Story />
    </MockClerkProvider>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker(...clerkHandlers);
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
      return worker;
    }),
  ],
  decorators: [withClerk, withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr' },
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
