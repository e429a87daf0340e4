import { describe, expect, it } from 'vitest';
import { createThreepidClient } from '../../src/protocol/client';
import { MatrixApiError } from '../../src/protocol/errors';
import { useMockHomeserver } from '../support/mockHomeserver';
import { ACCESS_TOKEN, CLIENT_SECRET, PASSWORD, protocolScenarios } from '../support/protocolScenarios';
import { settle } from '../support/settle';

const hs = useMockHomeserver();
const creds = { sid: 'sid1', clientSecret: CLIENT_SECRET, token: '123456' };

async function refusal(p: Promise<unknown>): Promise<{ status: number; errcode: string } | 'resolved'> {
  const err = await p.then(
    () => 'resolved' as const,
    (e: unknown) => e,
  );
  if (err === 'resolved') return err;
  expect(err).toBeInstanceOf(MatrixApiError);
  return err instanceof MatrixApiError ? { status: err.status, errcode: err.errcode } : { status: -1, errcode: '' };
}

describe('submitToken URL safety', () => {
  const httpsClient = createThreepidClient({ baseUrl: 'https://hs.test', accessToken: ACCESS_TOKEN });
  const httpClient = createThreepidClient({ baseUrl: 'http://127.0.0.1:8008' });

  it.each([
    ['javascript:', 'javascript:alert(1)//submit_token'],
    ['data:', 'data:text/html,<form>submit_token</form>'],
    ['a relative path', '/_matrix/client/unstable/add_threepid/msisdn/submit_token'],
    ['a protocol-relative URL', '//evil.example/submit_token'],
    ['ftp:', 'ftp://hs.test/submit_token'],
    ['file:', 'file:///etc/passwd'],
    ['http: while the homeserver is https', 'http://hs.test/submit_token'],
    ['not a URL', 'not a url at all'],
    ['an empty string', ''],
  ])('should refuse %s with M_INVALID_SUBMIT_URL and send nothing', async (_label, url) => {
    expect(await refusal(httpsClient.submitToken(url, creds))).toEqual({ status: 0, errcode: 'M_INVALID_SUBMIT_URL' });
    expect(hs.requests).toHaveLength(0);
  });

  it('should refuse javascript: even for an http homeserver', async () => {
    expect(await refusal(httpClient.submitToken('javascript:void(0)', creds))).toEqual({
      status: 0,
      errcode: 'M_INVALID_SUBMIT_URL',
    });
    expect(hs.requests).toHaveLength(0);
  });

  it('should accept an https submit_url on another host', async () => {
    hs.reply({ json: { success: true } });
    await httpsClient.submitToken('https://id.example.net/_matrix/identity/v2/validate/msisdn/submitToken', creds);
    expect(hs.requests[0]?.url).toBe('https://id.example.net/_matrix/identity/v2/validate/msisdn/submitToken');
  });

  it('should accept http: only when the homeserver itself is http (local development)', async () => {
    hs.reply({ json: { success: true } });
    await httpClient.submitToken('http://127.0.0.1:8008/_matrix/client/unstable/add_threepid/msisdn/submit_token', creds);
    expect(hs.requests).toHaveLength(1);
  });
});

describe('requestToken parameter checks', () => {
  const client = createThreepidClient({ baseUrl: 'https://hs.test' });
  const email = { medium: 'email', email: 'alice@example.org', clientSecret: CLIENT_SECRET, sendAttempt: 1 } as const;

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['relative', '/done'],
    ['ftp:', 'ftp://example.org/done'],
  ])('should refuse a %s next_link with M_INVALID_PARAM and send nothing', async (_label, nextLink) => {
    expect(await refusal(client.requestToken('add', { ...email, nextLink }))).toEqual({ status: 0, errcode: 'M_INVALID_PARAM' });
    expect(hs.requests).toHaveLength(0);
  });

  it.each([
    ['empty', ''],
    ['256 characters long', 'a'.repeat(256)],
    ['containing a space', 'abc def'],
    ['containing a slash', 'abc/def'],
    ['non-ASCII', 'sécret'],
  ])('should refuse a client_secret %s everywhere it is sent', async (_label, clientSecret) => {
    const expected = { status: 0, errcode: 'M_INVALID_PARAM' };
    expect(await refusal(client.requestToken('reset', { ...email, clientSecret }))).toEqual(expected);
    expect(await refusal(client.submitToken('https://hs.test/submit_token', { ...creds, clientSecret }))).toEqual(expected);
    expect(await refusal(client.addThreepid({ sid: 's', clientSecret }))).toEqual(expected);
    expect(hs.requests).toHaveLength(0);
  });

  it('should accept a 255-character client_secret', async () => {
    hs.reply({ json: { sid: 's' } });
    await expect(client.requestToken('add', { ...email, clientSecret: 'Z'.repeat(255) })).resolves.toEqual({ sid: 's' });
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('should refuse send_attempt %s', async (sendAttempt) => {
    expect(await refusal(client.requestToken('add', { ...email, sendAttempt }))).toEqual({ status: 0, errcode: 'M_INVALID_PARAM' });
    expect(hs.requests).toHaveLength(0);
  });
});

