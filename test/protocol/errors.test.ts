// The two error classes and the helpers hosts branch on, as a host's catch block sees them.
import { describe, expect, it } from 'vitest';
import {
  MatrixApiError,
  ThreepidNetworkError,
  isNotYetValidated,
  isRateLimited,
  isUiaRequired,
} from '../../src/protocol/errors';

const uia = { flows: [{ stages: ['m.login.password'] }], params: {}, session: 's', completed: [] };
/** Something shaped like a MatrixApiError that is not one (a host's own error, a copy through postMessage…). */
const lookAlike = Object.assign(new Error('Matrix API error 401'), { status: 401, errcode: 'M_UNAUTHORIZED', uia });

describe('MatrixApiError', () => {
  it('should name itself and say only the status and errcode in its message', () => {
    const err = new MatrixApiError({ status: 403, errcode: 'M_FORBIDDEN', serverMessage: 'token syt_secret is bad' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('MatrixApiError');
    expect(err.message).toBe('Matrix API error 403 M_FORBIDDEN');
    expect(String(err)).toBe('MatrixApiError: Matrix API error 403 M_FORBIDDEN');
    expect(err.serverMessage).toBe('token syt_secret is bad');
    expect(err.softLogout).toBe(false);
  });
});

describe('ThreepidNetworkError', () => {
  it('should name itself and say why no answer came', () => {
    const err = new ThreepidNetworkError('timeout');
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toBe('ThreepidNetworkError: Network request failed: timeout');
    expect(err.reason).toBe('timeout');
  });
});

describe('isRateLimited', () => {
  it.each([
    ['a 429 with M_LIMIT_EXCEEDED', { status: 429, errcode: 'M_LIMIT_EXCEEDED' }, true],
    ['a 429 from a proxy without a Matrix body', { status: 429, errcode: 'M_UNKNOWN' }, true],
    ['M_LIMIT_EXCEEDED with another status', { status: 400, errcode: 'M_LIMIT_EXCEEDED' }, true],
    ['any other error', { status: 400, errcode: 'M_UNKNOWN' }, false],
  ])('should say whether %s is a rate limit', (_what, init, expected) => {
    expect(isRateLimited(new MatrixApiError(init))).toBe(expected);
  });

  it('should say false for anything that is not a MatrixApiError', () => {
    expect(isRateLimited(Object.assign(new Error('x'), { status: 429, errcode: 'M_LIMIT_EXCEEDED' }))).toBe(false);
    expect(isRateLimited(new ThreepidNetworkError('offline'))).toBe(false);
    expect(isRateLimited(undefined)).toBe(false);
  });
});

describe('isNotYetValidated and isUiaRequired', () => {
  it('should say false for a look-alike that is not a MatrixApiError', () => {
    expect(isNotYetValidated(lookAlike)).toBe(false);
    expect(isNotYetValidated({ status: 400, errcode: 'M_THREEPID_AUTH_FAILED' })).toBe(false);
    expect(isUiaRequired(Object.assign(new Error('x'), { status: 401, uia }))).toBe(false);
    expect(isUiaRequired(null)).toBe(false);
  });

  it('should tell a followed-link wait from a request for more auth', () => {
    const waiting = new MatrixApiError({ status: 401, errcode: 'M_UNAUTHORIZED', uia });
    const moreAuth = new MatrixApiError({ status: 401, errcode: '', uia });
    expect([isNotYetValidated(waiting), isUiaRequired(waiting)]).toEqual([true, false]);
    expect([isNotYetValidated(moreAuth), isUiaRequired(moreAuth)]).toEqual([false, true]);
    expect(isUiaRequired(new MatrixApiError({ status: 403, errcode: 'M_FORBIDDEN', uia }))).toBe(false);
    expect(isUiaRequired(new MatrixApiError({ status: 401, errcode: 'M_UNKNOWN_TOKEN' }))).toBe(false);
  });

  it('should count a wait only with the status the spec pairs with its errcode', () => {
    // M_THREEPID_AUTH_FAILED is "not validated yet" as a 400 only; a 401 without a UIA body is a bad token.
    expect(isNotYetValidated(new MatrixApiError({ status: 400, errcode: 'M_THREEPID_AUTH_FAILED' }))).toBe(true);
    expect(isNotYetValidated(new MatrixApiError({ status: 403, errcode: 'M_THREEPID_AUTH_FAILED' }))).toBe(false);
    expect(isNotYetValidated(new MatrixApiError({ status: 400, errcode: 'M_UNAUTHORIZED', uia }))).toBe(false);
    expect(isNotYetValidated(new MatrixApiError({ status: 401, errcode: 'M_UNAUTHORIZED' }))).toBe(false);
  });
});
