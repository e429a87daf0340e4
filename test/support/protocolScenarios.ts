// One table of protocol scenarios: what a client is asked, what the server answers, what must go over the wire
// and what the caller must get back. The fetch client and the matrix-js-sdk adapter both run it, and the
// conformance test checks every request and (well-formed) reply in it against the Matrix spec.
import type { ThreepidClient } from '../../src/protocol/types';
import type { MockReply } from './mockHomeserver';
import type { ApiErrorSnapshot, Outcome } from './settle';

/** Homeserver of every scenario. */
export const BASE_URL = 'https://hs.test';
/** Access token every scenario client holds. It must never reach requestToken or submitToken. */
export const ACCESS_TOKEN = 'syt_YWxpY2U_secretAccessToken_0a1b2c';
/** A valid client_secret. */
export const CLIENT_SECRET = 'cs.Secret=value_with-all-1234567890';
/** A password used in UIA dictionaries. */
export const PASSWORD = 'correct horse battery staple';
/** The submit_url a server with an SMS provider hands out. */
export const SUBMIT_URL = 'https://hs.test/_matrix/client/unstable/add_threepid/msisdn/submit_token';

/** What must go over the wire. */
export interface WireExpectation {
  method: 'GET' | 'POST';
  /** Path after the API prefix, or an absolute URL used exactly as given (a submit_url). */
  path: string;
  /** Parsed JSON body; undefined for GET. */
  body?: unknown;
  /** Whether `Authorization: Bearer <token>` is sent. */
  authorized: boolean;
  /** When matrix-js-sdk differs: its setPassword always sends the token (hosts reset with a signed-out MatrixClient). */
  sdkAuthorized?: boolean;
}

/** What the error helpers must say about the thrown error. */
export interface HelperExpectation {
  notYetValidated: boolean;
  rateLimited: boolean;
  uiaRequired: boolean;
}

/** One row of the table. */
export interface ProtocolScenario {
  /** Completes "should …". */
  name: string;
  call(client: ThreepidClient): Promise<unknown>;
  reply: MockReply;
  request: WireExpectation;
  outcome: Outcome;
  helpers?: Partial<HelperExpectation>;
  /** The status the adapter reports instead, when matrix-js-sdk hides the real one (it throws a bare SyntaxError). */
  sdkStatus?: number;
}

/** The snapshot of a MatrixApiError, with defaults for the fields a row does not mention. */
export function apiError(fields: Partial<ApiErrorSnapshot> & { status: number; errcode: string }): Outcome {
  return {
    rejected: {
      kind: 'MatrixApiError',
      serverMessage: undefined,
      retryAfterMs: undefined,
      uia: undefined,
      softLogout: false,
      ...fields,
    },
  };
}

const emailParams = { medium: 'email', email: 'alice@example.org', clientSecret: CLIENT_SECRET, sendAttempt: 1 } as const;
const msisdnParams = {
  medium: 'msisdn',
  country: 'GB',
  phoneNumber: '07700900001',
  clientSecret: CLIENT_SECRET,
  sendAttempt: 2,
} as const;
const emailWire = { email: 'alice@example.org', client_secret: CLIENT_SECRET, send_attempt: 1 };
const msisdnWire = { country: 'GB', phone_number: '07700900001', client_secret: CLIENT_SECRET, send_attempt: 2 };
const passwordAuth = {
  type: 'm.login.password',
  identifier: { type: 'm.id.user', user: '@alice:hs.test' },
  password: PASSWORD,
  session: 'uia-session-1',
};
const uiaBody = { flows: [{ stages: ['m.login.password'] }], params: {}, session: 'uia-session-1' };
const uiaInfo = { flows: [{ stages: ['m.login.password'] }], params: {}, session: 'uia-session-1', completed: [] };

const addEmail = (c: ThreepidClient): Promise<unknown> => c.requestToken('add', emailParams);
const addEmailRequest: WireExpectation = {
  method: 'POST',
  path: '/account/3pid/email/requestToken',
  body: emailWire,
  authorized: false,
};
const addThreepid = (c: ThreepidClient): Promise<unknown> =>
  c.addThreepid({ sid: 'sid123', clientSecret: CLIENT_SECRET }, passwordAuth);
