import { describe, expect, it } from 'vitest';
import { field, requestEmailToken, requestPhoneToken } from './support/flows';
import { secret, startFake } from './support/harness';

describe('requestToken', () => {
  it('should mail a link and answer a sid without submit_url for email', async () => {
    const h = await startFake();
    const clientSecret = secret();
    const res = await requestEmailToken(h, 'account/3pid', 'New.Person@Example.org', clientSecret);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ sid: expect.any(String) });
    const message = h.hs.inbox.latest('new.person@example.org');
    expect(message).toMatchObject({ to: 'new.person@example.org', medium: 'email', kind: 'add', sid: field(res, 'sid') });
    const link = new URL(message?.link ?? '');
    expect(link.origin).toBe(h.url);
    expect(link.pathname).toBe('/_matrix/client/unstable/add_threepid/email/submit_token');
    expect(link.searchParams.get('token')).toBe(message?.token);
    expect(link.searchParams.get('client_secret')).toBe(clientSecret);
    expect(link.searchParams.get('sid')).toBe(field(res, 'sid'));
  });

  it('should text a 6-digit code and answer a submit_url for a phone number', async () => {
    const h = await startFake();
    const res = await requestPhoneToken(h, 'account/3pid', 'GB', '07700 900123', secret());
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sid: expect.any(String), msisdn: '447700900123', success: true });
    expect(field(res, 'submit_url')).toBe(`${h.url}/_matrix/client/unstable/add_threepid/msisdn/submit_token`);
    const message = h.hs.inbox.latest('+44 7700 900123');
    expect(message).toMatchObject({ to: '447700900123', medium: 'msisdn', kind: 'add' });
    expect(message?.token).toMatch(/^\d{6}$/);
    expect(message?.link).toBeUndefined();
  });
});
