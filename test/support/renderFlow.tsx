import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createThreepidClient } from '../../src/protocol';
import type { ThreepidClient } from '../../src/protocol/types';
import { ThreepidProvider } from '../../src/react';
import { createFakeHomeserver, type FakeHomeserver } from '../../src/testing';
import type { FakeHomeserverOptions } from '../../src/testing/types';

/** The seed user the add flows sign in as. */
export const ALICE = { userId: '@alice:localhost', password: 'correct horse', accessToken: 'syt_alice_fakehomeserver0000000001' };

/** A fake homeserver and a protocol client wired to it in memory (no network). */
export function fakeSetup(options: FakeHomeserverOptions = {}, accessToken: string | undefined = ALICE.accessToken): { hs: FakeHomeserver; client: ThreepidClient } {
  const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false, ...options });
  const client = createThreepidClient({ baseUrl: 'http://localhost:8008', accessToken, fetch: hs.fetch });
  return { hs, client };
}

/** Renders a flow inside a provider with a fresh query client; returns Testing Library's result plus a user. */
export function renderFlow(ui: ReactElement, client: ThreepidClient): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ThreepidProvider client={client}>{ui}</ThreepidProvider>
    </QueryClientProvider>,
  );
  return { ...result, user };
}