const addThreepidRequest: WireExpectation = {
  method: 'POST',
  path: '/account/3pid/add',
  body: { sid: 'sid123', client_secret: CLIENT_SECRET, auth: passwordAuth },
  authorized: true,
};
const resetAuth = { type: 'm.login.email.identity', threepid_creds: { sid: 'sid123', client_secret: CLIENT_SECRET } };
const resetPassword = (c: ThreepidClient): Promise<unknown> =>
  c.changePassword({ newPassword: PASSWORD, logoutDevices: false, auth: resetAuth });
const resetPasswordRequest: WireExpectation = {
  method: 'POST',
  path: '/account/password',
  body: { new_password: PASSWORD, logout_devices: false, auth: resetAuth },
  // A reset (threepid_creds) goes without the access token even when the client has one.
  authorized: false,
  sdkAuthorized: true,
};
const getThreepids = (c: ThreepidClient): Promise<unknown> => c.getThreepids();
const getThreepidsRequest: WireExpectation = { method: 'GET', path: '/account/3pid', authorized: true };

/** Successful calls of every method, over every requestToken endpoint. */
export const successScenarios: ProtocolScenario[] = [
  {
    name: 'request an add-email token and resolve the sid (no submit_url: the person follows a link)',
    call: addEmail,
    reply: { json: { sid: 'sid123' } },
    request: addEmailRequest,
    outcome: { resolved: { sid: 'sid123' } },
  },
  {
    name: 'send next_link when given',
    call: (c) => c.requestToken('add', { ...emailParams, nextLink: 'https://app.example.org/done?x=1' }),
    reply: { json: { sid: 'sid123' } },
    request: { ...addEmailRequest, body: { ...emailWire, next_link: 'https://app.example.org/done?x=1' } },
    outcome: { resolved: { sid: 'sid123' } },
  },
  {
    name: 'request an add-phone token and resolve the sid and submit_url, ignoring extra msisdn fields',
    call: (c) => c.requestToken('add', msisdnParams),
    reply: { json: { sid: 'sid456', submit_url: SUBMIT_URL, msisdn: '447700900001', intl_fmt: '+44 7700 900001', success: true } },
    request: { method: 'POST', path: '/account/3pid/msisdn/requestToken', body: msisdnWire, authorized: false },
    outcome: { resolved: { sid: 'sid456', submitUrl: SUBMIT_URL } },
  },
  {
    name: 'request a password-reset email token',
    call: (c) => c.requestToken('reset', emailParams),
    reply: { json: { sid: 'sid789' } },
    request: { method: 'POST', path: '/account/password/email/requestToken', body: emailWire, authorized: false },
    outcome: { resolved: { sid: 'sid789' } },
  },
  {
    name: 'request a password-reset phone token',
    call: (c) => c.requestToken('reset', msisdnParams),
    reply: { json: { sid: 'sid790', submit_url: SUBMIT_URL } },
    request: { method: 'POST', path: '/account/password/msisdn/requestToken', body: msisdnWire, authorized: false },
    outcome: { resolved: { sid: 'sid790', submitUrl: SUBMIT_URL } },
  },
  {
    name: 'request a registration email token',
    call: (c) => c.requestToken('register', { ...emailParams, sendAttempt: 3 }),
    reply: { json: { sid: 'reg1' } },
    request: { method: 'POST', path: '/register/email/requestToken', body: { ...emailWire, send_attempt: 3 }, authorized: false },
    outcome: { resolved: { sid: 'reg1' } },
  },
  {
    name: 'request a registration phone token with the country upper-cased',
    call: (c) => c.requestToken('register', { ...msisdnParams, country: 'gb' }),
    reply: { json: { sid: 'reg2', submit_url: SUBMIT_URL } },
    request: { method: 'POST', path: '/register/msisdn/requestToken', body: msisdnWire, authorized: false },
    outcome: { resolved: { sid: 'reg2', submitUrl: SUBMIT_URL } },
  },
  {
    name: 'submit a code to the submit_url exactly as given and resolve on success: true',
    call: (c) => c.submitToken(SUBMIT_URL, { sid: 'sid456', clientSecret: CLIENT_SECRET, token: '123456' }),
    reply: { json: { success: true } },
    request: { method: 'POST', path: SUBMIT_URL, body: { sid: 'sid456', client_secret: CLIENT_SECRET, token: '123456' }, authorized: false },
    outcome: { resolved: undefined },
  },
  {
    name: 'add a validated threepid with a password UIA stage',
    call: addThreepid,
    reply: { json: {} },
    request: addThreepidRequest,
    outcome: { resolved: undefined },
  },
  {
    name: 'add a threepid with only the UIA session once the stage has passed',
    call: (c) => c.addThreepid({ sid: 'sid123', clientSecret: CLIENT_SECRET }, { session: 'uia-session-1' }),
    reply: { json: {} },
    request: { ...addThreepidRequest, body: { sid: 'sid123', client_secret: CLIENT_SECRET, auth: { session: 'uia-session-1' } } },
    outcome: { resolved: undefined },
  },
  {
    name: 'reset the password with the threepid credentials as the auth stage',
    call: resetPassword,
    reply: { json: {} },
    request: resetPasswordRequest,
    outcome: { resolved: undefined },
  },
  {
    name: 'list the threepids with camelCase timestamps',
    call: getThreepids,
    reply: {
      json: {
        threepids: [
          { medium: 'email', address: 'alice@example.org', validated_at: 1535176800000, added_at: 1535336848756 },
          { medium: 'msisdn', address: '447700900001', validated_at: 1535176800001, added_at: 1535336848757 },
        ],
      },
    },
    request: getThreepidsRequest,
    outcome: {
      resolved: [
        { medium: 'email', address: 'alice@example.org', validatedAt: 1535176800000, addedAt: 1535336848756 },
        { medium: 'msisdn', address: '447700900001', validatedAt: 1535176800001, addedAt: 1535336848757 },
      ],
    },
  },
  {
    name: 'list no threepids',
    call: getThreepids,
    reply: { json: { threepids: [] } },
    request: getThreepidsRequest,
    outcome: { resolved: [] },
  },
  {
    name: 'list no threepids when the server leaves the threepids field out',
    call: getThreepids,
    reply: { json: {} },
    request: getThreepidsRequest,
    outcome: { resolved: [] },
  },
  {
    name: 'delete a threepid',
    call: (c) => c.deleteThreepid('msisdn', '447700900001'),
    reply: { json: { id_server_unbind_result: 'no-support' } },
    request: { method: 'POST', path: '/account/3pid/delete', body: { medium: 'msisdn', address: '447700900001' }, authorized: true },
    outcome: { resolved: undefined },
  },
  {
    name: 'treat absent capabilities as allowed',
    call: (c) => c.getCapabilities(),
    reply: { json: { capabilities: {} } },
    request: { method: 'GET', path: '/capabilities', authorized: true },
    outcome: { resolved: { threepidChanges: true, changePassword: true } },
  },
  {
    name: 'read m.3pid_changes and m.change_password when disabled',
    call: (c) => c.getCapabilities(),
    reply: {
      json: {
        capabilities: {
          'm.3pid_changes': { enabled: false },
          'm.change_password': { enabled: false },
          'm.room_versions': { default: '10', available: { '10': 'stable' } },
        },
      },
    },
    request: { method: 'GET', path: '/capabilities', authorized: true },
    outcome: { resolved: { threepidChanges: false, changePassword: false } },
  },
  {
    name: 'read capabilities that are explicitly enabled',
    call: (c) => c.getCapabilities(),
    reply: { json: { capabilities: { 'm.3pid_changes': { enabled: true }, 'm.change_password': { enabled: false } } } },
    request: { method: 'GET', path: '/capabilities', authorized: true },
    outcome: { resolved: { threepidChanges: true, changePassword: false } },
  },
  {
    name: 'resolve whoami as a userId',
    call: (c) => c.whoami(),
    reply: { json: { user_id: '@alice:hs.test', device_id: 'DEV' } },
    request: { method: 'GET', path: '/account/whoami', authorized: true },
    outcome: { resolved: { userId: '@alice:hs.test' } },
  },
];