describe('secrets in errors', () => {
  const client = createThreepidClient({ baseUrl: 'https://hs.test', accessToken: ACCESS_TOKEN });
  const secrets = [ACCESS_TOKEN, CLIENT_SECRET, PASSWORD];

  it.each(protocolScenarios.filter((s) => 'rejected' in s.outcome).map((s) => [s.name, s] as const))(
    'should keep secrets out of the message and stack when the server echoes them (%s)',
    async (_name, scenario) => {
      const echo = `you sent ${secrets.join(' and ')}`;
      const json = typeof scenario.reply.json === 'object' && scenario.reply.json ? { ...scenario.reply.json, error: echo } : scenario.reply.json;
      hs.reply({ ...scenario.reply, json });
      const { thrown } = await settle(scenario.call(client));
      expect(thrown).toBeInstanceOf(Error);
      const text = thrown instanceof Error ? `${thrown.message}\n${String(thrown)}\n${thrown.stack ?? ''}` : '';
      for (const s of secrets) expect(text).not.toContain(s);
    },
  );

  it('should show each echoed secret as *** and keep the rest of the server text, what else was sent included', async () => {
    hs.reply({ status: 400, json: { errcode: 'M_UNKNOWN', error: `bad ${CLIENT_SECRET} or ${encodeURIComponent(PASSWORD)} for sid1 in sess` } });
    const auth = { type: 'm.login.password', session: 'sess', password: PASSWORD };
    const err = await client.addThreepid({ sid: 'sid1', clientSecret: CLIENT_SECRET }, auth).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, serverMessage: 'bad *** or *** for sid1 in sess' });
  });

  it.each(['token', 'access_token', 'new_password'])('should redact an echoed %s field of the auth dictionary', async (field) => {
    const value = `value-of-${field}`;
    hs.reply({ status: 401, json: { errcode: 'M_FORBIDDEN', error: `refused ${value}` } });
    const err = await client.addThreepid({ sid: 'sid1', clientSecret: CLIENT_SECRET }, { type: 'x', session: 'sess', [field]: value }).catch((e: unknown) => e);
    expect(err).toMatchObject({ serverMessage: 'refused ***' });
  });

  it('should keep the server text whole when a secret sent is empty, and reject typed when auth holds a null', async () => {
    hs.reply({ status: 401, json: { errcode: 'M_FORBIDDEN', error: 'Invalid password' } });
    const empty = await client.addThreepid({ sid: 'sid1', clientSecret: CLIENT_SECRET }, { type: 'm.login.password', session: 'sess', password: '' }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ status: 401, serverMessage: 'Invalid password' });
    // AuthDict allows any value; the spec-checking mock would refuse the request, so a plain fetch answers it.
    const refusing = createThreepidClient({
      baseUrl: 'https://hs.test',
      accessToken: ACCESS_TOKEN,
      fetch: async () => new Response(JSON.stringify({ errcode: 'M_BAD_JSON', error: 'Bad auth' }), { status: 400 }),
    });
    const withNull = await refusing.addThreepid({ sid: 'sid1', clientSecret: CLIENT_SECRET }, { type: 'x', session: 'sess', hint: null }).catch((e: unknown) => e);
    expect(withNull).toBeInstanceOf(MatrixApiError);
    expect(withNull).toMatchObject({ status: 400, errcode: 'M_BAD_JSON', serverMessage: 'Bad auth' });
  });

  it('should never put a secret into a URL it builds', async () => {
    hs.reply({ json: { sid: 's' } }, { json: {} }, { json: {} });
    await client.requestToken('add', { medium: 'email', email: 'a@b.org', clientSecret: CLIENT_SECRET, sendAttempt: 1 });
    await client.addThreepid({ sid: 's', clientSecret: CLIENT_SECRET });
    await client.changePassword({ newPassword: PASSWORD });
    const url = client.fallbackAuthUrl('m.login.password', 'sess');
    for (const u of [...hs.requests.map((r) => r.url), url]) {
      for (const s of secrets) expect(u).not.toContain(s);
    }
  });
});
