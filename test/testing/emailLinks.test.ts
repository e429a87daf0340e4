import { describe, expect, it } from 'vitest';
import { emailIdentityAuth, field, requestEmailToken } from './support/flows';
import { secret, startFake } from './support/harness';

describe('emailed links', () => {
  it('should validate an add link on GET and show a page that cannot be framed', async () => {
    const h = await startFake();
    await requestEmailToken(h, 'account/3pid', 'page@example.org', secret());
    const link = h.hs.inbox.latest('page@example.org')?.link ?? '';
    const page = await h.call('GET', link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Your email has now been validated');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('should accept following the same link twice', async () => {
    const h = await startFake();
    await requestEmailToken(h, 'account/3pid', 'twice@example.org', secret());
    const link = h.hs.inbox.latest('twice@example.org')?.link ?? '';
    expect((await h.call('GET', link)).status).toBe(200);
    expect((await h.call('GET', link)).status).toBe(200);
  });

  it('should redirect to next_link with the sid appended once validated', async () => {
    const h = await startFake();
    const res = await requestEmailToken(h, 'account/3pid', 'next@example.org', secret(), 1, {
      next_link: 'https://app.example/done?step=1',
    });
    const page = await h.call('GET', h.hs.inbox.latest('next@example.org')?.link ?? '');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`https://app.example/done?step=1&sid=${field(res, 'sid')}`);
  });

  it('should show a failure page for a wrong token', async () => {
    const h = await startFake();
    await requestEmailToken(h, 'account/3pid', 'wrong@example.org', secret());
    const link = new URL(h.hs.inbox.latest('wrong@example.org')?.link ?? '');
    link.searchParams.set('token', 'not-the-token');
    const page = await h.call('GET', link.href);
    expect(page.status).toBe(400);
    expect(page.text).toContain('Validation token not found or has expired');
  });

  it('should not validate a reset on GET: only the confirmation form POST does', async () => {
    const h = await startFake();
    const clientSecret = secret();
    const res = await requestEmailToken(h, 'account/password', 'alice@example.org', clientSecret);
    const sid = field(res, 'sid');
    const link = h.hs.inbox.latest('alice@example.org')?.link ?? '';

    const page = await h.call('GET', link);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<form method="post">/);
    expect(page.text).toContain('Confirm changing my password');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const early = await h.post('/account/password', { new_password: 'a long new password', auth: emailIdentityAuth(sid, clientSecret) });
    expect(early.status).toBe(401);
    expect(early.json.errcode).toBe('M_UNAUTHORIZED');

    const form = new URLSearchParams();
    for (const m of page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1] ?? '', m[2] ?? '');
    const confirmed = await h.call('POST', link, {
      body: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('return to your client to reset your password');
    const done = await h.post('/account/password', { new_password: 'a long new password', auth: emailIdentityAuth(sid, clientSecret) });
    expect(done.status).toBe(200);
  });

  it('should let followLink press the reset confirmation button', async () => {
    const h = await startFake();
    const clientSecret = secret();
    const sid = field(await requestEmailToken(h, 'account/password', 'alice@example.org', clientSecret), 'sid');
    const result = await h.hs.followLink(h.hs.inbox.latest('alice@example.org')?.link ?? '');
    expect(result).toEqual({ ok: true, status: 200 });
    expect(h.hs.requests.filter((r) => r.endpoint === 'link').map((r) => r.method)).toEqual(['GET', 'POST']);
    const done = await h.post('/account/password', { new_password: 'a long new password', auth: emailIdentityAuth(sid, clientSecret) });
    expect(done.status).toBe(200);
  });

  it('should report a failed followLink for an expired link', async () => {
    let now = 1_700_000_000_000;
    const h = await startFake({ now: () => now, tokenLifetimeMs: 60_000 });
    await requestEmailToken(h, 'account/3pid', 'late@example.org', secret());
    const link = h.hs.inbox.latest('late@example.org')?.link ?? '';
    now += 60_000;
    expect(await h.hs.followLink(link)).toEqual({ ok: false, status: 400 });
  });

  it('should keep a link valid until just before tokenLifetimeMs', async () => {
    let now = 1_700_000_000_000;
    const h = await startFake({ now: () => now });
    await requestEmailToken(h, 'account/3pid', 'intime@example.org', secret());
    now += 3_600_000 - 1;
    expect(await h.hs.followLink(h.hs.inbox.latest('intime@example.org')?.link ?? '')).toEqual({ ok: true, status: 200 });
  });

  it('should build links on baseUrl when not listening', async () => {
    const { createFakeHomeserver } = await import('../../src/testing');
    const hs = createFakeHomeserver({ baseUrl: 'https://matrix.example.test/' });
    await hs.fetch('https://matrix.example.test/_matrix/client/v3/account/3pid/email/requestToken', {
      method: 'POST',
      body: JSON.stringify({ client_secret: 'abc', email: 'x@example.org', send_attempt: 1 }),
    });
    const link = hs.inbox.latest('x@example.org')?.link ?? '';
    expect(link.startsWith('https://matrix.example.test/_matrix/client/unstable/add_threepid/email/submit_token?')).toBe(true);
    expect(await hs.followLink(link)).toEqual({ ok: true, status: 200 });
  });
});
