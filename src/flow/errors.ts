import { MatrixApiError, ThreepidNetworkError, isNotYetValidated } from '../protocol/errors';
import { redact } from '../protocol/redact';
import type { FlowError, FlowErrorKind } from './types';

/** Which call failed: the same errcode means different things at different steps. */
export type FailedCall = 'capabilities' | 'request' | 'submitCode' | 'complete';

// What an errcode means; a `call errcode` key is what it means at that call only.
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
  M_USER_LOCKED: 'userLocked',
  M_USER_SUSPENDED: 'userSuspended',
  M_USER_LIMIT_EXCEEDED: 'userLimitExceeded',
  'request M_INVALID_PARAM': 'invalidAddress',
  'request M_BAD_JSON': 'invalidAddress',
  'request M_MISSING_PARAM': 'invalidAddress',
  'request M_INVALID_EMAIL': 'invalidAddress',
};

function kindOf(err: MatrixApiError, call: FailedCall): FlowErrorKind {
  const { status, errcode } = err;
  if (status === 429) return 'rateLimited';
  if (isNotYetValidated(err)) return 'notYetValidated';
  if (status === 401 && err.uia && errcode === 'M_FORBIDDEN') return 'wrongPassword';
  const known = byErrcode[errcode] ?? byErrcode[`${call} ${errcode}`];
  if (known) return known;
  // Synapse's password-policy errcodes (M_PASSWORD_TOO_SHORT, M_PASSWORD_NO_DIGIT, …).
  if (errcode.startsWith('M_PASSWORD_')) return 'weakPassword';
  // Synapse without an SMS provider: 400 M_UNKNOWN "Adding phone numbers … is not supported by this homeserver".
  // Stryker disable next-line StringLiteral: every stand-in for a missing text that does not say "not supported" is alike
  if (call === 'request' && status === 400 && /not supported/i.test(err.serverMessage ?? '')) return 'mediumNotSupported';
  // A submit_url refuses a code in many ways: v1.18's M_TOKEN_INCORRECT, Synapse proxying the identity server's
  // refusal as 400 M_UNKNOWN "Error contacting the identity server" (PROTOCOL "How Synapse behaves"), an identity
  // server's own 404 M_NO_VALID_SESSION. Any 4xx there is about the code, but a refusal of the change and a 404/405
  // with no Matrix error in it (the URL itself is gone).
  const missing = (status === 404 || status === 405) && err.serverMessage === undefined;
  if (call === 'submitCode' && status >= 400 && status < 500 && errcode !== 'M_FORBIDDEN' && !missing) return 'invalidCode';
  if (status === 404 || status === 405) return 'notOffered';
  if (errcode === 'M_FORBIDDEN') return 'forbidden';
  // 0 and 3xx: refused before sending, or a redirect not followed; 2xx: an answer we could not read.
  return status >= 500 || status < 400 ? 'server' : 'unknown';
}

/**
 * Turns anything a protocol call threw into the typed, serialisable error the flow keeps. `secrets` the flow holds
 * are redacted from the server's text (the client already redacted what that request carried).
 */
// Stryker disable next-line ArrayDeclaration: a non-empty default would only add its own placeholder text as a "secret".
export function toFlowError(err: unknown, call: FailedCall, secrets: readonly (string | undefined)[] = []): FlowError {
  if (err instanceof ThreepidNetworkError) return { kind: err.reason === 'timeout' ? 'timeout' : 'offline' };
  if (!(err instanceof MatrixApiError)) return { kind: 'unknown' };
  const { status, errcode, serverMessage, retryAfterMs } = err;
  // Unset fields stay undefined, which JSON leaves out: the error stays plain data.
  return { kind: kindOf(err, call), status, errcode, serverMessage: serverMessage ? redact(serverMessage, secrets) : undefined, retryAfterMs };
}
