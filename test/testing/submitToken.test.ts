import { describe, expect, it } from 'vitest';
import { field, requestPhoneToken } from './support/flows';
import { secret, startFake, type Harness } from './support/harness';

async function phoneSession(h: Harness): Promise<{ sid: string; clientSecret: string; submitUrl: string; code: string }> {
  const clientSecret = secret();
  const res = await requestPhoneToken(h, 'account/3pid', 'GB', '07700900777', clientSecret);
  const code = h.hs.inbox.latest('447700900777')?.token ?? '';
  return { sid: field(res, 'sid'), clientSecret, submitUrl: field(res, 'submit_url'), code };
}

describe('submit_url', () => {
  it('should answer { success: true } for the right code', async () => {
    const h = await startFake();
    const s = await phoneSession(h);
    const res = await h.call('POST', s.submitUrl, { body: { sid: s.sid, client_secret: s.clientSecret, token: s.code } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true });
  });

  it("should answer a wrong code as Synapse proxies the identity server's refusal by default: 400 M_UNKNOWN", async () => {
    const h = await startFake();
    const s = await phoneSession(h);
    const wrong = s.code === '000000' ? '111111' : '000000';
    const res = await h.call('POST', s.submitUrl, { body: { sid: s.sid, client_secret: s.clientSecret, token: wrong } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errcode: 'M_UNKNOWN', error: 'Error contacting the identity server' });
  });

  it("should answer every refusal (expired, other secret, unknown sid) with Synapse's one answer by default", async () => {
    let now = 1_700_000_000_000;
    const h = await startFake({ now: () => now, tokenLifetimeMs: 1_000 });
    const s = await phoneSession(h);
    const bodies = [
      { sid: s.sid, client_secret: secret(), token: s.code },
      { sid: 'unknownsid', client_secret: s.clientSecret, token: s.code },
    ];
    now += 1_000;
    bodies.push({ sid: s.sid, client_secret: s.clientSecret, token: s.code });
    for (const body of bodies) {
      const res = await h.call('POST', s.submitUrl, { body });
      expect(res.status).toBe(400);
      expect(res.json.errcode).toBe('M_UNKNOWN');
    }
  });

  it('should text the same code again on a resend, as Sydent does', async () => {
    const h = await startFake();
    const s = await phoneSession(h);
    await requestPhoneToken(h, 'account/3pid', 'GB', '07700900777', s.clientSecret, 2);
    const texts = h.hs.inbox.all();
    expect(texts).toHaveLength(2);
    expect(texts[1]?.token).toBe(s.code);
  });

  it('should answer 200 { success: false } for a wrong code with tokenIncorrectStyle success-false (spec before v1.18)', async () => {
    const h = await startFake({ tokenIncorrectStyle: 'success-false' });
    const s = await phoneSession(h);
    const wrong = s.code === '000000' ? '111111' : '000000';
    const res = await h.call('POST', s.submitUrl, { body: { sid: s.sid, client_secret: s.clientSecret, token: wrong } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: false });
  });

  it('should answer 400 M_TOKEN_INCORRECT for a wrong code with tokenIncorrectStyle errcode', async () => {
    const h = await startFake({ tokenIncorrectStyle: 'errcode' });
    const s = await phoneSession(h);
    const wrong = s.code === '000000' ? '111111' : '000000';
    const res = await h.call('POST', s.submitUrl, { body: { sid: s.sid, client_secret: s.clientSecret, token: wrong } });
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_TOKEN_INCORRECT');
  });

  it('should answer 400 M_SESSION_EXPIRED once the code has expired (spec-style errors)', async () => {
    let now = 1_700_000_000_000;
    const h = await startFake({ now: () => now, tokenLifetimeMs: 1_000, tokenIncorrectStyle: 'errcode' });
    const s = await phoneSession(h);
    now += 1_000;
    const res = await h.call('POST', s.submitUrl, { body: { sid: s.sid, client_secret: s.clientSecret, token: s.code } });
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_SESSION_EXPIRED');
  });

  it('should refuse a client_secret that is not the session one (spec-style errors)', async () => {
    const h = await startFake({ tokenIncorrectStyle: 'errcode' });
    const s = await phoneSession(h);
    const res = await h.call('POST', s.submitUrl, { body: { sid: s.sid, client_secret: secret(), token: s.code } });
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_INVALID_PARAM');
  });

  it('should refuse an unknown sid (spec-style errors)', async () => {
    const h = await startFake({ tokenIncorrectStyle: 'errcode' });
    const s = await phoneSession(h);
    const res = await h.call('POST', s.submitUrl, { body: { sid: 'unknownsid', client_secret: s.clientSecret, token: s.code } });
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_NO_VALID_SESSION');
  });

  it('should accept the first code after a resend sent a second one', async () => {
    const h = await startFake({ tokenIncorrectStyle: 'errcode' });
    const s = await phoneSession(h);
    await requestPhoneToken(h, 'account/3pid', 'GB', '07700900777', s.clientSecret, 2);
    expect(h.hs.inbox.all()).toHaveLength(2);
    const res = await h.call('POST', s.submitUrl, { body: { sid: s.sid, client_secret: s.clientSecret, token: s.code } });
    expect(res.json).toEqual({ success: true });
  });

  it('should answer 400 M_MISSING_PARAM without a token', async () => {
    const h = await startFake();
    h.allowInvalidRequests();
    const s = await phoneSession(h);
    const res = await h.call('POST', s.submitUrl, { body: { sid: s.sid, client_secret: s.clientSecret } });
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_MISSING_PARAM');
  });
});
