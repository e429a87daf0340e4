import { describe, expect, it } from 'vitest';
import { createThreepidClient } from '../../src/protocol/client';
import { isNotYetValidated, isRateLimited, isUiaRequired, MatrixApiError } from '../../src/protocol/errors';
import type { ThreepidClient } from '../../src/protocol/types';
import { useMockHomeserver } from '../support/mockHomeserver';
import { ACCESS_TOKEN, BASE_URL, protocolScenarios } from '../support/protocolScenarios';
import { settle } from '../support/settle';

const hs = useMockHomeserver();

const prefixes = [
  { label: 'the default prefix', prefix: undefined, wirePrefix: '/_matrix/client/v3' },
  { label: 'a custom prefix', prefix: '/_api/client/v3', wirePrefix: '/_api/client/v3' },
];

describe.each(prefixes)('createThreepidClient with $label', ({ prefix, wirePrefix }) => {
  const client = createThreepidClient({ baseUrl: BASE_URL, accessToken: ACCESS_TOKEN, prefix });

  it.each(protocolScenarios.map((s) => [s.name, s] as const))('should %s', async (_name, scenario) => {
    hs.reply(scenario.reply);
    const { outcome, thrown } = await settle(scenario.call(client));

    expect(outcome).toEqual(scenario.outcome);
    expect(hs.requests).toHaveLength(1);
    const [req] = hs.requests;
    const { method, path, body, authorized } = scenario.request;
    const url = path.startsWith('https:') ? path : `${BASE_URL}${wirePrefix}${path}`;
    expect(req?.method).toBe(method);
    expect(req?.url).toBe(url);
    expect(req?.body).toEqual(body);
    expect(req?.headers.get('authorization')).toBe(authorized ? `Bearer ${ACCESS_TOKEN}` : null);
    expect(req?.headers.get('content-type')).toBe(method === 'POST' ? 'application/json' : null);

    if (scenario.helpers) {
      const { notYetValidated, rateLimited, uiaRequired } = scenario.helpers;
      if (notYetValidated !== undefined) expect(isNotYetValidated(thrown)).toBe(notYetValidated);
      if (rateLimited !== undefined) expect(isRateLimited(thrown)).toBe(rateLimited);
      if (uiaRequired !== undefined) expect(isUiaRequired(thrown)).toBe(uiaRequired);
    }
  });
});

describe('createThreepidClient URLs', () => {
  it('should tolerate trailing slashes on baseUrl and prefix', async () => {
    const client = createThreepidClient({ baseUrl: `${BASE_URL}//`, prefix: '/_api/client/v3/', accessToken: ACCESS_TOKEN });
    hs.reply({ json: { user_id: '@alice:hs.test' } });
    await client.whoami();
    expect(hs.requests[0]?.url).toBe(`${BASE_URL}/_api/client/v3/account/whoami`);
  });

  it('should tolerate a prefix without its leading slash', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, prefix: '_api/client/v3', accessToken: ACCESS_TOKEN });
    hs.reply({ json: { user_id: '@alice:hs.test' } });
    await client.whoami();
    expect(hs.requests[0]?.url).toBe(`${BASE_URL}/_api/client/v3/account/whoami`);
  });

  it('should keep a path in baseUrl (homeserver behind a sub-path)', async () => {
    const client = createThreepidClient({ baseUrl: `${BASE_URL}/matrix/`, accessToken: ACCESS_TOKEN });
    hs.reply({ json: { capabilities: {} } });
    await client.getCapabilities();
    expect(hs.requests[0]?.url).toBe(`${BASE_URL}/matrix/_matrix/client/v3/capabilities`);
  });

  it('should build the UIA fallback URL without making a request', () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, prefix: '/_api/client/v3' });
    const url = client.fallbackAuthUrl('m.login.sso', 'sess/1 &x');
    expect(url).toBe(`${BASE_URL}/_api/client/v3/auth/m.login.sso/fallback/web?session=sess%2F1%20%26x`);
    expect(new URL(url).searchParams.get('session')).toBe('sess/1 &x');
    expect(hs.requests).toHaveLength(0);
  });
});

