// Discovery of OAuth-era servers through both clients: found where the server says so, null for a legacy server,
// asked once per client (PROTOCOL "OAuth-era homeservers").
import { createClient } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { fromMatrixClient } from '../../src/adapters/matrixJsSdk';
import { toAuthMetadata } from '../../src/protocol/authMetadata';
import { accountPageUrl } from '../../src/react/accountManagement';
import { createThreepidClient } from '../../src/protocol/client';
import type { ThreepidClient } from '../../src/protocol/types';
import { createFakeHomeserver, type FakeHomeserver, type FakeHomeserverOptions } from '../../src/testing';

const BASE_URL = 'http://localhost:8008';
const discoveryRequests = (hs: FakeHomeserver): number => hs.requests.count((r) => r.endpoint === 'authMetadata' || r.endpoint === 'wellKnown');

function quietLogger(): NonNullable<Parameters<typeof createClient>[0]['logger']> {
  const noop = (): void => undefined;
  const logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, getChild: () => logger };
  return logger;
}

const clients: Array<[string, (hs: FakeHomeserver) => ThreepidClient]> = [
  ['fetch client', (hs) => createThreepidClient({ baseUrl: BASE_URL, fetch: hs.fetch })],
  ['matrix-js-sdk adapter', (hs) => fromMatrixClient(createClient({ baseUrl: BASE_URL, fetchFn: hs.fetch, logger: quietLogger() }))],
];

describe.each(clients)('getAuthMetadata (%s)', (_name, make) => {
  const setup = (options: FakeHomeserverOptions = {}): { hs: FakeHomeserver; client: ThreepidClient } => {
    const hs = createFakeHomeserver({ baseUrl: BASE_URL, ...options });
    return { hs, client: make(hs) };
  };

  it('should find the issuer, account page and actions of an OAuth-era server', async () => {
    const { client } = setup({ preset: 'oauth' });
    expect(await client.getAuthMetadata?.()).toEqual({
      issuer: `${BASE_URL}/`,
      accountManagementUri: `${BASE_URL}/account/`,
      accountManagementActions: expect.arrayContaining(['org.matrix.profile']),
    });
  });

  it('should find it on the unstable MSC2965 path, with MSC4191 field names', async () => {
    const { client } = setup({ preset: 'oauth', authService: { discovery: 'unstable' } });
    expect(await client.getAuthMetadata?.()).toMatchObject({ issuer: `${BASE_URL}/`, accountManagementUri: `${BASE_URL}/account/` });
  });

  it('should find it in the well-known for the oldest deployments', async () => {
    const { client } = setup({ preset: 'oauth', authService: { discovery: 'wellKnown' } });
    expect(await client.getAuthMetadata?.()).toEqual({ issuer: `${BASE_URL}/`, accountManagementUri: `${BASE_URL}/account/`, accountManagementActions: [] });
  });

  it('should answer null for a legacy server, and send nothing the second time', async () => {
    const { hs, client } = setup();
    expect(await client.getAuthMetadata?.()).toBeNull();
    const first = discoveryRequests(hs);
    expect(first).toBe(3);
    expect(await client.getAuthMetadata?.()).toBeNull();
    expect(discoveryRequests(hs)).toBe(first);
  });

  it('should ask the OAuth server only once too', async () => {
    const { hs, client } = setup({ preset: 'oauth' });
    await client.getAuthMetadata?.();
    await client.getAuthMetadata?.();
    expect(discoveryRequests(hs)).toBe(1);
  });

  it('should answer null without keeping it when the server could not tell (offline), and ask again later', async () => {
    const { hs, client } = setup({ preset: 'oauth' });
    hs.faults.inject({ endpoint: 'authMetadata', kind: 'networkError' });
    expect(await client.getAuthMetadata?.()).toBeNull();
    expect(await client.getAuthMetadata?.()).toMatchObject({ issuer: `${BASE_URL}/` });
  });
});

