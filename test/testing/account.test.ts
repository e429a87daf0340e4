import { describe, expect, it } from 'vitest';
import { startFake } from './support/harness';

describe('account endpoints', () => {
  it('should answer whoami for a valid access token', async () => {
    const h = await startFake();
    const alice = h.hs.users.get('@alice:localhost');
    const res = await h.get('/account/whoami', { token: alice?.accessToken ?? '' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ user_id: '@alice:localhost', device_id: alice?.deviceId, is_guest: false });
  });

  it('should accept the deprecated access_token query parameter too', async () => {
    const h = await startFake();
    const token = h.hs.users.get('alice')?.accessToken ?? '';
    const res = await h.call('GET', `${h.api}/account/whoami?access_token=${token}`);
    expect(res.status).toBe(200);
  });

  it('should report both capabilities enabled by default', async () => {
    const h = await startFake();
    const res = await h.get('/capabilities', { token: h.hs.users.get('alice')?.accessToken ?? '' });
    expect(res.json.capabilities).toMatchObject({ 'm.3pid_changes': { enabled: true }, 'm.change_password': { enabled: true } });
  });

  it('should report capabilities as configured, leaving out absent ones', async () => {
    const h = await startFake({ capabilities: { threepidChanges: false, changePassword: 'absent' } });
    const res = await h.get('/capabilities', { token: h.hs.users.get('alice')?.accessToken ?? '' });
    expect(res.json.capabilities).toMatchObject({ 'm.3pid_changes': { enabled: false } });
    expect(res.json.capabilities).not.toHaveProperty('m.change_password');
  });

  it('should list the 3PIDs of the account', async () => {
    const h = await startFake();
    const res = await h.get('/account/3pid', { token: h.hs.users.get('bob')?.accessToken ?? '' });
    expect(res.json).toEqual({
      threepids: [
        { medium: 'email', address: 'bob@example.org', validated_at: expect.any(Number), added_at: expect.any(Number) },
        { medium: 'msisdn', address: '447700900001', validated_at: expect.any(Number), added_at: expect.any(Number) },
      ],
    });
  });

  it('should answer the versions a v1.16 server supports', async () => {
    const h = await startFake();
    const res = await h.call('GET', `${h.url}/_matrix/client/versions`);
    expect(res.json.versions).toContain('v1.16');
  });
});

describe('/login', () => {
  it('should offer m.login.password', async () => {
    const h = await startFake();
    const res = await h.get('/login');
    expect(res.json).toEqual({ flows: [{ type: 'm.login.password' }] });
  });

  it.each([
    ['a user ID identifier', { identifier: { type: 'm.id.user', user: '@alice:localhost' } }],
    ['a localpart identifier', { identifier: { type: 'm.id.user', user: 'alice' } }],
    ['an email identifier', { identifier: { type: 'm.id.thirdparty', medium: 'email', address: 'ALICE@example.org' } }],
  ])('should log in with %s and return a working access token', async (_name, who) => {
    const h = await startFake();
    const res = await h.post('/login', { type: 'm.login.password', ...who, password: 'correct horse' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ user_id: '@alice:localhost', access_token: expect.any(String), device_id: expect.any(String) });
    const whoami = await h.get('/account/whoami', { token: String(res.json.access_token) });
    expect(whoami.json.user_id).toBe('@alice:localhost');
  });

  it('should answer 403 M_FORBIDDEN for a wrong password', async () => {
    const h = await startFake();
    const res = await h.post('/login', {
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: 'alice' },
      password: 'wrong',
    });
    expect(res.status).toBe(403);
    expect(res.json.errcode).toBe('M_FORBIDDEN');
  });
});

describe('routing and CORS', () => {
  it('should answer 400 M_UNRECOGNIZED for an unknown path, like Synapse', async () => {
    const h = await startFake();
    const res = await h.post('/account/3pid/bind', { sid: 'abc', client_secret: 'def', id_server: 'id.example', id_access_token: 'x' });
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_UNRECOGNIZED');
  });

  it('should answer 405 M_UNRECOGNIZED for a known path with another method', async () => {
    const h = await startFake();
    const res = await h.call('GET', `${h.api}/account/3pid/add`);
    expect(res.status).toBe(405);
    expect(res.json.errcode).toBe('M_UNRECOGNIZED');
  });

  it('should answer a CORS preflight with 204 and the allow headers', async () => {
    const h = await startFake();
    const res = await h.call('OPTIONS', `${h.api}/account/3pid/email/requestToken`, {
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(h.hs.requests.count({ endpoint: 'preflight' })).toBe(1);
  });

  it('should put Access-Control-Allow-Origin on JSON answers, errors included', async () => {
    const h = await startFake();
    const ok = await h.get('/login');
    const error = await h.get('/account/whoami');
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(error.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('should answer HEAD like GET without a body', async () => {
    const h = await startFake();
    const res = await h.call('HEAD', `${h.api}/login`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });
});
