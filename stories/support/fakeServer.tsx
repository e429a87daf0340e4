/**
 * How a story gets its fake homeserver.
 *
 * `withFakeHomeserver(options)` makes one `createFakeHomeserver({ baseUrl: STORY_HOMESERVER_URL, ...options })` for
 * the story (or for every story of a file, when spread into `meta`) and returns annotations to spread in:
 * - a loader that installs the fake's msw handlers (`createMswHandlers(hs)`) on the worker `mswLoader` started in preview.tsx,
 *   and hands the fake to the story as `context.loaded` (read back with `fakeHomeserverOf(context)` in `play`, and by
 *   the global decorator, which wraps the story in a `ThreepidProvider` whose client talks to this fake);
 * - a `beforeEach` that calls `hs.reset()`, so every render starts from the seed accounts with an empty inbox.
 * Inside the story's React tree, `useFakeHomeserver()` gives the same fake (e.g. for `<FakeInbox />`).
 *
 * The handlers are installed by the loader rather than through `parameters.msw`: Storybook's CSF transform rewrites
 * a meta's `parameters` key (it adds `fileName`) and silently drops one that arrives through a spread.
 *
 * ```tsx
 * export const Playground: Story = {
 *   ...withFakeHomeserver({ emailSubmitUrl: true }),
 *   play: async (context) => {
 *     const hs = fakeHomeserverOf(context);
 *     // … interact, then read hs.inbox / hs.requests, or hs.faults.inject(…) before acting
 *   },
 * };
 * ```
 */
import type { StoryContext } from '@storybook/react-vite';
import type { MswApi } from 'msw-storybook-addon';
import { createContext, useContext } from 'react';
import { createFakeHomeserver, type FakeHomeserver, type FakeHomeserverOptions } from '../../src/testing';
import { createMswHandlers } from '../../src/testing/msw';

/** Origin every story's fake homeserver answers on (intercepted by the msw worker, never reaches a network). */
export const STORY_HOMESERVER_URL = 'https://matrix.example.test';

/** The seed account stories are signed in as unless they choose otherwise. */
export const STORY_USER_ID = '@alice:localhost';

/** Options of `withFakeHomeserver`: the fake's own options plus how the story's client is set up. */
export interface StoryHomeserverOptions extends FakeHomeserverOptions {
  /** Account whose access token the story's client sends; `null` for none (reset flows). Default `@alice:localhost`. */
  signedInAs?: string | null;
}

/** What a story that called `withFakeHomeserver` carries into its render and `play`. */
export interface StoryHomeserver {
  hs: FakeHomeserver;
  /** The origin the story's client is given (the fake's `baseUrl` option). */
  baseUrl: string;
  signedInAs: string | null;
  /** True when the msw worker answers for the fake; false when the client must call `hs.fetch` itself. */
  viaMsw: boolean;
}

/** The annotations `withFakeHomeserver` returns, to spread into a story or a meta. */
export interface FakeHomeserverAnnotations {
  // Takes only what it reads, so it fits every story's context whatever its args.
  loaders: Array<(context: { msw?: MswApi }) => Record<string, StoryHomeserver>>;
  beforeEach: () => void;
}

const LOADED_KEY = 'threepidFakeHomeserver';
// Only objects made here count, so reading `context.loaded` (typed loosely by Storybook) needs no cast.
const madeHere = new WeakSet<object>();

/** Gives a story its own fake homeserver; see the file comment for what it wires up. */
export function withFakeHomeserver(options: StoryHomeserverOptions = {}): FakeHomeserverAnnotations {
  const { signedInAs = STORY_USER_ID, ...fakeOptions } = options;
  const baseUrl = fakeOptions.baseUrl ?? STORY_HOMESERVER_URL;
  const hs = createFakeHomeserver({ ...fakeOptions, baseUrl });
  return {
    loaders: [
      (context) => {
        // mswLoader (project level) ran first and cleared the previous story's handlers.
        const worker = context.msw;
        worker?.use(...createMswHandlers(hs));
        const binding: StoryHomeserver = { hs, baseUrl, signedInAs, viaMsw: worker !== undefined };
        madeHere.add(binding);
        return { [LOADED_KEY]: binding };
      },
    ],
    beforeEach: () => {
      hs.reset();
    },
  };
}

function isStoryHomeserver(value: unknown): value is StoryHomeserver {
  return typeof value === 'object' && value !== null && madeHere.has(value);
}

/** The story's fake homeserver binding, or undefined when the story did not ask for one. */
export function findStoryHomeserver(context: Pick<StoryContext, 'loaded'>): StoryHomeserver | undefined {
  const value: unknown = context.loaded[LOADED_KEY];
  return isStoryHomeserver(value) ? value : undefined;
}

/** The story's fake homeserver, for `play` functions. Throws when the story did not use `withFakeHomeserver`. */
export function fakeHomeserverOf(context: Pick<StoryContext, 'loaded'>): FakeHomeserver {
  const found = findStoryHomeserver(context);
  if (!found) throw new Error('This story has no fake homeserver: spread withFakeHomeserver(…) into it or its meta.');
  return found.hs;
}

/** Carries the story's fake homeserver down the React tree (set by the global decorator). */
export const FakeHomeserverContext = createContext<FakeHomeserver | null>(null);

/** The fake homeserver of the story being rendered. Throws outside a story that used `withFakeHomeserver`. */
export function useFakeHomeserver(): FakeHomeserver {
  const hs = useContext(FakeHomeserverContext);
  if (!hs) throw new Error('useFakeHomeserver: this story has no fake homeserver (use withFakeHomeserver).');
  return hs;
}