describe('createThreepidClient access token', () => {
  it('should call an async token function for each authenticated request', async () => {
    let n = 0;
    const client = createThreepidClient({ baseUrl: BASE_URL, accessToken: async () => `tok${++n}` });
    hs.reply({ json: { threepids: [] } }, { json: { threepids: [] } });
    await client.getThreepids();
    await client.getThreepids();
    expect(hs.requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer tok1', 'Bearer tok2']);
  });

  it('should accept a sync token function', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, accessToken: () => 'sync-token' });
    hs.reply({ json: { id_server_unbind_result: 'success' } });
    await client.deleteThreepid('email', 'alice@example.org');
    expect(hs.requests[0]?.headers.get('authorization')).toBe('Bearer sync-token');
  });

  it('should not call the token function for requestToken or submitToken', async () => {
    let calls = 0;
    const client = createThreepidClient({
      baseUrl: BASE_URL,
      accessToken: () => {
        calls++;
        return 'never-sent';
      },
    });
    hs.reply({ json: { sid: 's1', submit_url: 'https://id.example.net/submit_token' } }, { json: { success: true } });
    const { submitUrl } = await client.requestToken('add', {
      medium: 'msisdn',
      country: 'FR',
      phoneNumber: '0612345678',
      clientSecret: 'abc',
      sendAttempt: 1,
    });
    await client.submitToken(submitUrl ?? '', { sid: 's1', clientSecret: 'abc', token: '111111' });
    expect(calls).toBe(0);
    expect(hs.requests.map((r) => r.headers.get('authorization'))).toEqual([null, null]);
  });

  it('should send no Authorization when no token is configured (password reset)', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL });
    hs.reply({ json: {} });
    await client.changePassword({ newPassword: 'pw', auth: { type: 'm.login.email.identity' } });
    expect(hs.requests[0]?.headers.get('authorization')).toBeNull();
  });

  it('should send no Authorization when the token function returns undefined', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, accessToken: async () => undefined });
    hs.reply({ status: 401, json: { errcode: 'M_MISSING_TOKEN', error: 'Missing access token' } });
    await expect(client.whoami()).rejects.toMatchObject({ status: 401, errcode: 'M_MISSING_TOKEN' });
    expect(hs.requests[0]?.headers.get('authorization')).toBeNull();
  });
});

describe('createThreepidClient changePassword body', () => {
  it('should leave out the fields the caller did not give (logout_devices keeps the server default)', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, accessToken: ACCESS_TOKEN });
    hs.reply({ json: {} });
    await client.changePassword({ newPassword: 'new-pw' });
    expect(hs.requests[0]?.body).toEqual({ new_password: 'new-pw' });
  });

  it('should never send id_server or id_access_token', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL });
    hs.reply({ json: { sid: 'a' } }, { json: { sid: 'b' } });
    await client.requestToken('reset', { medium: 'email', email: 'a@b.org', clientSecret: 'x', sendAttempt: 1 });
    await client.requestToken('add', { medium: 'msisdn', country: 'US', phoneNumber: '2025550123', clientSecret: 'x', sendAttempt: 1 });
    for (const r of hs.requests) {
      expect(r.rawBody).not.toMatch(/id_server|id_access_token/);
    }
  });
});

describe('createThreepidClient Retry-After as an HTTP-date', () => {
  it('should convert a future date into the milliseconds left', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL });
    const at = new Date(Date.now() + 120_000);
    at.setMilliseconds(0);
    hs.reply({ status: 429, headers: { 'Retry-After': at.toUTCString() }, json: { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 1 } });
    const err = await client.requestToken('add', { medium: 'email', email: 'a@b.org', clientSecret: 'x', sendAttempt: 1 }).catch((e: unknown) => e);
    expect(isRateLimited(err)).toBe(true);
    const ms = isRateLimited(err) ? err.retryAfterMs : undefined;
    expect(ms).toBeGreaterThan(110_000);
    expect(ms).toBeLessThanOrEqual(120_000);
  });

  it('should fall back to retry_after_ms when the header is garbage', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL });
    hs.reply({ status: 429, headers: { 'Retry-After': 'soon-ish' }, json: { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 4321 } });
    await expect(client.getThreepids()).rejects.toMatchObject({ status: 429, retryAfterMs: 4321 });
  });
});

