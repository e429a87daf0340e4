import { describe, expect, it } from 'vitest';
import { field, passwordAuth, requestEmailToken, requestPhoneToken } from './support/flows';
import { secret, startFake, type Harness } from './support/harness';

const ALICE = '@alice:localhost';

function aliceToken(h: Harness): string {
  return h.hs.users.get(ALICE)?.accessToken ?? '';
}

async function emailSession(h: Harness, email: string): Promise<{ sid: string; clientSecret: string; link: string }> {
  const clientSecret = secret();
  const sid = field(await requestEmailToken(h, 'account/3pid', email, clientSecret), 'sid');
  return { sid, clientSecret, link: h.hs.inbox.latest(email)?.link ?? '' };
}

describe('/account/3pid/add', () => {
  it('should answer 401 M_MISSING_TOKEN without an access token', async () => {
    const h = await startFake();
    const res = await h.post('/account/3pid/add', { sid: 'abc', client_secret: 'def' });
    expect(res.status).toBe(401);
    expect(res.json.errcode).toBe('M_MISSING_TOKEN');
  });

  it('should answer 401 M_UNKNOWN_TOKEN with soft_logout false for an unknown access token', async () => {
    const h = await startFake();
    const res = await h.post('/account/3pid/add', { sid: 'abc', client_secret: 'def' }, { token: 'syt_nobody' });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ errcode: 'M_UNKNOWN_TOKEN', soft_logout: false });
  });

  it('should ask for the password stage first, like Synapse', async () => {
    const h = await startFake();
    const s = await emailSession(h, 'first@example.org');
    const res = await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret }, { token: aliceToken(h) });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ flows: [{ stages: ['m.login.password'] }], params: {}, session: expect.any(String) });
  });

  it('should answer 401 with M_FORBIDDEN and the same session for a wrong password', async () => {
    const h = await startFake();
    const s = await emailSession(h, 'wrongpw@example.org');
    const first = await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret }, { token: aliceToken(h) });
    const session = field(first, 'session');
    const res = await h.post(
      '/account/3pid/add',
      { sid: s.sid, client_secret: s.clientSecret, auth: passwordAuth(ALICE, 'wrong', session) },
      { token: aliceToken(h) },
    );
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ errcode: 'M_FORBIDDEN', session, completed: [], flows: [{ stages: ['m.login.password'] }] });
  });

  it('should answer 400 M_THREEPID_AUTH_FAILED after the password but before the link, then pass with the session alone', async () => {
    const h = await startFake();
    const s = await emailSession(h, 'persist@example.org');
    const token = aliceToken(h);
    const first = await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret }, { token });
    const session = field(first, 'session');

    const early = await h.post(
      '/account/3pid/add',
      { sid: s.sid, client_secret: s.clientSecret, auth: passwordAuth('alice', 'correct horse', session) },
      { token },
    );
    expect(early.status).toBe(400);
    expect(early.json.errcode).toBe('M_THREEPID_AUTH_FAILED');

    expect(await h.hs.followLink(s.link)).toEqual({ ok: true, status: 200 });
    const done = await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret, auth: { session } }, { token });
    expect(done.status).toBe(200);
    expect(done.json).toEqual({});

    const list = await h.get('/account/3pid', { token });
    expect(list.json.threepids).toEqual(
      expect.arrayContaining([{ medium: 'email', address: 'persist@example.org', validated_at: expect.any(Number), added_at: expect.any(Number) }]),
    );
  });

  it('should add a phone validated through its submit_url', async () => {
    const h = await startFake();
    const token = aliceToken(h);
    const clientSecret = secret();
    const res = await requestPhoneToken(h, 'account/3pid', 'GB', '07700900444', clientSecret);
    const sid = field(res, 'sid');
    const code = h.hs.inbox.latest('447700900444')?.token ?? '';
    await h.call('POST', field(res, 'submit_url'), { body: { sid, client_secret: clientSecret, token: code } });
    const done = await h.post(
      '/account/3pid/add',
      { sid, client_secret: clientSecret, auth: passwordAuth('alice', 'correct horse') },
      { token },
    );
    expect(done.status).toBe(200);
    expect(h.hs.users.findByThreepid('msisdn', '+447700900444')?.userId).toBe(ALICE);
  });

  it('should not accept a session ID that was never issued', async () => {
    const h = await startFake();
    const s = await emailSession(h, 'nosession@example.org');
    const res = await h.post(
      '/account/3pid/add',
      { sid: s.sid, client_secret: s.clientSecret, auth: { session: 'made-up' } },
      { token: aliceToken(h) },
    );
    expect(res.status).toBe(400);
  });

  it('should refuse with 400 M_FORBIDDEN when 3PID changes are disabled', async () => {
    const h = await startFake({ capabilities: { threepidChanges: false } });
    const res = await h.post('/account/3pid/add', { sid: 'abc', client_secret: 'def' }, { token: aliceToken(h) });
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_FORBIDDEN');
  });

  describe('SSO-only account', () => {
    it('should offer only m.login.sso and complete it through the fallback page served over HTTP', async () => {
      const h = await startFake();
      const carol = h.hs.users.get('@carol:localhost');
      const token = carol?.accessToken ?? '';
      const s = await emailSession(h, 'carol.new@example.org');
      await h.hs.followLink(s.link);
      const first = await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret }, { token });
      expect(first.status).toBe(401);
      expect(first.json.flows).toEqual([{ stages: ['m.login.sso'] }]);
      const session = field(first, 'session');

      const fallbackUrl = `${h.api}/auth/m.login.sso/fallback/web?session=${encodeURIComponent(session)}`;
      const page = await h.call('GET', fallbackUrl);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<form method="post">');
      const stillPending = await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret, auth: { session } }, { token });
      expect(stillPending.status).toBe(401);

      const done = await h.call('POST', fallbackUrl, {
        body: `session=${encodeURIComponent(session)}`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(done.status).toBe(200);
      expect(done.text).toContain('window.opener.postMessage("authDone", "*")');
      expect(done.text).toContain('window.onAuthDone()');

      const added = await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret, auth: { session } }, { token });
      expect(added.status).toBe(200);
    });

    it('should complete the SSO stage in memory with completeFallback', async () => {
      const h = await startFake();
      const token = h.hs.users.get('carol')?.accessToken ?? '';
      const s = await emailSession(h, 'carol.two@example.org');
      await h.hs.followLink(s.link);
      const session = field(await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret }, { token }), 'session');
      expect(h.hs.completeFallback(session)).toBe(true);
      expect(h.hs.completeFallback('unknown-session')).toBe(false);
      const added = await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret, auth: { session } }, { token });
      expect(added.status).toBe(200);
    });

    it('should refuse m.login.sso sent as an auth type, like Synapse', async () => {
      const h = await startFake();
      const token = h.hs.users.get('carol')?.accessToken ?? '';
      const s = await emailSession(h, 'carol.three@example.org');
      const session = field(await h.post('/account/3pid/add', { sid: s.sid, client_secret: s.clientSecret }, { token }), 'session');
      const res = await h.post(
        '/account/3pid/add',
        { sid: s.sid, client_secret: s.clientSecret, auth: { type: 'm.login.sso', session } },
        { token },
      );
      expect(res.status).toBe(400);
    });

    it('should answer 400 on the fallback page of an unknown session', async () => {
      const h = await startFake();
      const page = await h.call('GET', `${h.api}/auth/m.login.sso/fallback/web?session=nope`);
      expect(page.status).toBe(400);
    });
  });
});

describe('/account/3pid/delete', () => {
  it('should remove an address from the account', async () => {
    const h = await startFake();
    const token = aliceToken(h);
    const res = await h.post('/account/3pid/delete', { medium: 'email', address: 'Alice@Example.org' }, { token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id_server_unbind_result: 'no-support' });
    const list = await h.get('/account/3pid', { token });
    expect(list.json).toEqual({ threepids: [] });
  });
});
