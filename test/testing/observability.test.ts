import { describe, expect, it } from 'vitest';
import { createFakeHomeserver, type InboxMessage } from '../../src/testing';
import { emailIdentityAuth, field, passwordAuth, requestEmailToken } from './support/flows';
import { secret, startFake } from './support/harness';

describe('inbox', () => {
  it('should tell subscribers about each message until they unsubscribe', async () => {
    const h = await startFake();
    const seen: InboxMessage[] = [];
    const unsubscribe = h.hs.inbox.subscribe((m) => seen.push(m));
    await requestEmailToken(h, 'account/3pid', 'sub1@example.org', secret());
    unsubscribe();
    await requestEmailToken(h, 'account/3pid', 'sub2@example.org', secret());
    expect(seen.map((m) => m.to)).toEqual(['sub1@example.org']);
    expect(h.hs.inbox.all().map((m) => m.to)).toEqual(['sub1@example.org', 'sub2@example.org']);
  });

  it('should return the newest message to an address and forget everything on clear', async () => {
    const h = await startFake();
    const clientSecret = secret();
    await requestEmailToken(h, 'account/3pid', 'many@example.org', clientSecret, 1);
    await requestEmailToken(h, 'account/3pid', 'many@example.org', clientSecret, 2);
    expect(h.hs.inbox.latest('MANY@example.org')?.token).toBe(h.hs.inbox.all()[1]?.token);
    expect(h.hs.inbox.latest('other@example.org')).toBeUndefined();
    h.hs.inbox.clear();
    expect(h.hs.inbox.all()).toEqual([]);
    expect(h.hs.inbox.latest('many@example.org')).toBeUndefined();
  });

  it('should stamp messages with the configured clock', async () => {
    const h = await startFake({ now: () => 1_234_567 });
    await requestEmailToken(h, 'account/3pid', 'clock@example.org', secret());
    expect(h.hs.inbox.latest('clock@example.org')?.sentAt).toBe(1_234_567);
  });
});

describe('request log', () => {
  it('should record method, path, endpoint, status and body with every secret redacted', async () => {
    const h = await startFake();
    const clientSecret = secret();
    const sid = field(await requestEmailToken(h, 'account/password', 'alice@example.org', clientSecret), 'sid');
    await h.hs.followLink(h.hs.inbox.latest('alice@example.org')?.link ?? '');
    await h.post('/account/password', { new_password: 'a long new password', auth: emailIdentityAuth(sid, clientSecret) });
    await h.post('/account/password', { new_password: 'another long one' }, { token: h.hs.users.login('alice') });
    const token = h.hs.users.login('alice');
    await h.post('/account/3pid/add', { sid, client_secret: clientSecret, auth: passwordAuth('alice', 'a long new password') }, { token });

    expect(h.hs.requests[0]).toEqual({
      method: 'POST',
      path: '/_matrix/client/v3/account/password/email/requestToken',
      endpoint: 'requestToken',
      body: { client_secret: '[redacted]', email: 'alice@example.org', send_attempt: 1 },
      status: 200,
    });
    const logged = JSON.stringify([...h.hs.requests]);
    expect(logged).not.toContain(clientSecret);
    expect(logged).not.toContain('a long new password');
    expect(logged).not.toContain('another long one');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(h.hs.inbox.latest('alice@example.org')?.token ?? 'no token');
    expect(h.hs.requests.find((r) => r.endpoint === 'link' && r.method === 'POST')?.body).toEqual({
      sid,
      token: '[redacted]',
      client_secret: '[redacted]',
    });
    expect(h.hs.requests.find((r) => r.endpoint === 'threepidAdd')?.body).toMatchObject({
      auth: { password: '[redacted]', identifier: { user: 'alice' } },
    });
  });

  it('should count by filter or predicate and clear in place', async () => {
    const h = await startFake();
    await h.get('/login');
    await h.get('/login');
    await h.get('/account/whoami');
    expect(h.hs.requests.count()).toBe(3);
    expect(h.hs.requests.count({ endpoint: 'login' })).toBe(2);
    expect(h.hs.requests.count({ method: 'get', status: 401 })).toBe(1);
    expect(h.hs.requests.count({ path: /whoami$/ })).toBe(1);
    expect(h.hs.requests.count((r) => r.status === 200)).toBe(2);
    expect(Array.isArray(h.hs.requests.filter((r) => r.status === 200))).toBe(true);
    h.hs.requests.clear();
    expect(h.hs.requests).toHaveLength(0);
  });
});

describe('users', () => {
  it('should add a user whose access token and password work', async () => {
    const h = await startFake();
    const dave = h.hs.users.addUser({ userId: 'dave', password: 'dave password', emails: ['Dave@Example.org'], phones: ['+33 6 12 34 56 78'] });
    expect(dave.userId).toBe('@dave:localhost');
    expect((await h.get('/account/whoami', { token: dave.accessToken })).json.user_id).toBe('@dave:localhost');
    expect(h.hs.users.findByThreepid('email', 'dave@example.org')).toBe(dave);
    expect(h.hs.users.findByThreepid('msisdn', '33612345678')).toBe(dave);
    expect(() => h.hs.users.addUser({ userId: '@dave:localhost' })).toThrow();
    expect(() => h.hs.users.addUser({ userId: 'eve', emails: ['dave@example.org'] })).toThrow();
  });

  it('should start with the seed users, or with the users option instead', () => {
    expect(createFakeHomeserver().users.all().map((u) => u.userId)).toEqual(['@alice:localhost', '@bob:localhost', '@carol:localhost']);
    const hs = createFakeHomeserver({ serverName: 'example.test', users: [{ userId: 'zoe', password: 'zoe password' }] });
    expect(hs.users.all().map((u) => u.userId)).toEqual(['@zoe:example.test']);
  });
});

describe('reset()', () => {
  it('should go back to the initial state', async () => {
    const h = await startFake();
    const seen: string[] = [];
    h.hs.inbox.subscribe((m) => seen.push(m.to));
    h.hs.users.addUser({ userId: 'temp', password: 'temporary password' });
    await h.post('/account/3pid/delete', { medium: 'email', address: 'alice@example.org' }, { token: h.hs.users.get('alice')?.accessToken ?? '' });
    await requestEmailToken(h, 'account/3pid', 'before@example.org', secret());
    h.hs.faults.inject({ endpoint: 'whoami', kind: 'status500', times: Infinity });

    h.hs.reset();
    expect(h.hs.users.get('temp')).toBeUndefined();
    expect(h.hs.users.findByThreepid('email', 'alice@example.org')?.userId).toBe('@alice:localhost');
    expect(h.hs.inbox.all()).toEqual([]);
    expect(h.hs.requests).toHaveLength(0);
    const alice = h.hs.users.get('alice')?.accessToken ?? '';
    expect((await h.get('/account/whoami', { token: alice })).status).toBe(200);
    await requestEmailToken(h, 'account/3pid', 'after@example.org', secret());
    expect(seen).toEqual(['before@example.org', 'after@example.org']);
  });
});

describe('spec conformance wiring', () => {
  it('should flag a request that breaks the spec', async () => {
    const h = await startFake();
    await h.post('/account/3pid/email/requestToken', { email: 'x@example.org', send_attempt: 1 });
    const found = h.violations.splice(0);
    expect(found.some((v) => v.includes("required property 'client_secret'"))).toBe(true);
  });
});
