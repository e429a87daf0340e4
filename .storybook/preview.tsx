import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { findStoryHomeserver } from '../stories/support/fakeServer';
import { StoryHomeserverRoot } from '../stories/support/StoryHomeserverRoot';
import { localeGlobalType, withStoryLocale } from '../stories/support/storyLocale';
import '../src/styles/styles.css';

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

/** Global story setup: msw worker, the fake-homeserver decorator, axe failures as test failures. */
const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  // Later decorators wrap earlier ones: the locale's context must sit outside the homeserver's provider.
  decorators: [withStoryHomeserver, withStoryLocale],
  // Locale switch (issue #14, languages): its own toolbar entry, English by default.
  globalTypes: { locale: localeGlobalType },
  initialGlobals: { locale: 'en' },
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