describe('createThreepidClient UIA challenges', () => {
  it('should keep only well-formed flows and a string session from a 401 challenge', async () => {
    const client = createThreepidClient({
      baseUrl: BASE_URL,
      accessToken: ACCESS_TOKEN,
      // Not what a spec-following server sends, so a plain fetch answers instead of the spec-checking mock.
      fetch: async () =>
        new Response(JSON.stringify({ flows: [null, 'm.login.password', { stages: ['m.login.password', 7] }], session: 42, params: {} }), { status: 401 }),
    });
    const err = await client.addThreepid({ sid: 's', clientSecret: 'secret' }).catch((e: unknown) => e);
    expect(isUiaRequired(err)).toBe(true);
    expect(err).toMatchObject({ status: 401, errcode: '', uia: { flows: [{ stages: ['m.login.password'] }], session: undefined, completed: [] } });
  });
});

describe('createThreepidClient getThreepids answers', () => {
  it('should reject a null entry in threepids as a bad response, not a TypeError', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, accessToken: ACCESS_TOKEN, fetch: async () => new Response('{"threepids":[null]}') });
    const err = await client.getThreepids().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MatrixApiError);
    expect(err).toMatchObject({ status: 200, errcode: 'M_UNKNOWN' });
  });
});

describe('createThreepidClient requests as the host fetch sees them', () => {
  const recording = (status: number, body: unknown): { calls: { url: string; init: RequestInit }[]; fetch: typeof fetch } => {
    const calls: { url: string; init: RequestInit }[] = [];
    return { calls, fetch: async (url, init) => (calls.push({ url: String(url), init: init ?? {} }), new Response(JSON.stringify(body), { status })) };
  };

  it('should ask all three discovery places, from the origin without its trailing slashes, without the access token', async () => {
    const { calls, fetch } = recording(404, { errcode: 'M_UNRECOGNIZED' });
    const client = createThreepidClient({ baseUrl: 'https://hs.test//', accessToken: ACCESS_TOKEN, fetch });
    expect(await client.getAuthMetadata?.()).toBeNull();
    expect(calls.map((c) => c.url)).toEqual([
      'https://hs.test/_matrix/client/v1/auth_metadata',
      'https://hs.test/_matrix/client/unstable/org.matrix.msc2965/auth_metadata',
      'https://hs.test/.well-known/matrix/client',
    ]);
    for (const { init } of calls) expect(new Headers(init.headers).get('authorization')).toBeNull();
  });

  const reads: [string, (c: ThreepidClient) => Promise<unknown>, unknown][] = [
    ['getThreepids', (c) => c.getThreepids(), { threepids: [] }],
    ['getCapabilities', (c) => c.getCapabilities(), { capabilities: {} }],
    ['whoami', (c) => c.whoami(), { user_id: '@alice:hs.test' }],
  ];

  it.each(reads)('should hand %s to fetch as a GET', async (_name, call, answer) => {
    const { calls, fetch } = recording(200, answer);
    await call(createThreepidClient({ baseUrl: 'https://hs.test', accessToken: ACCESS_TOKEN, fetch }));
    expect(calls.map((c) => c.init.method)).toEqual(['GET']);
  });

  it('should put a session holding a lone surrogate into the fallback URL as U+FFFD', () => {
    const url = createThreepidClient({ baseUrl: 'https://hs.test' }).fallbackAuthUrl('m.login.sso', 'a\ud800b');
    expect(new URL(url).searchParams.get('session')).toBe('a\ufffdb');
  });
});