/** Every errcode of PROTOCOL.md's table, at the call where the server sends it. */
const errcodeRows: Array<[string, (c: ThreepidClient) => Promise<unknown>, WireExpectation, number, string, string]> = [
  ['address already on an account (add)', addEmail, addEmailRequest, 400, 'M_THREEPID_IN_USE', 'Third-party identifier already in use'],
  [
    'address already on an account (register)',
    (c) => c.requestToken('register', msisdnParams),
    { method: 'POST', path: '/register/msisdn/requestToken', body: msisdnWire, authorized: false },
    400,
    'M_THREEPID_IN_USE',
    'Phone number is already in use',
  ],
  [
    'no account has the address (reset)',
    (c) => c.requestToken('reset', emailParams),
    { method: 'POST', path: '/account/password/email/requestToken', body: emailWire, authorized: false },
    400,
    'M_THREEPID_NOT_FOUND',
    'Email not found',
  ],
  ['address or domain denied', addEmail, addEmailRequest, 403, 'M_THREEPID_DENIED', 'Third-party identifier is not allowed'],
  ['medium not supported', addEmail, addEmailRequest, 400, 'M_THREEPID_MEDIUM_NOT_SUPPORTED', 'Email sending is not supported'],
  ['invalid parameter', addEmail, addEmailRequest, 400, 'M_INVALID_PARAM', 'Invalid email address'],
  ['bad JSON', addEmail, addEmailRequest, 400, 'M_BAD_JSON', 'Content not JSON'],
  ['missing parameter', addEmail, addEmailRequest, 400, 'M_MISSING_PARAM', 'Missing param client_secret'],
  ['identity server not trusted', addEmail, addEmailRequest, 400, 'M_SERVER_NOT_TRUSTED', 'Untrusted identity server'],
  [
    'no SMS provider (Synapse answers M_UNKNOWN)',
    (c) => c.requestToken('add', msisdnParams),
    { method: 'POST', path: '/account/3pid/msisdn/requestToken', body: msisdnWire, authorized: false },
    400,
    'M_UNKNOWN',
    'Adding phone numbers to user account is not supported by this homeserver',
  ],
  ['3pid/add before the link was followed', addThreepid, addThreepidRequest, 400, 'M_THREEPID_AUTH_FAILED', 'No validated 3pid session found'],
  ['weak password', resetPassword, resetPasswordRequest, 400, 'M_WEAK_PASSWORD', 'Password is too weak'],
  [
    'endpoint not offered (404)',
    (c) => c.requestToken('reset', msisdnParams),
    { method: 'POST', path: '/account/password/msisdn/requestToken', body: msisdnWire, authorized: false },
    404,
    'M_UNRECOGNIZED',
    'Unrecognized request',
  ],
  ['endpoint not offered (405)', getThreepids, getThreepidsRequest, 405, 'M_UNRECOGNIZED', 'Unrecognized request'],
  [
    'endpoint not offered (Synapse 400)',
    (c) => c.requestToken('reset', msisdnParams),
    { method: 'POST', path: '/account/password/msisdn/requestToken', body: msisdnWire, authorized: false },
    400,
    'M_UNRECOGNIZED',
    'Unrecognized request',
  ],
  ['3pid changes disabled (403)', addThreepid, addThreepidRequest, 403, 'M_FORBIDDEN', '3PID changes are disabled'],
  ['3pid changes disabled (400)', addEmail, addEmailRequest, 400, 'M_FORBIDDEN', 'Adding an email is disabled'],
  ['missing access token', getThreepids, getThreepidsRequest, 401, 'M_MISSING_TOKEN', 'Missing access token'],
  ['server error', addEmail, addEmailRequest, 500, 'M_UNKNOWN', 'Internal server error'],
  [
    'wrong code (v1.18 errcode)',
    (c) => c.submitToken(SUBMIT_URL, { sid: 'sid456', clientSecret: CLIENT_SECRET, token: '000000' }),
    { method: 'POST', path: SUBMIT_URL, body: { sid: 'sid456', client_secret: CLIENT_SECRET, token: '000000' }, authorized: false },
    400,
    'M_TOKEN_INCORRECT',
    'Token incorrect',
  ],
  [
    'malformed code (v1.18 errcode)',
    (c) => c.submitToken(SUBMIT_URL, { sid: 'sid456', clientSecret: CLIENT_SECRET, token: 'abc' }),
    { method: 'POST', path: SUBMIT_URL, body: { sid: 'sid456', client_secret: CLIENT_SECRET, token: 'abc' }, authorized: false },
    400,
    'M_INVALID_PARAM',
    'Token must be numeric',
  ],
  [
    'expired session (v1.18 errcode)',
    (c) => c.submitToken(SUBMIT_URL, { sid: 'sid456', clientSecret: CLIENT_SECRET, token: '123456' }),
    { method: 'POST', path: SUBMIT_URL, body: { sid: 'sid456', client_secret: CLIENT_SECRET, token: '123456' }, authorized: false },
    400,
    'M_SESSION_EXPIRED',
    'Session expired',
  ],
];

