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

  it('should accept a number already in international form whatever the country', async () => {
    const h = await startFake();
    const res = await requestPhoneToken(h, 'account/3pid', 'FR', '+1 415 555 0100', secret());
    expect(res.status).toBe(200);
    expect(h.hs.inbox.latest('+14155550100')?.to).toBe('14155550100');
  });

  it('should mail a reset link to the password reset confirmation page', async () => {
    const h = await startFake();
    const res = await requestEmailToken(h, 'account/password', 'ALICE@example.org', secret());
    expect(res.status).toBe(200);
    const message = h.hs.inbox.latest('alice@example.org');
    expect(message?.kind).toBe('reset');
    expect(new URL(message?.link ?? '').pathname).toBe('/_synapse/client/password_reset/email/submit_token');
  });

  it('should mail a registration link for register', async () => {
    const h = await startFake();
    const res = await requestEmailToken(h, 'register', 'someone@example.net', secret());
    expect(res.status).toBe(200);
    const message = h.hs.inbox.latest('someone@example.net');
    expect(message?.kind).toBe('register');
    expect(new URL(message?.link ?? '').pathname).toBe('/_matrix/client/unstable/registration/email/submit_token');
  });

  describe('send_attempt', () => {
    it('should answer the same sid without a new message for the same or a lower send_attempt', async () => {
      const h = await startFake();
      const clientSecret = secret();
      const first = await requestEmailToken(h, 'account/3pid', 'retry@example.org', clientSecret, 2);
      const same = await requestEmailToken(h, 'account/3pid', 'retry@example.org', clientSecret, 2);
      const lower = await requestEmailToken(h, 'account/3pid', 'retry@example.org', clientSecret, 1);
      expect([same.status, lower.status]).toEqual([200, 200]);
      expect(field(same, 'sid')).toBe(field(first, 'sid'));
      expect(field(lower, 'sid')).toBe(field(first, 'sid'));
      expect(h.hs.inbox.all()).toHaveLength(1);
    });

    it('should send a new token under the same sid for a higher send_attempt, keeping the old one valid', async () => {
      const h = await startFake();
      const clientSecret = secret();
      const first = await requestEmailToken(h, 'account/3pid', 'resend@example.org', clientSecret, 1);
      const oldLink = h.hs.inbox.latest('resend@example.org')?.link ?? '';
      const second = await requestEmailToken(h, 'account/3pid', 'resend@example.org', clientSecret, 2);
      expect(field(second, 'sid')).toBe(field(first, 'sid'));
      const messages = h.hs.inbox.all();
      expect(messages).toHaveLength(2);
      expect(messages[1]?.token).not.toBe(messages[0]?.token);
      expect(await h.hs.followLink(oldLink)).toEqual({ ok: true, status: 200 });
    });

    it('should start a new session for another client_secret', async () => {
      const h = await startFake();
      const a = await requestEmailToken(h, 'account/3pid', 'two@example.org', secret());
      const b = await requestEmailToken(h, 'account/3pid', 'two@example.org', secret());
      expect(field(a, 'sid')).not.toBe(field(b, 'sid'));
      expect(h.hs.inbox.all()).toHaveLength(2);
    });

    it('should start a new session once the previous one was validated', async () => {
      const h = await startFake();
      const clientSecret = secret();
      const first = await requestEmailToken(h, 'account/3pid', 'again@example.org', clientSecret, 1);
      await h.hs.followLink(h.hs.inbox.latest('again@example.org')?.link ?? '');
      const second = await requestEmailToken(h, 'account/3pid', 'again@example.org', clientSecret, 1);
      expect(field(second, 'sid')).not.toBe(field(first, 'sid'));
      expect(h.hs.inbox.all()).toHaveLength(2);
    });
  });

  describe('addresses already known or unknown', () => {
    it('should answer 400 M_THREEPID_IN_USE for an address on an account when adding', async () => {
      const h = await startFake();
      const res = await requestEmailToken(h, 'account/3pid', 'alice@example.org', secret());
      expect(res.status).toBe(400);
      expect(res.json.errcode).toBe('M_THREEPID_IN_USE');
      expect(h.hs.inbox.all()).toEqual([]);
    });

    it('should answer 400 M_THREEPID_IN_USE for a phone on an account when registering', async () => {
      const h = await startFake();
      const res = await requestPhoneToken(h, 'register', 'GB', '07700900001', secret());
      expect(res.status).toBe(400);
      expect(res.json.errcode).toBe('M_THREEPID_IN_USE');
    });

    it('should answer 400 M_THREEPID_NOT_FOUND for an unknown address when resetting', async () => {
      const h = await startFake();
      const res = await requestEmailToken(h, 'account/password', 'nobody@example.org', secret());
      expect(res.status).toBe(400);
      expect(res.json.errcode).toBe('M_THREEPID_NOT_FOUND');
      expect(h.hs.inbox.all()).toEqual([]);
    });

    it('should hide in-use and not-found behind a sid that never validates with inhibitThreepidErrors', async () => {
      const h = await startFake({ inhibitThreepidErrors: true });
      const inUse = await requestEmailToken(h, 'account/3pid', 'alice@example.org', secret());
      const clientSecret = secret();
      const notFound = await requestEmailToken(h, 'account/password', 'nobody@example.org', clientSecret);
      expect(inUse.status).toBe(200);
      expect(notFound.status).toBe(200);
      expect(notFound.json).toEqual({ sid: expect.any(String) });
      expect(h.hs.inbox.all()).toEqual([]);
      const reset = await h.post('/account/password', {
        new_password: 'a long new password',
        auth: {
          type: 'm.login.email.identity',
          threepid_creds: { sid: field(notFound, 'sid'), client_secret: clientSecret },
        },
      });
      expect(reset.status).toBe(401);
      expect(reset.json.errcode).toBe('M_UNAUTHORIZED');
    });

    it('should answer 403 M_THREEPID_DENIED for an address the server does not allow', async () => {
      const h = await startFake({ threepidAllowed: (medium, address) => medium !== 'email' || !address.endsWith('@blocked.example') });
      const res = await requestEmailToken(h, 'account/3pid', 'me@blocked.example', secret());
      expect(res.status).toBe(403);
      expect(res.json.errcode).toBe('M_THREEPID_DENIED');
    });
  });

  describe('server options', () => {
    it('should answer a submit_url and mail a code instead of a link with emailSubmitUrl', async () => {
      const h = await startFake({ emailSubmitUrl: true });
      const res = await requestEmailToken(h, 'account/password', 'alice@example.org', secret());
      expect(field(res, 'submit_url')).toBe(`${h.url}/_matrix/client/unstable/password_reset/email/submit_token`);
      const message = h.hs.inbox.latest('alice@example.org');
      expect(message?.token).toMatch(/^\d{6}$/);
      expect(message?.link).toBeUndefined();
    });

    it('should refuse phone numbers like Synapse without an SMS provider when msisdnSupported is false', async () => {
      const h = await startFake({ msisdnSupported: false });
      const res = await requestPhoneToken(h, 'account/3pid', 'GB', '07700900999', secret());
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        errcode: 'M_UNKNOWN',
        error: 'Adding phone numbers to user account is not supported by this homeserver',
      });
    });

    it('should still check the number is free before saying phones are unsupported, like Synapse', async () => {
      const h = await startFake({ msisdnSupported: false });
      const res = await requestPhoneToken(h, 'account/3pid', 'GB', '07700900001', secret());
      expect(res.json.errcode).toBe('M_THREEPID_IN_USE');
    });

    it('should not know reset by phone by default, like Synapse since v1.5', async () => {
      const h = await startFake();
      const res = await requestPhoneToken(h, 'account/password', 'GB', '07700900001', secret());
      expect(res.status).toBe(400);
      expect(res.json.errcode).toBe('M_UNRECOGNIZED');
    });

    it('should text a reset code for a known phone when resetByPhone is on (spec only)', async () => {
      const h = await startFake({ resetByPhone: true });
      const res = await requestPhoneToken(h, 'account/password', 'GB', '07700 900001', secret());
      expect(res.status).toBe(200);
      expect(field(res, 'submit_url')).toBe(`${h.url}/_matrix/client/unstable/password_reset/msisdn/submit_token`);
      expect(h.hs.inbox.latest('447700900001')?.kind).toBe('reset');
    });

    it('should refuse adding addresses with 400 M_FORBIDDEN when 3PID changes are disabled', async () => {
      const h = await startFake({ capabilities: { threepidChanges: false } });
      const res = await requestEmailToken(h, 'account/3pid', 'new@example.org', secret());
      expect(res.status).toBe(400);
      expect(res.json.errcode).toBe('M_FORBIDDEN');
    });
  });

  describe('body checks', () => {
    it.each([
      ['not JSON', '{"client_secret": ', 'M_NOT_JSON'],
      ['not an object', '[1, 2]', 'M_BAD_JSON'],
      ['missing send_attempt', { client_secret: 'abc', email: 'x@example.org' }, 'M_MISSING_PARAM'],
      ['missing email', { client_secret: 'abc', send_attempt: 1 }, 'M_MISSING_PARAM'],
      ['send_attempt as a string', { client_secret: 'abc', email: 'x@example.org', send_attempt: '1' }, 'M_BAD_JSON'],
      ['send_attempt not an integer', { client_secret: 'abc', email: 'x@example.org', send_attempt: 1.5 }, 'M_BAD_JSON'],
      ['email not a string', { client_secret: 'abc', email: 42, send_attempt: 1 }, 'M_BAD_JSON'],
      ['client_secret with a space', { client_secret: 'a b', email: 'x@example.org', send_attempt: 1 }, 'M_INVALID_PARAM'],
      ['empty client_secret', { client_secret: '', email: 'x@example.org', send_attempt: 1 }, 'M_INVALID_PARAM'],
      ['client_secret of 256 characters', { client_secret: 'a'.repeat(256), email: 'x@example.org', send_attempt: 1 }, 'M_INVALID_PARAM'],
      ['an email without @', { client_secret: 'abc', email: 'not-an-email', send_attempt: 1 }, 'M_INVALID_PARAM'],
      ['a next_link that is not http(s)', { client_secret: 'abc', email: 'x@example.org', send_attempt: 1, next_link: 'javascript:alert(1)' }, 'M_INVALID_PARAM'],
    ])('should answer 400 for an email body with %s', async (_name, body, errcode) => {
      const h = await startFake();
      h.allowInvalidRequests();
      const res = await h.post('/account/3pid/email/requestToken', body);
      expect(res.status).toBe(400);
      expect(res.json.errcode).toBe(errcode);
      expect(h.hs.inbox.all()).toEqual([]);
    });

    it.each([
      ['a lower-case country', { country: 'gb', phone_number: '07700900123' }, 'M_INVALID_PARAM'],
      ['letters in the number', { country: 'GB', phone_number: 'call me' }, 'M_INVALID_PARAM'],
      ['a too short number', { country: 'GB', phone_number: '12' }, 'M_INVALID_PARAM'],
      ['no country', { phone_number: '07700900123' }, 'M_MISSING_PARAM'],
    ])('should answer 400 for a phone body with %s', async (_name, fields, errcode) => {
      const h = await startFake();
      h.allowInvalidRequests();
      const res = await h.post('/account/3pid/msisdn/requestToken', { client_secret: 'abc', send_attempt: 1, ...fields });
      expect(res.status).toBe(400);
      expect(res.json.errcode).toBe(errcode);
    });

    it('should accept the largest valid client_secret alphabet', async () => {
      const h = await startFake();
      const res = await requestEmailToken(h, 'account/3pid', 'ok@example.org', 'aZ09.=_-'.padEnd(255, 'x'));
      expect(res.status).toBe(200);
    });
  });

  it('should use the configured prefix for every endpoint and for submit_url', async () => {
    const h = await startFake({ prefix: '/_api/client/v3' });
    expect(h.api).toBe(`${h.url}/_api/client/v3`);
    const res = await requestPhoneToken(h, 'account/3pid', 'GB', '07700900555', secret());
    expect(res.status).toBe(200);
    expect(field(res, 'submit_url')).toBe(`${h.url}/_api/client/unstable/add_threepid/msisdn/submit_token`);
    const old = await h.call('POST', `${h.url}/_matrix/client/v3/account/3pid/email/requestToken`, {
      body: { client_secret: secret(), email: 'x@example.org', send_attempt: 1 },
    });
    expect(old.status).toBe(400);
    expect(old.json.errcode).toBe('M_UNRECOGNIZED');
  });
});
