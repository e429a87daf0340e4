import { describe, expect, it } from 'vitest';
import { toFlowError, type FailedCall } from '../../src/flow/errors';
import type { FlowErrorKind } from '../../src/flow/types';
import { MatrixApiError, ThreepidNetworkError, type MatrixApiErrorInit } from '../../src/protocol/errors';
import { nonJsonPaths, uiaInfo } from './fixtures';

type Call = Exclude<FailedCall, 'capabilities'>;
const ALL: Call[] = ['request', 'submitCode', 'complete'];

const every = (kind: FlowErrorKind): Record<Call, FlowErrorKind> => ({ request: kind, submitCode: kind, complete: kind });

const SYNAPSE_NO_SMS = 'Adding phone numbers to user account is not supported by this homeserver';

// PROTOCOL.md's error table, row by row, with what each one means at each call.
const rows: { name: string; init: MatrixApiErrorInit; kinds: Partial<Record<Call, FlowErrorKind>> }[] = [
  { name: '400 M_THREEPID_IN_USE', init: { status: 400, errcode: 'M_THREEPID_IN_USE' }, kinds: every('threepidInUse') },
  { name: '400 M_THREEPID_NOT_FOUND', init: { status: 400, errcode: 'M_THREEPID_NOT_FOUND' }, kinds: every('threepidNotFound') },
  { name: '403 M_THREEPID_DENIED', init: { status: 403, errcode: 'M_THREEPID_DENIED' }, kinds: every('threepidDenied') },
  { name: '400 M_THREEPID_MEDIUM_NOT_SUPPORTED', init: { status: 400, errcode: 'M_THREEPID_MEDIUM_NOT_SUPPORTED' }, kinds: every('mediumNotSupported') },
  { name: '400 M_INVALID_PARAM', init: { status: 400, errcode: 'M_INVALID_PARAM' }, kinds: { request: 'invalidAddress', submitCode: 'invalidCode', complete: 'unknown' } },
  { name: '400 M_BAD_JSON', init: { status: 400, errcode: 'M_BAD_JSON' }, kinds: { request: 'invalidAddress', submitCode: 'invalidCode', complete: 'unknown' } },
  { name: '400 M_MISSING_PARAM', init: { status: 400, errcode: 'M_MISSING_PARAM' }, kinds: { request: 'invalidAddress', submitCode: 'invalidCode', complete: 'unknown' } },
  { name: '400 M_SERVER_NOT_TRUSTED', init: { status: 400, errcode: 'M_SERVER_NOT_TRUSTED' }, kinds: every('serverNotTrusted') },
  { name: '429 M_LIMIT_EXCEEDED', init: { status: 429, errcode: 'M_LIMIT_EXCEEDED', retryAfterMs: 2500 }, kinds: every('rateLimited') },
  { name: '429 from a proxy (HTML body)', init: { status: 429, errcode: 'M_UNKNOWN' }, kinds: every('rateLimited') },
  {
    name: '400 M_THREEPID_AUTH_FAILED on 3pid/add',
    init: { status: 400, errcode: 'M_THREEPID_AUTH_FAILED', serverMessage: 'No validated 3pid session found' },
    kinds: { complete: 'notYetValidated' },
  },
  {
    name: '401 UIA + M_UNAUTHORIZED on password reset',
    init: { status: 401, errcode: 'M_UNAUTHORIZED', serverMessage: 'Unable to get validated threepid', uia: uiaInfo({ flows: [{ stages: ['m.login.email.identity'] }] }) },
    kinds: { complete: 'notYetValidated' },
  },
  { name: '401 M_UNAUTHORIZED without a UIA body', init: { status: 401, errcode: 'M_UNAUTHORIZED' }, kinds: { complete: 'unknown' } },
  { name: '401 UIA + M_FORBIDDEN (wrong password)', init: { status: 401, errcode: 'M_FORBIDDEN', uia: uiaInfo() }, kinds: { complete: 'wrongPassword' } },
  { name: '400 M_WEAK_PASSWORD', init: { status: 400, errcode: 'M_WEAK_PASSWORD' }, kinds: { complete: 'weakPassword' } },
  { name: '400 M_PASSWORD_TOO_SHORT (Synapse policy)', init: { status: 400, errcode: 'M_PASSWORD_TOO_SHORT' }, kinds: { complete: 'weakPassword' } },
  { name: '400 M_PASSWORD_NO_DIGIT (Synapse policy)', init: { status: 400, errcode: 'M_PASSWORD_NO_DIGIT' }, kinds: { complete: 'weakPassword' } },
  { name: '404 M_UNRECOGNIZED', init: { status: 404, errcode: 'M_UNRECOGNIZED' }, kinds: every('notOffered') },
  { name: '405 M_UNRECOGNIZED', init: { status: 405, errcode: 'M_UNRECOGNIZED' }, kinds: every('notOffered') },
  { name: '400 M_UNRECOGNIZED (Synapse)', init: { status: 400, errcode: 'M_UNRECOGNIZED' }, kinds: every('notOffered') },
  { name: '404 without a Matrix body', init: { status: 404, errcode: 'M_UNKNOWN' }, kinds: every('notOffered') },
  { name: '405 without a Matrix body', init: { status: 405, errcode: 'M_UNKNOWN' }, kinds: every('notOffered') },
  { name: '400 M_FORBIDDEN (3PID changes disabled)', init: { status: 400, errcode: 'M_FORBIDDEN' }, kinds: every('forbidden') },
  { name: '403 M_FORBIDDEN (3PID changes disabled)', init: { status: 403, errcode: 'M_FORBIDDEN' }, kinds: every('forbidden') },
  { name: '401 M_MISSING_TOKEN', init: { status: 401, errcode: 'M_MISSING_TOKEN' }, kinds: every('loggedOut') },
  { name: '401 M_UNKNOWN_TOKEN (soft logout)', init: { status: 401, errcode: 'M_UNKNOWN_TOKEN', softLogout: true }, kinds: every('loggedOut') },
  { name: '500 M_UNKNOWN (SMTP failure)', init: { status: 500, errcode: 'M_UNKNOWN', serverMessage: 'Internal server error' }, kinds: every('server') },
  { name: '502 HTML from a proxy', init: { status: 502, errcode: 'M_UNKNOWN' }, kinds: every('server') },
  { name: '503 M_UNKNOWN', init: { status: 503, errcode: 'M_UNKNOWN' }, kinds: every('server') },
  { name: '200 with a body that is not what the endpoint answers', init: { status: 200, errcode: 'M_UNKNOWN' }, kinds: every('server') },
  {
    name: "Synapse's 400 M_UNKNOWN for phone numbers",
    init: { status: 400, errcode: 'M_UNKNOWN', serverMessage: SYNAPSE_NO_SMS },
    kinds: { request: 'mediumNotSupported', complete: 'unknown' },
  },
  { name: '400 M_TOKEN_INCORRECT (v1.18 submit_url)', init: { status: 400, errcode: 'M_TOKEN_INCORRECT' }, kinds: { submitCode: 'invalidCode' } },
  { name: '200 success:false from submit_url', init: { status: 200, errcode: 'M_TOKEN_INCORRECT' }, kinds: { submitCode: 'invalidCode' } },
  { name: '400 M_SESSION_EXPIRED (v1.18 submit_url)', init: { status: 400, errcode: 'M_SESSION_EXPIRED' }, kinds: { submitCode: 'sessionExpired', complete: 'sessionExpired' } },
  { name: 'a submit_url refused before sending', init: { status: 0, errcode: 'M_INVALID_SUBMIT_URL' }, kinds: { submitCode: 'invalidSubmitUrl' } },
  // Any other 4xx from a submit_url is about the code: Synapse + Sydent say a wrong SMS code this way.
  { name: 'an errcode nobody knows', init: { status: 400, errcode: 'M_SOMETHING_NEW' }, kinds: { ...every('unknown'), submitCode: 'invalidCode' } },
  { name: "Synapse's proxied wrong SMS code", init: { status: 400, errcode: 'M_UNKNOWN', serverMessage: 'Error contacting the identity server' }, kinds: { ...every('unknown'), submitCode: 'invalidCode' } },
  { name: '404 M_NO_VALID_SESSION from an identity server', init: { status: 404, errcode: 'M_NO_VALID_SESSION', serverMessage: 'No valid session was found matching that sid and client secret' }, kinds: { submitCode: 'invalidCode' } },
  { name: '429 from submit_url', init: { status: 429, errcode: 'M_LIMIT_EXCEEDED' }, kinds: { submitCode: 'rateLimited' } },
  { name: '403 M_USER_LOCKED (v1.12)', init: { status: 401, errcode: 'M_USER_LOCKED', softLogout: true }, kinds: { request: 'userLocked', complete: 'userLocked' } },
  { name: '403 M_USER_SUSPENDED (v1.13)', init: { status: 403, errcode: 'M_USER_SUSPENDED' }, kinds: every('userSuspended') },
  { name: '400 M_USER_LIMIT_EXCEEDED (v1.18)', init: { status: 400, errcode: 'M_USER_LIMIT_EXCEEDED' }, kinds: { request: 'userLimitExceeded', complete: 'userLimitExceeded' } },
  { name: '400 M_LIMIT_EXCEEDED (a limit without a 429)', init: { status: 400, errcode: 'M_LIMIT_EXCEEDED' }, kinds: every('rateLimited') },
  { name: '400 M_INVALID_EMAIL', init: { status: 400, errcode: 'M_INVALID_EMAIL' }, kinds: { request: 'invalidAddress', submitCode: 'invalidCode', complete: 'unknown' } },
  { name: '401 M_FORBIDDEN without a UIA body', init: { status: 401, errcode: 'M_FORBIDDEN' }, kinds: every('forbidden') },
  { name: '403 M_FORBIDDEN with a UIA body (not a challenge)', init: { status: 403, errcode: 'M_FORBIDDEN', uia: uiaInfo() }, kinds: every('forbidden') },
  { name: '400 M_UNKNOWN with some other text', init: { status: 400, errcode: 'M_UNKNOWN', serverMessage: 'Something went wrong' }, kinds: { ...every('unknown'), submitCode: 'invalidCode' } },
  { name: '500 M_UNKNOWN whose text says "not supported"', init: { status: 500, errcode: 'M_UNKNOWN', serverMessage: 'Not supported right now' }, kinds: every('server') },
];