/** Error answers: the errcode table, rate limits, UIA, soft logout and bodies nobody can parse. */
export const errorScenarios: ProtocolScenario[] = [
  ...errcodeRows.map(
    ([what, call, request, status, errcode, error]): ProtocolScenario => ({
      name: `reject ${status} ${errcode} (${what}) as a typed error`,
      call,
      reply: { status, json: { errcode, error } },
      request,
      outcome: apiError({ status, errcode, serverMessage: error }),
      helpers: {
        notYetValidated: errcode === 'M_THREEPID_AUTH_FAILED',
        rateLimited: false,
        uiaRequired: false,
      },
    }),
  ),
  {
    name: 'reject a 401 M_UNKNOWN_TOKEN with soft_logout',
    call: (c) => c.whoami(),
    reply: { status: 401, json: { errcode: 'M_UNKNOWN_TOKEN', error: 'Unknown access token', soft_logout: true } },
    request: { method: 'GET', path: '/account/whoami', authorized: true },
    outcome: apiError({ status: 401, errcode: 'M_UNKNOWN_TOKEN', serverMessage: 'Unknown access token', softLogout: true }),
    helpers: { uiaRequired: false, notYetValidated: false },
  },
  {
    name: 'reject submit_url success: false as M_TOKEN_INCORRECT with the response status',
    call: (c) => c.submitToken(SUBMIT_URL, { sid: 'sid456', clientSecret: CLIENT_SECRET, token: '000000' }),
    reply: { json: { success: false } },
    request: { method: 'POST', path: SUBMIT_URL, body: { sid: 'sid456', client_secret: CLIENT_SECRET, token: '000000' }, authorized: false },
    outcome: apiError({ status: 200, errcode: 'M_TOKEN_INCORRECT' }),
  },
  {
    name: 'take retry_after_ms from the body when there is no Retry-After header',
    call: addEmail,
    reply: { status: 429, json: { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests', retry_after_ms: 2500 } },
    request: addEmailRequest,
    outcome: apiError({ status: 429, errcode: 'M_LIMIT_EXCEEDED', serverMessage: 'Too many requests', retryAfterMs: 2500 }),
    helpers: { rateLimited: true, notYetValidated: false, uiaRequired: false },
  },
  {
    name: 'prefer the Retry-After header in seconds over retry_after_ms',
    call: addEmail,
    reply: {
      status: 429,
      headers: { 'Retry-After': '7' },
      json: { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests', retry_after_ms: 2500 },
    },
    request: addEmailRequest,
    outcome: apiError({ status: 429, errcode: 'M_LIMIT_EXCEEDED', serverMessage: 'Too many requests', retryAfterMs: 7000 }),
    helpers: { rateLimited: true },
  },
  {
    name: 'read a Retry-After HTTP-date in the past as no wait',
    call: getThreepids,
    reply: {
      status: 429,
      headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' },
      json: { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests', retry_after_ms: 2500 },
    },
    request: getThreepidsRequest,
    outcome: apiError({ status: 429, errcode: 'M_LIMIT_EXCEEDED', serverMessage: 'Too many requests', retryAfterMs: 0 }),
    helpers: { rateLimited: true },
  },
  {
    name: 'parse the UIA challenge of a first 3pid/add (no errcode)',
    call: (c) => c.addThreepid({ sid: 'sid123', clientSecret: CLIENT_SECRET }),
    reply: { status: 401, json: uiaBody },
    request: { ...addThreepidRequest, body: { sid: 'sid123', client_secret: CLIENT_SECRET } },
    outcome: apiError({ status: 401, errcode: '', uia: uiaInfo }),
    helpers: { uiaRequired: true, notYetValidated: false, rateLimited: false },
  },
  {
    name: 'parse a wrong-password UIA answer (M_FORBIDDEN) with completed stages',
    call: addThreepid,
    reply: {
      status: 401,
      json: {
        ...uiaBody,
        flows: [{ stages: ['m.login.recaptcha', 'm.login.password'] }, { stages: ['m.login.sso'] }],
        params: { 'm.login.recaptcha': { public_key: 'abc' } },
        completed: ['m.login.recaptcha'],
        errcode: 'M_FORBIDDEN',
        error: 'Invalid password',
      },
    },
    request: addThreepidRequest,
    outcome: apiError({
      status: 401,
      errcode: 'M_FORBIDDEN',
      serverMessage: 'Invalid password',
      uia: {
        flows: [{ stages: ['m.login.recaptcha', 'm.login.password'] }, { stages: ['m.login.sso'] }],
        params: { 'm.login.recaptcha': { public_key: 'abc' } },
        session: 'uia-session-1',
        completed: ['m.login.recaptcha'],
      },
    }),
    helpers: { uiaRequired: true, notYetValidated: false },
  },
  {
    name: 'recognise a password reset before the link was followed (401 UIA + M_UNAUTHORIZED)',
    call: resetPassword,
    reply: {
      status: 401,
      json: {
        session: 'reset-session',
        flows: [{ stages: ['m.login.email.identity'] }],
        params: {},
        completed: [],
        errcode: 'M_UNAUTHORIZED',
        error: 'Unable to get validated threepid',
      },
    },
    request: resetPasswordRequest,
    outcome: apiError({
      status: 401,
      errcode: 'M_UNAUTHORIZED',
      serverMessage: 'Unable to get validated threepid',
      uia: { flows: [{ stages: ['m.login.email.identity'] }], params: {}, session: 'reset-session', completed: [] },
    }),
    helpers: { notYetValidated: true, uiaRequired: false, rateLimited: false },
  },
  {
    name: 'turn an HTML 502 from a proxy into M_UNKNOWN with the status',
    call: addEmail,
    reply: {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      text: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      malformed: 'an HTML error page is not a Matrix error body',
    },
    request: addEmailRequest,
    outcome: apiError({ status: 502, errcode: 'M_UNKNOWN' }),
  },
  {
    name: 'turn an empty 503 into M_UNKNOWN with the status',
    call: getThreepids,
    reply: { status: 503, malformed: 'an empty body is not a Matrix error body' },
    request: getThreepidsRequest,
    outcome: apiError({ status: 503, errcode: 'M_UNKNOWN' }),
  },
  {
    name: 'turn truncated error JSON into M_UNKNOWN with the status',
    call: addThreepid,
    reply: {
      status: 500,
      headers: { 'Content-Type': 'application/json' },
      text: '{"errcode":"M_UNKN',
      malformed: 'truncated JSON',
    },
    request: addThreepidRequest,
    outcome: apiError({ status: 500, errcode: 'M_UNKNOWN' }),
    sdkStatus: 0,
  },
  {
    name: 'turn an error body with a non-string errcode into M_UNKNOWN',
    call: addEmail,
    reply: {
      status: 400,
      json: { errcode: 42, error: ['not', 'a', 'string'] },
      malformed: 'errcode and error have the wrong types',
    },
    request: addEmailRequest,
    outcome: apiError({ status: 400, errcode: 'M_UNKNOWN' }),
  },
  {
    name: 'turn a 200 without a sid into M_UNKNOWN',
    call: addEmail,
    reply: { json: { submit_url: SUBMIT_URL }, malformed: 'sid is required' },
    request: addEmailRequest,
    outcome: apiError({ status: 200, errcode: 'M_UNKNOWN' }),
  },
  {
    name: 'turn a 200 with a numeric sid into M_UNKNOWN',
    call: (c) => c.requestToken('add', msisdnParams),
    reply: { json: { sid: 123 }, malformed: 'sid must be a string' },
    request: { method: 'POST', path: '/account/3pid/msisdn/requestToken', body: msisdnWire, authorized: false },
    outcome: apiError({ status: 200, errcode: 'M_UNKNOWN' }),
  },
  {
    name: 'turn an HTML 200 (captive portal) into M_UNKNOWN',
    call: addEmail,
    reply: {
      headers: { 'Content-Type': 'text/html' },
      text: '<html><body>Sign in to the Wi-Fi</body></html>',
      malformed: 'HTML instead of JSON',
    },
    request: addEmailRequest,
    outcome: apiError({ status: 200, errcode: 'M_UNKNOWN' }),
    sdkStatus: 0,
  },
  {
    name: 'turn a submit_url answer without success into M_UNKNOWN',
    call: (c) => c.submitToken(SUBMIT_URL, { sid: 'sid456', clientSecret: CLIENT_SECRET, token: '123456' }),
    reply: { json: { success: 'yes' }, malformed: 'success must be a boolean' },
    request: { method: 'POST', path: SUBMIT_URL, body: { sid: 'sid456', client_secret: CLIENT_SECRET, token: '123456' }, authorized: false },
    outcome: apiError({ status: 200, errcode: 'M_UNKNOWN' }),
  },
  {
    name: 'turn a threepid list of the wrong type into M_UNKNOWN',
    call: getThreepids,
    reply: { json: { threepids: { medium: 'email' } }, malformed: 'threepids must be an array' },
    request: getThreepidsRequest,
    outcome: apiError({ status: 200, errcode: 'M_UNKNOWN' }),
  },
  {
    name: 'turn a threepid without timestamps into M_UNKNOWN',
    call: getThreepids,
    reply: {
      json: { threepids: [{ medium: 'email', address: 'alice@example.org' }] },
      malformed: 'validated_at and added_at are required',
    },
    request: getThreepidsRequest,
    outcome: apiError({ status: 200, errcode: 'M_UNKNOWN' }),
  },
  {
    name: 'leave out a threepid whose medium the kit does not know',
    call: getThreepids,
    reply: {
      json: {
        threepids: [
          { medium: 'carrier-pigeon', address: 'loft 7', validated_at: 1, added_at: 2 },
          { medium: 'email', address: 'alice@example.org', validated_at: 3, added_at: 4 },
        ],
      },
      malformed: 'medium is an enum of email and msisdn',
    },
    request: getThreepidsRequest,
    outcome: { resolved: [{ medium: 'email', address: 'alice@example.org', validatedAt: 3, addedAt: 4 }] },
  },
  {
    name: 'turn whoami without user_id into M_UNKNOWN',
    call: (c) => c.whoami(),
    reply: { json: { device_id: 'DEV' }, malformed: 'user_id is required' },
    request: { method: 'GET', path: '/account/whoami', authorized: true },
    outcome: apiError({ status: 200, errcode: 'M_UNKNOWN' }),
  },
  ...(
    [
      ['an address that is not a string', { address: 42 }],
      ['a validated_at that is not a number', { validated_at: '1' }],
      ['no added_at', { added_at: undefined }],
    ] as const
  ).map(
    ([what, change]): ProtocolScenario => ({
      name: `turn a threepid with ${what} into M_UNKNOWN`,
      call: getThreepids,
      reply: { json: { threepids: [{ ...{ medium: 'email', address: 'alice@example.org', validated_at: 1, added_at: 2 }, ...change }] }, malformed: `a threepid with ${what}` },
      request: getThreepidsRequest,
      outcome: apiError({ status: 200, errcode: 'M_UNKNOWN' }),
    }),
  ),
  {
    name: 'reject a signed-in password change without auth with the UIA challenge it needs first',
    call: (c) => c.changePassword({ newPassword: PASSWORD, logoutDevices: false }),
    reply: { status: 401, json: uiaBody },
    request: { method: 'POST', path: '/account/password', body: { new_password: PASSWORD, logout_devices: false }, authorized: true },
    outcome: apiError({ status: 401, errcode: '', uia: uiaInfo }),
    helpers: { uiaRequired: true, notYetValidated: false, rateLimited: false },
  },
  {
    name: 'keep only the string stages of a UIA flow',
    call: addThreepid,
    reply: {
      status: 401,
      json: { ...uiaBody, flows: [{ stages: ['m.login.password', 7, null] }] },
      malformed: 'stages must be strings',
    },
    request: addThreepidRequest,
    outcome: apiError({ status: 401, errcode: '', uia: uiaInfo }),
    helpers: { uiaRequired: true },
  },
  {
    name: 'read no UIA challenge from a non-401 answer that looks like one',
    call: addThreepid,
    reply: { status: 400, json: uiaBody, malformed: 'a 400 needs an errcode' },
    request: addThreepidRequest,
    outcome: apiError({ status: 400, errcode: 'M_UNKNOWN' }),
    helpers: { uiaRequired: false, notYetValidated: false, rateLimited: false },
  },
];

/** Every scenario of the table. */
export const protocolScenarios: ProtocolScenario[] = [...successScenarios, ...errorScenarios];
