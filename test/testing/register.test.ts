import { describe, expect, it } from 'vitest';
import { emailIdentityAuth, field, requestEmailToken, requestPhoneToken } from './support/flows';
import { secret, startFake, type Harness } from './support/harness';

const EMAIL = 'newcomer@example.org';
const PASSWORD = 'a long new password';

/** Starts a sign-up and returns its UIA session. */
async function startSignUp(h: Harness, body: Record<string, unknown> = { username: 'newcomer', password: PASSWORD }): Promise<string> {
  const res = await h.post('/register', body);
  expect(res.status).toBe(401);
  return field(res, 'session');
}

/** Requests the registration email and follows its link. */
async function validatedEmail(h: Harness, email = EMAIL): Promise<{ sid: string; clientSecret: string }> {
  const clientSecret = secret();
  const sid = field(await requestEmailToken(h, 'register', email, clientSecret), 'sid');
  const link = h.hs.inbox.latest(email)?.link ?? '';
  expect(link).toContain('/_matrix/client/unstable/registration/email/submit_token?');
  expect(await h.hs.followLink(link)).toEqual({ ok: true, status: 200 });
  return { sid, clientSecret };
}

describe('/register', () => {
  it('should offer the dummy, email, phone and phone+email flows by default, like Synapse', async () => {
    const h = await startFake();
    const res = await h.post('/register', { username: 'newcomer', password: PASSWORD });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      session: expect.any(String),
      flows: [
        { stages: ['m.login.dummy'] },
        { stages: ['m.login.email.identity'] },
        { stages: ['m.login.msisdn'] },
        { stages: ['m.login.msisdn', 'm.login.email.identity'] },
      ],
      params: {},
    });
  });

  it('should build its flows from the settings: email required, no phone, a registration token', async () => {
    const h = await startFake({ registration: { require3pid: ['email'], msisdn: false, tokens: ['let-me-in'] } });
    const res = await h.post('/register', { username: 'newcomer', password: PASSWORD });
    expect(res.json.flows).toEqual([{ stages: ['m.login.registration_token', 'm.login.email.identity'] }]);
  });

  it('should answer 401 with M_UNAUTHORIZED and nothing completed before the link is followed', async () => {
    const h = await startFake({ registration: { require3pid: ['email'] } });
    const session = await startSignUp(h);
    const clientSecret = secret();
    const sid = field(await requestEmailToken(h, 'register', EMAIL, clientSecret), 'sid');
    const res = await h.post('/register', { auth: emailIdentityAuth(sid, clientSecret, session) });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ session, completed: [], errcode: 'M_UNAUTHORIZED', error: 'Unable to get validated threepid' });
    expect(h.hs.users.get('newcomer')).toBeUndefined();
  });

  it('should create the account with the proven email once the link is followed, from `auth` alone', async () => {
    const h = await startFake({ registration: { require3pid: ['email'] } });
    const session = await startSignUp(h);
    const { sid, clientSecret } = await validatedEmail(h);
    const res = await h.post('/register', { auth: emailIdentityAuth(sid, clientSecret, session) });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ user_id: '@newcomer:localhost', access_token: expect.any(String), device_id: expect.any(String), home_server: 'localhost' });
    const user = h.hs.users.get('newcomer');
    expect(user?.password).toBe(PASSWORD);
    expect(user?.threepids.map((t) => t.address)).toEqual([EMAIL]);
    expect(h.hs.users.isTokenValid(String(res.json.access_token))).toBe(true);
  });

  it('should answer a retry of a finished session with the same account, as Synapse does', async () => {
    const h = await startFake({ registration: { require3pid: ['email'] } });
    const session = await startSignUp(h);
    const { sid, clientSecret } = await validatedEmail(h);
    const first = await h.post('/register', { username: 'newcomer', auth: emailIdentityAuth(sid, clientSecret, session) });
    const again = await h.post('/register', { username: 'newcomer', auth: { session } });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.json.user_id).toBe('@newcomer:localhost');
    expect(h.hs.users.all().filter((u) => u.userId === '@newcomer:localhost')).toHaveLength(1);
  });

  it('should ask for the registration token first and refuse a wrong one', async () => {
    const h = await startFake({ registration: { require3pid: ['email'], tokens: ['let-me-in'] } });
    const session = await startSignUp(h);
    const wrong = await h.post('/register', { auth: { type: 'm.login.registration_token', token: 'guess', session } });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ completed: [], errcode: 'M_UNAUTHORIZED' });
    const right = await h.post('/register', { auth: { type: 'm.login.registration_token', token: 'let-me-in', session } });
    expect(right.status).toBe(401);
    expect(right.json.completed).toEqual(['m.login.registration_token']);
    const { sid, clientSecret } = await validatedEmail(h);
    const done = await h.post('/register', { auth: emailIdentityAuth(sid, clientSecret, session) });
    expect(done.status).toBe(200);
  });

  it('should pass the dummy stage when email is optional', async () => {
    const h = await startFake();
    const session = await startSignUp(h);
    const res = await h.post('/register', { auth: { type: 'm.login.dummy', session } });
    expect(res.status).toBe(200);
    expect(h.hs.users.get('newcomer')?.threepids).toEqual([]);
  });

  it('should refuse an email already on an account at requestToken, and at /register if it was taken meanwhile', async () => {
    const h = await startFake({ registration: { require3pid: ['email'] } });
    const inUse = await requestEmailToken(h, 'register', 'alice@example.org', secret());
    expect(inUse.status).toBe(400);
    expect(inUse.json.errcode).toBe('M_THREEPID_IN_USE');

    const session = await startSignUp(h);
    const { sid, clientSecret } = await validatedEmail(h);
    h.hs.users.addUser({ userId: 'quicker', password: PASSWORD, emails: [EMAIL] });
    const res = await h.post('/register', { auth: emailIdentityAuth(sid, clientSecret, session) });
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_THREEPID_IN_USE');
  });

  it('should bind a phone proven with its texted code', async () => {
    const h = await startFake({ registration: { require3pid: ['msisdn'] } });
    const session = await startSignUp(h);
    const clientSecret = secret();
    const answer = await requestPhoneToken(h, 'register', 'GB', '7700900123', clientSecret);
    const sid = field(answer, 'sid');
    const submitUrl = field(answer, 'submit_url');
    expect(new URL(submitUrl).pathname).toBe('/_matrix/client/unstable/registration/msisdn/submit_token');
    const token = h.hs.inbox.latest('+447700900123')?.token;
    expect((await h.call('POST', submitUrl, { body: { sid, client_secret: clientSecret, token } })).json).toEqual({ success: true });
    const res = await h.post('/register', { auth: { type: 'm.login.msisdn', threepid_creds: { sid, client_secret: clientSecret }, session } });
    expect(res.status).toBe(200);
    expect(h.hs.users.get('newcomer')?.threepids.map((t) => [t.medium, t.address])).toEqual([['msisdn', '447700900123']]);
  });

  it('should check the username and password before auth, and refuse sign-up when disabled', async () => {
    const h = await startFake();
    expect((await h.post('/register', { username: 'alice', password: PASSWORD })).json.errcode).toBe('M_USER_IN_USE');
    expect((await h.post('/register', { username: 'Not Valid!', password: PASSWORD })).json.errcode).toBe('M_INVALID_USERNAME');
    expect((await h.post('/register', { username: 'newcomer', password: 'short' })).json.errcode).toBe('M_WEAK_PASSWORD');
    const off = await startFake({ registration: { enabled: false } });
    const res = await off.post('/register', { username: 'newcomer', password: PASSWORD });
    expect(res.status).toBe(403);
    expect(res.json.errcode).toBe('M_FORBIDDEN');
  });

  it('should keep passwords and tokens out of the request log', async () => {
    const h = await startFake({ registration: { tokens: ['let-me-in'] } });
    const session = await startSignUp(h);
    await h.post('/register', { auth: { type: 'm.login.registration_token', token: 'let-me-in', session } });
    expect(JSON.stringify([...h.hs.requests])).not.toMatch(/let-me-in|a long new password/);
  });
});