const cases = rows.flatMap((row) =>
  ALL.filter((call) => row.kinds[call] !== undefined).map((call) => ({ name: row.name, init: row.init, call, kind: row.kinds[call] })),
);

describe('toFlowError', () => {
  it.each(cases)('should map $name on $call to $kind', ({ init, call, kind }) => {
    const error = toFlowError(new MatrixApiError(init), call);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(init.status);
    expect(error.errcode).toBe(init.errcode);
  });

  it('should keep the wait of a rate limit', () => {
    const error = toFlowError(new MatrixApiError({ status: 429, errcode: 'M_LIMIT_EXCEEDED', retryAfterMs: 12_000 }), 'request');
    expect(error).toEqual({ kind: 'rateLimited', status: 429, errcode: 'M_LIMIT_EXCEEDED', retryAfterMs: 12_000 });
  });

  it('should keep the server text for the UI to fall back on', () => {
    const error = toFlowError(new MatrixApiError({ status: 400, errcode: 'M_UNKNOWN', serverMessage: SYNAPSE_NO_SMS }), 'request');
    expect(error.serverMessage).toBe(SYNAPSE_NO_SMS);
  });

  it('should not call a first UIA challenge a wrong password or a pending validation', () => {
    const error = toFlowError(new MatrixApiError({ status: 401, errcode: '', uia: uiaInfo() }), 'complete');
    expect(error.errcode).toBe('');
    expect(error.kind).not.toBe('wrongPassword');
    expect(error.kind).not.toBe('notYetValidated');
  });

  it.each([
    ['offline', 'offline'],
    ['timeout', 'timeout'],
  ] as const)('should map a %s network failure to %s', (reason, kind) => {
    expect(toFlowError(new ThreepidNetworkError(reason), 'request')).toEqual({ kind });
  });

  it.each([new TypeError('x is not a function'), 'boom', undefined, { errcode: 'M_FORBIDDEN' }])('should map anything else (%s) to unknown', (thrown) => {
    expect(toFlowError(thrown, 'complete')).toEqual({ kind: 'unknown' });
  });

  it('should return plain data without stack, UIA body or class', () => {
    const error = toFlowError(new MatrixApiError({ status: 401, errcode: 'M_FORBIDDEN', serverMessage: 'nope', uia: uiaInfo(), retryAfterMs: 5 }), 'complete');
    expect(nonJsonPaths(error)).toEqual([]);
    expect(Object.keys(error).sort()).toEqual(['errcode', 'kind', 'retryAfterMs', 'serverMessage', 'status']);
    expect(JSON.parse(JSON.stringify(error))).toEqual(error);
  });

  it('should leave out fields the server did not send', () => {
    expect(toFlowError(new MatrixApiError({ status: 500, errcode: 'M_UNKNOWN' }), 'complete')).toEqual({ kind: 'server', status: 500, errcode: 'M_UNKNOWN' });
  });
});
