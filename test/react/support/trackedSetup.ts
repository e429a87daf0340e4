// A fake homeserver whose client counts requests still on the wire, so a test can act while one is in flight.
import { createThreepidClient } from '../../../src/protocol';
import type { ThreepidClient } from '../../../src/protocol/types';
import { createFakeHomeserver, type FakeHomeserver, type FakeHomeserverOptions } from '../../../src/testing';

/** The setup plus a count of requests sent and not yet settled, by URL path. */
export interface TrackedSetup {
  hs: FakeHomeserver;
  client: ThreepidClient;
  /** How many requests whose path matches are on the wire now. */
  inFlight(path: RegExp): number;
}

/** Like `fakeSetup`, with in-flight tracking; `accessToken: undefined` gives a signed-out client. */
export function trackedSetup(options: FakeHomeserverOptions = {}, accessToken?: string): TrackedSetup {
  const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false, ...options });
  const pending: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    pending.push(path);
    try {
      return await hs.fetch(input, init);
    } finally {
      pending.splice(pending.indexOf(path), 1);
    }
  };
  const client = createThreepidClient({ baseUrl: 'http://localhost:8008', accessToken, fetch });
  return { hs, client, inFlight: (path) => pending.filter((p) => path.test(p)).length };
}
