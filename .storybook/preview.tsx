import '@fontsource-variable/inter';
import './preview.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { type Messages, SessionKitProvider } from '../src';
import { ar, de, en } from '../src/locales';
import { clerkHandlers, MockClerkProvider, type Scenario, scenarios } from '../src/testing';

declare module 'storybook/internal/types' {
  interface Parameters {
    /** The mock Clerk scenario the story runs in; `false` renders without a provider. */
    clerk?: Scenario | false;
    /** Render inside a 360 px wide column, like a phone. */
    mobile?: boolean;
    /** Visual regression: `{ skip: 'reason' }` leaves the story out of the screenshot comparison. */
    visual?: { skip?: string };
  }
}

const catalogues: Record<string, Messages> = { en, de, ar };

const withKit: Decorator = (Story, context) => {
  const dark = context.globals.theme === 'dark';
  const locale = String(context.globals.locale ?? 'en');
  const dir = context.globals.dir === 'rtl' || locale === 'ar' ? 'rtl' : 'ltr';
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.dir = dir;
  document.documentElement.lang = locale;
  return (
    // Today's clock, as an app has it: the mock shows each story's scenario as of now. The visual tests freeze the
    // browser's clock instead (visual.setup.ts), so their pictures read the same on any day.
    <SessionKitProvider messages={catalogues[locale] ?? en} timeZone="UTC">
      <div style={context.parameters.mobile ? { width: 360, maxWidth: '100%' } : undefined}>
        <Story />
      </div>
    </SessionKitProvider>
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
  decorators: [withClerk, withKit],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Language of the kit',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'de', 'ar'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', locale: 'en' },
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
