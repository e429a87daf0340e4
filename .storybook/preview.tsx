import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { findStoryHomeserver } from '../stories/support/fakeServer';
import { StoryHomeserverRoot } from '../stories/support/StoryHomeserverRoot';
import { localeGlobalType, withStoryLocale } from '../stories/support/storyLocale';
import '../src/styles/styles.css';
// Loaded as text and put in the page only while the toolbar asks for Compound: the preset restyles every flow.
import compoundCss from '../src/styles/themes/compound.css?inline';
import '../stories/support/stories.css';

// Storybook serves from a relative base ('./'), Vitest from '/': resolve the worker beside the preview page either way.
function workerUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}mockServiceWorker.js`, window.location.href).pathname;
}

// Requests to anything but a story's fake homeserver (Storybook's own modules, a real homeserver typed into the
// "Real homeserver" story) go to the network untouched and unreported.
async function startWorker(): Promise<ReturnType<typeof setupWorker>> {
  const worker = setupWorker();
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: workerUrl() } });
  return worker;
}

// A docs page renders many stories at once while the msw worker has one handler list; there each story's client
// calls its own fake directly so stories cannot answer one another's requests.
const withStoryHomeserver: Decorator = (Story, context) => {
  const binding = findStoryHomeserver(context);
  if (!binding) return <Story />;
  const transport = binding.viaMsw && context.viewMode !== 'docs' ? 'msw' : 'fetch';
  return (
    <StoryHomeserverRoot binding={binding} transport={transport}>
      <Story />
    </StoryHomeserverRoot>
  );
};

// Theme and direction from the toolbar, on a page-like backdrop (the kit's root is transparent, as in a host).
const withThemeAndDirection: Decorator = (Story, { globals }) => {
  const theme = String(globals.theme ?? 'light');
  return (
    <div className="story-backdrop" data-theme={theme === 'dark' ? 'dark' : 'light'} dir={globals.direction === 'rtl' ? 'rtl' : 'ltr'}>
      {theme === 'compound' && <style>{compoundCss}</style>}
      <Story />
    </div>
  );
};

/** Global story setup: msw worker, the fake-homeserver decorator, toolbar switches, axe failures as test failures. */
const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  // Later decorators wrap earlier ones: the locale's context must sit outside the homeserver's provider.
  decorators: [withStoryHomeserver, withThemeAndDirection, withStoryLocale],
  globalTypes: {
    theme: {
      description: 'Theme of the flows',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark', 'compound'], dynamicTitle: true },
    },
    direction: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    // Locale switch (issue #14, languages): its own toolbar entry, English by default.
    locale: localeGlobalType,
  },
  initialGlobals: { theme: 'light', direction: 'ltr', locale: 'en' },
  parameters: {
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // The first entry is what `npm start` opens on: the AddEmailFlow Playground, then each flow's docs and states.
    options: {
      storySort: {
        order: [
          'Flows',
          ['AddEmailFlow', ['Playground', 'Docs', '*'], 'AddPhoneFlow', ['Playground', 'Docs', '*'], 'ResetPasswordFlow', ['Playground', 'Docs', '*']],
          'Introduction',
          'Theming',
          'Real homeserver',
          'Tools',
        ],
        includeNames: true,
      },
    },
  },
};

export default preview;
