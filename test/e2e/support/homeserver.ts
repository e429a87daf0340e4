import { createFakeHomeserver, type FakeHomeserver, type FakeHomeserverOptions } from '../../../src/testing';

/** A fake homeserver listening on 127.0.0.1 (a real HTTP server with Synapse-like CORS, not msw). */
export interface RunningHomeserver {
  hs: FakeHomeserver;
  /** Origin, e.g. `http://127.0.0.1:38211`; its links and submit_urls use it too. */
  url: string;
  close(): Promise<void>;
}

/** Starts `createFakeHomeserver(options).listen()` on a free 127.0.0.1 port. */
export async function startFakeHomeserver(options: FakeHomeserverOptions = {}): Promise<RunningHomeserver> {
  const hs = createFakeHomeserver(options);
  const server = await hs.listen({ port: 0, host: '127.0.0.1' });
  return { hs, url: server.url, close: () => server.close() };
}

/** Access token of a seed account (default `@alice:localhost`), for the add flows. */
export function accessTokenOf(hs: FakeHomeserver, userId = '@alice:localhost'): string {
  const user = hs.users.get(userId);
  if (!user) throw new Error(`the fake homeserver has no ${userId}`);
  return user.accessToken;
}
