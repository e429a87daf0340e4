import { useMemo, type ReactNode } from 'react';
import { createThreepidClient } from '../../src/protocol';
import { ThreepidProvider } from '../../src/react';
import { FakeHomeserverContext, type StoryHomeserver } from './fakeServer';
import { useStoryLocale } from './storyLocale';

/** How the story's client reaches the fake: through the msw worker (real `fetch`), or by calling `hs.fetch` directly. */
export type StoryTransport = 'msw' | 'fetch';

/** Props of `<StoryHomeserverRoot>`. */
export interface StoryHomeserverRootProps {
  binding: StoryHomeserver;
  transport: StoryTransport;
  children?: ReactNode;
}

/** Wraps a story in a ThreepidProvider whose client talks to the story's fake homeserver. */
export function StoryHomeserverRoot({ binding, transport, children }: StoryHomeserverRootProps): ReactNode {
  const { hs, baseUrl, signedInAs } = binding;
  const locale = useStoryLocale();
  const client = useMemo(
    () =>
      createThreepidClient({
        baseUrl,
        // Looked up per request: a password reset with logout_devices revokes the token the story started with.
        accessToken: () => (signedInAs === null ? undefined : hs.users.get(signedInAs)?.accessToken),
        fetch: transport === 'fetch' ? hs.fetch : undefined,
      }),
    [hs, baseUrl, signedInAs, transport],
  );
  return (
    <FakeHomeserverContext.Provider value={hs}>
      <ThreepidProvider client={client} locale={locale}>
        {children}
      </ThreepidProvider>
    </FakeHomeserverContext.Provider>
  );
}
