// Node's own fetch (undici) against real loopback servers: a homeserver that redirects gets no body re-sent to the
// other origin, and its redirect is a server error. Browsers behave alike with `redirect: 'manual'` (an opaque
// answer, status 0): the kit never reads a redirect's target.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThreepidClient } from '../../src/protocol/client';
import { MatrixApiError } from '../../src/protocol/errors';

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

describe('a homeserver that redirects, through the platform fetch', () => {
  const foreignHits: IncomingMessage[] = [];
  const foreign = createServer((req, res) => {
    foreignHits.push(req);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"sid":"foreign"}');
  });
  let foreignUrl = '';
  let status = 307;
  const homeserver = createServer((_req, res) => res.writeHead(status, { location: `${foreignUrl}/steal` }).end());
  let homeserverUrl = '';

  beforeAll(async () => {
    foreignUrl = await listen(foreign);
    homeserverUrl = await listen(homeserver);
  });
  afterAll(() => {
    foreign.close();
    homeserver.close();
  });

  it.each([301, 302, 303, 307, 308])('should not follow a %i to another origin, and fail as a server error', async (redirect) => {
    status = redirect;
    const client = createThreepidClient({ baseUrl: homeserverUrl });
    const err = await client
      .requestToken('add', { medium: 'email', email: 'a@b.org', clientSecret: 'nodeFetchSecret', sendAttempt: 1 })
      .then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(MatrixApiError);
    expect((err as MatrixApiError).status).toBe(redirect);
    expect(foreignHits).toEqual([]);
  });
});

describe('a fetch that follows a redirect although told not to', () => {
  it('should fail as a status-0 server error, whatever the other origin answered', async () => {
    const followed = new Response(JSON.stringify({ sid: 'foreign', errcode: 'M_FOREIGN' }), { status: 400, headers: { 'retry-after': '5' } });
    Object.defineProperty(followed, 'redirected', { value: true });
    const client = createThreepidClient({ baseUrl: 'https://hs.test', fetch: async () => followed });
    const err = await client.getThreepids().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(MatrixApiError);
    expect(err).toMatchObject({ status: 0, errcode: 'M_UNKNOWN' });
    expect([(err as MatrixApiError).serverMessage, (err as MatrixApiError).retryAfterMs]).toEqual([undefined, undefined]);
  });
});

describe('the edges of a 2xx answer', () => {
  it('should take a 299 with a JSON object as success and a 300 as a server error', async () => {
    const answering = (status: number): typeof fetch => async () => new Response('{"user_id":"@alice:hs.test"}', { status });
    await expect(createThreepidClient({ baseUrl: 'https://hs.test', fetch: answering(299) }).whoami()).resolves.toEqual({ userId: '@alice:hs.test' });
    await expect(createThreepidClient({ baseUrl: 'https://hs.test', fetch: answering(300) }).whoami()).rejects.toMatchObject({ status: 300 });
  });
});
