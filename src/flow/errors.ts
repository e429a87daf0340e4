import { MatrixApiError, ThreepidNetworkError, isNotYetValidated } from '../protocol/errors';
import type { FlowError, FlowErrorKind } from './types';

/** Which call failed: the same errcode means different things at different steps. */
export type FailedCall = 'capabilities' | 'request' | 'submitCode' | 'complete';

const byErrcode: Record<string, FlowErrorKind> = {
  M_LIMIT_EXCEEDED: 'rateLimited',
  M_THREEPID_IN_USE: 'threepidInUse',
  M_THREEPID_NOT_FOUND: 'threepidNotFound',
  M_THREEPID_DENIED: 'threepidDenied',
  M_THREEPID_MEDIUM_NOT_SUPPORTED: 'mediumNotSupported',
  M_SERVER_NOT_TRUSTED: 'serverNotTrusted',
  M_TOKEN_INCORRECT: 'invalidCode',
  M_SESSION_EXPIRED: 'sessionExpired',
  M_WEAK_PASSWORD: 'weakPassword',
  M_UNRECOGNIZED: 'notOffered',
  M_MISSING_TOKEN: 'loggedOut',
  M_UNKNOWN_TOKEN: 'loggedOut',
  M_INVALID_SUBMIT_URL: 'invalidSubmitUrl',
};

function kindOf(err: MatrixApiError, call: FailedCall): FlowErrorKind {
  if (err.status === 429) return 'rateLimited';
  if (isNotYetValidated(err)) return 'notYetValidated';
  if (err.status === 401 && err.uia && err.errcode === 'M_FORBIDDEN') return 'wrongPassword';
  const known = byErrcode[err.errcode];
  if (known) return known;
  // Synapse's password-policy errcodes (M_PASSWORD_TOO_SHORT, M_PASSWORD_NO_DIGIT, …).
  if (err.errcode.startsWith('M_PASSWORD_')) return 'weakPassword';
  if (call === 'request' && ['M_INVALID_PARAM', 'M_BAD_JSON', 'M_MISSING_PARAM', 'M_INVALID_EMAIL'].includes(err.errcode)) {
    return 'invalidAddress';
  }
  if (call === 'submitCode' && err.errcode === 'M_INVALID_PARAM') return 'invalidCode';
  // Synapse without an SMS provider: 400 M_UNKNOWN "Adding phone numbers … is not supported by this homeserver".
  if (call === 'request' && err.status === 400 && /not supported/i.test(err.serverMessage ?? '')) return 'mediumNotSupported';
  if (err.status === 404 || err.status === 405) return 'notOffered';
  if (err.errcode === 'M_FORBIDDEN') return 'forbidden';
  if (err.status >= 500 || err.status === 0 || err.status === 200) return 'server';
  return 'unknown';
}

/** Turns anything a protocol call threw into the typed, serialisable error the flow keeps. */
export function toFlowError(err: unknown, call: FailedCall): FlowError {
  if (err instanceof ThreepidNetworkError) {
    return { kind: err.reason === 'timeout' ? 'timeout' : 'offline' };
  }
  if (err instanceof MatrixApiError) {
    const flowError: FlowError = { kind: kindOf(err, call), status: err.status, errcode: err.errcode };
    if (err.serverMessage) flowError.serverMessage = err.serverMessage;
    if (err.retryAfterMs !== undefined) flowError.retryAfterMs = err.retryAfterMs;
    return flowError;
  }
  return { kind: 'unknown' };
}