describe('auth metadata shapes', () => {
  it('should refuse an account page that is not http(s)', () => {
    expect(toAuthMetadata({ issuer: 'https://a.example/', account_management_uri: 'javascript:alert(1)' })).toEqual({
      issuer: 'https://a.example/',
      accountManagementUri: undefined,
      accountManagementActions: [],
    });
  });

  it('should be null without an issuer', () => {
    expect(toAuthMetadata({ account_management_uri: 'https://a.example/account' })).toBeNull();
    expect(toAuthMetadata('<html>')).toBeNull();
  });

  it('should open the account page at org.matrix.profile when offered, keeping its own query', () => {
    const metadata = { issuer: 'https://a.example/', accountManagementUri: 'https://a.example/account?x=1', accountManagementActions: ['org.matrix.profile'] };
    expect(accountPageUrl(metadata)).toBe('https://a.example/account?x=1&action=org.matrix.profile');
  });

  it("should use MSC4191's bare profile action, and the bare page when no action is offered", () => {
    const base = { issuer: 'https://a.example/', accountManagementUri: 'https://a.example/account' };
    expect(accountPageUrl({ ...base, accountManagementActions: ['profile'] })).toBe('https://a.example/account?action=profile');
    expect(accountPageUrl({ ...base, accountManagementActions: ['org.matrix.sessions_list'] })).toBe('https://a.example/account');
    expect(accountPageUrl({ issuer: 'https://a.example/', accountManagementActions: [] })).toBeUndefined();
  });
});

describe('getAuthMetadata against answers the fake homeserver does not give', () => {
  const STABLE = 'https://hs.test/_matrix/client/v1/auth_metadata';
  const WELL_KNOWN = 'https://hs.test/.well-known/matrix/client';
  const ISSUER = { issuer: 'https://auth.hs.test/' };
  /** A client whose server answers each URL from `answers` in turn (the last answer repeats), 404 elsewhere. */
  const scripted = (answers: Record<string, Array<[number, unknown]>>): { client: ThreepidClient; asked: string[] } => {
    const asked: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      const url = String(input);
      asked.push(url);
      const queue = answers[url] ?? [[404, { errcode: 'M_UNRECOGNIZED' }]];
      const [status, body] = (queue.length > 1 ? queue.shift() : queue[0]) ?? [404, {}];
      return new Response(JSON.stringify(body), { status });
    };
    return { client: createThreepidClient({ baseUrl: 'https://hs.test', fetch }), asked };
  };

  it('should stop at a 5xx, answer null without keeping it, and find the server once it answers', async () => {
    const { client, asked } = scripted({ [STABLE]: [[500, { errcode: 'M_UNKNOWN' }], [200, ISSUER]] });
    expect(await client.getAuthMetadata?.()).toBeNull();
    expect(asked).toEqual([STABLE]);
    expect(await client.getAuthMetadata?.()).toMatchObject(ISSUER);
  });

  it('should not take a web page served with 200 as a verdict: null for now, not kept, asked again', async () => {
    // A catch-all web server in front of the homeserver answers every path with its HTML page.
    const page = new Response('<!doctype html><title>Element</title>', { status: 200, headers: { 'content-type': 'text/html' } });
    const asked: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      asked.push(String(input));
      return asked.length === 1 ? page : new Response(JSON.stringify(ISSUER), { status: 200 });
    };
    const client = createThreepidClient({ baseUrl: 'https://hs.test', fetch });
    expect(await client.getAuthMetadata?.()).toBeNull();
    expect(asked).toEqual([STABLE]);
    expect(await client.getAuthMetadata?.()).toMatchObject(ISSUER);
  });

  it('should take a 400 as "not here" and go on to the next place', async () => {
    const { client } = scripted({ [STABLE]: [[400, { errcode: 'M_UNRECOGNIZED' }]], [WELL_KNOWN]: [[200, { 'org.matrix.msc2965.authentication': ISSUER }]] });
    expect(await client.getAuthMetadata?.()).toMatchObject(ISSUER);
  });

  it('should go on past a 2xx that names no issuer', async () => {
    const { client, asked } = scripted({ [STABLE]: [[200, {}]], [WELL_KNOWN]: [[200, { 'org.matrix.msc2965.authentication': { ...ISSUER, account: 'https://auth.hs.test/account' } }]] });
    expect(await client.getAuthMetadata?.()).toEqual({ ...ISSUER, accountManagementUri: 'https://auth.hs.test/account', accountManagementActions: [] });
    expect(asked).toHaveLength(3);
  });

  it('should find nothing in a well-known whose authentication entry is not an object', async () => {
    const { client } = scripted({ [WELL_KNOWN]: [[200, { 'org.matrix.msc2965.authentication': 'https://auth.hs.test/' }]] });
    expect(await client.getAuthMetadata?.()).toBeNull();
  });

  it('should reject an aborted discovery as aborted rather than call the server legacy', async () => {
    const { client } = scripted({});
    const controller = new AbortController();
    controller.abort();
    await expect(client.getAuthMetadata?.(controller.signal)).rejects.toMatchObject({ name: 'ThreepidNetworkError', reason: 'aborted' });
  });

  it('should refuse an issuer that is not a string, even one that reads as a URL', () => {
    expect(toAuthMetadata({ issuer: ['https://a.example/'] })).toBeNull();
  });
});
