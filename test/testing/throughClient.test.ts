// The fake's scenarios again, driven by the kit's own protocol client: once over HTTP (listen) and once in memory
// (the client's `fetch` option set to `hs.fetch`). Every exchange is still checked against the spec.
import { describe, expect, it } from 'vitest';
import {
  createThreepidClient,
  generateClientSecret,
  isNotYetValidated,
  isRateLimited,
  isUiaRequired,
  MatrixApiError,
  ThreepidNetworkError,
} from '../../src/protocol';
import type { ThreepidClient } from '../../src/protocol/types';
import type { FakeHomeserverOptions } from '../../src/testing';
import { startFake, type Harness } from './support/harness';

type Mode = 'http' | 'fetch';

async function setup(
  mode: Mode,
  options: FakeHomeserverOptions = {},
  userId: string | null = '@alice:localhost',
): Promise<{ h: Harness; client: ThreepidClient; anonymous: ThreepidClient }> {
  const h = await startFake(options);
  const accessToken = userId === null ? undefined : h.hs.users.get(userId)?.accessToken;
  const common = { baseUrl: h.url, prefix: options.prefix, ...(mode === 'fetch' && { fetch: h.hs.fetch }) };
  return {
    h,
    client: createThreepidClient({ ...common, accessToken }),
    anonymous: createThreepidClient(common),
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const password = (session?: string) => ({
  type: 'm.login.password',
  identifier: { type: 'm.id.user', user: '@alice:localhost' },
  password: 'correct horse',
  ...(session && { session }),
});

describe.each<Mode>(['http', 'fetch'])('through the protocol client (%s)', (mode) => {
  it('should add an email: UIA, not-yet-validated, link, then the session alone', async () => {
    const { h, client } = await setup(mode);
    const clientSecret = generateClientSecret();
    const { sid, submitUrl } = await client.requestToken('add', { medium: 'email', email: 'client@example.org', clientSecret, sendAttempt: 1 });
    expect(submitUrl).toBeUndefined();

    const challenge = await caught(client.addThreepid({ sid, clientSecret }));
    expect(isUiaRequired(challenge)).toBe(true);
    const session = challenge instanceof MatrixApiError ? challenge.uia?.session : undefined;
    expect(challenge).toMatchObject({ uia: { flows: [{ stages: ['m.login.password'] }], session: expect.any(String) } });

    const early = await caught(client.addThreepid({ sid, clientSecret }, password(session)));
    expect(isNotYetValidated(early)).toBe(true);

    await h.hs.followLink(h.hs.inbox.latest('client@example.org')?.link ?? '');
    await client.addThreepid({ sid, clientSecret }, { session });
    expect(await client.getThreepids()).toEqual(
      expect.arrayContaining([expect.objectContaining({ medium: 'email', address: 'client@example.org' })]),
    );
  });

  it('should add a phone with the texted code, refusing a wrong one', async () => {
    const { h, client } = await setup(mode);
    const clientSecret = generateClientSecret();
    const { sid, submitUrl } = await client.requestToken('add', {
      medium: 'msisdn',
      country: 'GB',
      phoneNumber: '07700 900222',
      clientSecret,
      sendAttempt: 1,
    });
    const code = h.hs.inbox.latest('+447700900222')?.token ?? '';
    const wrong = await caught(client.submitToken(submitUrl ?? '', { sid, clientSecret, token: code === '000000' ? '111111' : '000000' }));
    // Synapse's answer for a wrong SMS code (it proxies the identity server's refusal).
    expect(wrong).toMatchObject({ status: 400, errcode: 'M_UNKNOWN', serverMessage: 'Error contacting the identity server' });
    await client.submitToken(submitUrl ?? '', { sid, clientSecret, token: code });
    await client.addThreepid({ sid, clientSecret }, password());
    expect((await client.getThreepids()).some((t) => t.address === '447700900222')).toBe(true);
  });

  it('should see M_TOKEN_INCORRECT from the errcode style too', async () => {
    const { h, client } = await setup(mode, { tokenIncorrectStyle: 'errcode' });
    const clientSecret = generateClientSecret();
    const { sid, submitUrl } = await client.requestToken('add', { medium: 'msisdn', country: 'GB', phoneNumber: '07700900223', clientSecret, sendAttempt: 1 });
    const code = h.hs.inbox.latest('447700900223')?.token ?? '';
    const wrong = await caught(client.submitToken(submitUrl ?? '', { sid, clientSecret, token: code === '000000' ? '111111' : '000000' }));
    expect(wrong).toMatchObject({ status: 400, errcode: 'M_TOKEN_INCORRECT' });
  });

  it('should reset a password by email, signing out the old access token', async () => {
    const { h, client, anonymous } = await setup(mode);
    const clientSecret = generateClientSecret();
    const { sid } = await anonymous.requestToken('reset', { medium: 'email', email: 'alice@example.org', clientSecret, sendAttempt: 1 });
    const auth = { type: 'm.login.email.identity', threepid_creds: { sid, client_secret: clientSecret } };
    const early = await caught(anonymous.changePassword({ newPassword: 'client new password', auth }));
    expect(isNotYetValidated(early)).toBe(true);

    expect(await h.hs.followLink(h.hs.inbox.latest('alice@example.org')?.link ?? '')).toEqual({ ok: true, status: 200 });
    await anonymous.changePassword({ newPassword: 'client new password', auth });
    const signedOut = await caught(client.whoami());
    expect(signedOut).toMatchObject({ status: 401, errcode: 'M_UNKNOWN_TOKEN', softLogout: false });
  });

  it('should keep devices with logoutDevices false and refuse a weak password', async () => {
    const { h, client, anonymous } = await setup(mode);
    const clientSecret = generateClientSecret();
    const { sid } = await anonymous.requestToken('reset', { medium: 'email', email: 'alice@example.org', clientSecret, sendAttempt: 1 });
    await h.hs.followLink(h.hs.inbox.latest('alice@example.org')?.link ?? '');
    const auth = { type: 'm.login.email.identity', threepid_creds: { sid, client_secret: clientSecret } };
    expect(await caught(anonymous.changePassword({ newPassword: 'weak', auth }))).toMatchObject({ errcode: 'M_WEAK_PASSWORD' });
    await anonymous.changePassword({ newPassword: 'strong enough', logoutDevices: false, auth });
    expect(await client.whoami()).toEqual({ userId: '@alice:localhost' });
  });

  it('should dedupe a retry with the same send_attempt and resend with a higher one', async () => {
    const { h, client } = await setup(mode);
    const clientSecret = generateClientSecret();
    const params = { medium: 'email' as const, email: 'dedupe@example.org', clientSecret };
    const first = await client.requestToken('add', { ...params, sendAttempt: 1 });
    const retry = await client.requestToken('add', { ...params, sendAttempt: 1 });
    expect(retry.sid).toBe(first.sid);
    expect(h.hs.inbox.all()).toHaveLength(1);
    const resend = await client.requestToken('add', { ...params, sendAttempt: 2 });
    expect(resend.sid).toBe(first.sid);
    expect(h.hs.inbox.all()).toHaveLength(2);
  });

  it('should surface the requestToken errors with their errcodes', async () => {
    const { client } = await setup(mode, { msisdnSupported: false, resetByPhone: false });
    const clientSecret = generateClientSecret();
    expect(await caught(client.requestToken('add', { medium: 'email', email: 'alice@example.org', clientSecret, sendAttempt: 1 }))).toMatchObject({
      status: 400,
      errcode: 'M_THREEPID_IN_USE',
    });
    expect(await caught(client.requestToken('reset', { medium: 'email', email: 'nobody@example.org', clientSecret, sendAttempt: 1 }))).toMatchObject({
      status: 400,
      errcode: 'M_THREEPID_NOT_FOUND',
    });
    expect(
      await caught(client.requestToken('add', { medium: 'msisdn', country: 'GB', phoneNumber: '07700900333', clientSecret, sendAttempt: 1 })),
    ).toMatchObject({ status: 400, errcode: 'M_UNKNOWN' });
    expect(
      await caught(client.requestToken('reset', { medium: 'msisdn', country: 'GB', phoneNumber: '07700900001', clientSecret, sendAttempt: 1 })),
    ).toMatchObject({ status: 400, errcode: 'M_UNRECOGNIZED' });
  });

  it('should be rate limited with a retry delay', async () => {
    const { client } = await setup(mode, { rateLimit: { burst: 1, refillMs: 45_000 }, now: () => 0 });
    const clientSecret = generateClientSecret();
    await client.requestToken('add', { medium: 'email', email: 'rl@example.org', clientSecret, sendAttempt: 1 });
    const limited = await caught(client.requestToken('add', { medium: 'email', email: 'rl@example.org', clientSecret, sendAttempt: 2 }));
    expect(isRateLimited(limited)).toBe(true);
    expect(limited).toMatchObject({ retryAfterMs: 45_000 });
  });

  it('should turn every fault kind into a typed error', async () => {
    const { h, client } = await setup(mode);
    const clientSecret = generateClientSecret();
    const request = () => client.requestToken('add', { medium: 'email', email: 'faults@example.org', clientSecret, sendAttempt: 1 });
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'status500' });
    expect(await caught(request())).toMatchObject({ status: 500, errcode: 'M_UNKNOWN' });
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'html502' });
    expect(await caught(request())).toMatchObject({ status: 502 });
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'malformedJson' });
    expect(await caught(request())).toBeInstanceOf(MatrixApiError);
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'networkError' });
    expect(await caught(request())).toMatchObject({ name: 'ThreepidNetworkError', reason: 'offline' });
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 1_000 });
    expect(isRateLimited(await caught(request()))).toBe(true);
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'latency', ms: 20 });
    const { sid } = await request();
    expect(h.hs.inbox.latest('faults@example.org')?.sid).toBe(sid);
  });

  it('should time out on a hanging request', async () => {
    const h = await startFake();
    const options = {
      baseUrl: h.url,
      accessToken: h.hs.users.get('alice')?.accessToken,
      ...(mode === 'fetch' && { fetch: h.hs.fetch }),
    };
    const client = createThreepidClient({ ...options, timeoutMs: 100 });
    h.hs.faults.inject({ endpoint: 'capabilities', kind: 'hang' });
    const error = await caught(client.getCapabilities());
    expect(error).toBeInstanceOf(ThreepidNetworkError);
    expect(error).toMatchObject({ reason: 'timeout' });
    // The next answer gets the default timeout: 100 ms is too short for a real round trip on a busy machine.
    expect(await createThreepidClient(options).getCapabilities()).toEqual({ threepidChanges: true, changePassword: true });
  });

  it('should read capabilities, whoami and delete a 3PID', async () => {
    const { client } = await setup(mode, { capabilities: { threepidChanges: false } });
    expect(await client.getCapabilities()).toEqual({ threepidChanges: false, changePassword: true });
    expect(await client.whoami()).toEqual({ userId: '@alice:localhost' });
    const { client: open } = await setup(mode);
    await open.deleteThreepid('email', 'alice@example.org');
    expect(await open.getThreepids()).toEqual([]);
  });

  it('should complete SSO through the fallback URL the client builds', async () => {
    const { h, client } = await setup(mode, {}, '@carol:localhost');
    const clientSecret = generateClientSecret();
    const { sid } = await client.requestToken('add', { medium: 'email', email: 'carol.sso@example.org', clientSecret, sendAttempt: 1 });
    await h.hs.followLink(h.hs.inbox.latest('carol.sso@example.org')?.link ?? '');
    const challenge = await caught(client.addThreepid({ sid, clientSecret }));
    const session = challenge instanceof MatrixApiError ? (challenge.uia?.session ?? '') : '';
    expect(challenge).toMatchObject({ uia: { flows: [{ stages: ['m.login.sso'] }] } });
    expect(await h.hs.followLink(client.fallbackAuthUrl('m.login.sso', session))).toEqual({ ok: true, status: 200 });
    await client.addThreepid({ sid, clientSecret }, { session });
  });

  it('should work under another prefix', async () => {
    const { h, client } = await setup(mode, { prefix: '/_api/client/v3' });
    const clientSecret = generateClientSecret();
    const { sid, submitUrl } = await client.requestToken('add', { medium: 'msisdn', country: 'GB', phoneNumber: '07700900224', clientSecret, sendAttempt: 1 });
    expect(submitUrl).toBe(`${h.url}/_api/client/unstable/add_threepid/msisdn/submit_token`);
    await client.submitToken(submitUrl ?? '', { sid, clientSecret, token: h.hs.inbox.latest('447700900224')?.token ?? '' });
    await client.addThreepid({ sid, clientSecret }, password());
  });

  it('should hide in-use addresses behind a sid that never validates with inhibitThreepidErrors', async () => {
    const { client } = await setup(mode, { inhibitThreepidErrors: true });
    const clientSecret = generateClientSecret();
    const { sid } = await client.requestToken('add', { medium: 'email', email: 'bob@example.org', clientSecret, sendAttempt: 1 });
    const error = await caught(client.addThreepid({ sid, clientSecret }, password()));
    expect(isNotYetValidated(error)).toBe(true);
  });
});
