// The spec helper is what makes the conformance tests able to fail: check that it does catch violations.
import { describe, expect, it, vi } from 'vitest';
import { specSkipReason, validateRequest, validateResponse } from '../support/spec';

const skipNote = specSkipReason ? ` (skipped: ${specSkipReason})` : '';
const requestTokenUrl = 'https://hs.test/_matrix/client/v3/account/3pid/email/requestToken';
const goodBody = { client_secret: 'abc', email: 'a@example.org', send_attempt: 1 };

describe('test/support/spec', () => {
  it.skipIf(specSkipReason)(`should accept a conforming requestToken body${skipNote}`, () => {
    expect(validateRequest('POST', requestTokenUrl, goodBody)).toEqual([]);
  });

  it.skipIf(specSkipReason)(`should report a missing field and a wrong type from the schema${skipNote}`, () => {
    const errors = validateRequest('POST', requestTokenUrl, { client_secret: 'abc', send_attempt: '1' });
    expect(errors.join('\n')).toMatch(/email/);
    expect(errors.join('\n')).toMatch(/send_attempt must be integer/);
  });

  it.skipIf(specSkipReason)(`should map any prefix ending in client/v3 onto the spec path${skipNote}`, () => {
    const url = 'https://node.example/_api/client/v3/account/3pid/email/requestToken';
    expect(validateRequest('POST', url, goodBody)).toEqual([]);
    expect(validateRequest('POST', url, {})).not.toEqual([]);
  });

  it.skipIf(specSkipReason)(`should validate a submit_url against the identity submitToken schema${skipNote}`, () => {
    const url = 'https://hs.test/_matrix/client/unstable/add_threepid/msisdn/submit_token';
    expect(validateRequest('POST', url, { sid: 's', client_secret: 'c', token: 't' })).toEqual([]);
    expect(validateRequest('POST', url, { sid: 's', client_secret: 'c' })).not.toEqual([]);
    expect(validateResponse('POST', url, 200, { success: true })).toEqual([]);
    expect(validateResponse('POST', url, 200, { success: 'true' })).not.toEqual([]);
  });

  it.skipIf(specSkipReason)(`should check responses by status, UIA bodies included${skipNote}`, () => {
    const add = '/_matrix/client/v3/account/3pid/add';
    expect(validateResponse('POST', add, 401, { flows: [{ stages: ['m.login.password'] }], params: {}, session: 'x' })).toEqual([]);
    expect(validateResponse('POST', add, 401, { flows: 'm.login.password' })).not.toEqual([]);
    expect(validateResponse('POST', requestTokenUrl, 200, { submit_url: 'https://x' })).not.toEqual([]);
  });

  it.skipIf(specSkipReason)(`should accept the common error shape at any error status${skipNote}`, () => {
    const add = '/_matrix/client/v3/account/3pid/add';
    expect(validateResponse('POST', add, 401, { errcode: 'M_UNKNOWN_TOKEN', soft_logout: true })).toEqual([]);
    expect(validateResponse('POST', add, 400, { errcode: 'M_THREEPID_AUTH_FAILED' })).toEqual([]);
    expect(validateResponse('POST', add, 400, { error: 'no errcode' })).not.toEqual([]);
  });

  it.skipIf(specSkipReason)(`should flag a success status the endpoint does not document${skipNote}`, () => {
    expect(validateResponse('POST', requestTokenUrl, 204, {})).not.toEqual([]);
  });

  it('should return [] for paths the spec subset does not hold', () => {
    expect(validateResponse('GET', '/_matrix/client/v3/account/whoami', 200, {})).toEqual([]);
    expect(validateRequest('GET', 'https://elsewhere.example/whatever', undefined)).toEqual([]);
  });

  it.each([
    ['an empty client_secret', { ...goodBody, client_secret: '' }],
    ['a client_secret with a space', { ...goodBody, client_secret: 'a b' }],
    ['a 256-character client_secret', { ...goodBody, client_secret: 'x'.repeat(256) }],
  ])('should apply the prose rules the schema lacks: %s', (_label, body) => {
    expect(validateRequest('POST', requestTokenUrl, body).join('\n')).toMatch(/client_secret must be 1-255/);
  });

  it('should apply the prose rules to a sid in a reply and to reset credentials', () => {
    expect(validateResponse('POST', requestTokenUrl, 200, { sid: 'has space' }).join('\n')).toMatch(/sid must be/);
    const body = { new_password: 'p', auth: { type: 'm.login.email.identity', threepid_creds: { sid: 's', client_secret: '' } } };
    expect(validateRequest('POST', '/_matrix/client/v3/account/password', body).join('\n')).toMatch(/client_secret must be/);
  });

  it('should require an upper-case two-letter country', () => {
    const url = '/_matrix/client/v3/register/msisdn/requestToken';
    const body = { client_secret: 'c', country: 'gb', phone_number: '1', send_attempt: 1 };
    expect(validateRequest('POST', url, body).join('\n')).toMatch(/country/);
  });

  it('should report a skip reason naming the path when MATRIX_SPEC_OPENAPI points nowhere', async () => {
    vi.stubEnv('MATRIX_SPEC_OPENAPI', '/nonexistent/threepid-openapi.json');
    vi.resetModules();
    try {
      const fresh = await import('../support/spec');
      expect(fresh.specSkipReason).toMatch(/\/nonexistent\/threepid-openapi\.json/);
      expect(fresh.validateRequest('POST', requestTokenUrl, { send_attempt: 'x' })).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
