import type { Medium, Purpose } from '../../protocol/types';
import { canonicalEmail, internationalFormat, toMsisdn } from '../addresses';
import { fail, optionalString, parseJsonObject, requireClientSecret, requireInteger, requireString, type JsonObject } from '../body';
import { sendValidationMessage, submitUrlFor, usesSubmitUrl } from '../delivery';
import { randomString } from '../ids';
import { json, matrixError, tooManyRequests, unrecognized, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';

// Synapse's answers when it has no SMS-capable delegate configured.
const NO_SMS: Record<Purpose, string> = {
  add: 'Adding phone numbers to user account is not supported by this homeserver',
  register: 'Registration by phone number is not supported on this homeserver',
  reset: 'Password reset by phone number is not supported on this homeserver',
};

interface TokenRequest {
  address: string;
  country: string | undefined;
  clientSecret: string;
  sendAttempt: number;
  nextLink: string | undefined;
}

/** POST `{prefix}/{register|account/3pid|account/password}/{email|msisdn}/requestToken`. */
export function requestToken(state: ServerState, req: RouteRequest, purpose: Purpose, medium: Medium): Reply {
  const { options } = state;
  if (purpose === 'reset' && medium === 'msisdn' && !options.resetByPhone) return unrecognized();
  if (purpose === 'add' && options.threepidChanges === false) {
    return matrixError(400, 'M_FORBIDDEN', '3PID changes are disabled on this server');
  }
  if (purpose === 'reset' && options.changePassword === false) {
    return matrixError(403, 'M_FORBIDDEN', 'Password reset has been disabled on this server');
  }

  const request = parseTokenRequest(parseJsonObject(req.bodyText), medium);
  if (!options.threepidAllowed(medium, request.address)) {
    return matrixError(403, 'M_THREEPID_DENIED', 'Third party identifier is not allowed');
  }
  rateLimit(state, req, medium, request.address);

  const owner = state.users.findByThreepid(medium, request.address);
  if (purpose !== 'reset' && owner) {
    return options.inhibitThreepidErrors ? fakeSid() : matrixError(400, 'M_THREEPID_IN_USE', 'Third-party identifier already in use');
  }
  if (purpose === 'reset' && !owner) {
    return options.inhibitThreepidErrors ? fakeSid() : matrixError(400, 'M_THREEPID_NOT_FOUND', 'Third-party identifier not found');
  }
  // Synapse checks for an SMS delegate only after the in-use check.
  if (medium === 'msisdn' && !options.msisdnSupported) return matrixError(400, 'M_UNKNOWN', NO_SMS[purpose]);

  let session = state.sessions.findPending(medium, request.address, request.clientSecret);
  session ??= state.sessions.create(medium, request.address, request.clientSecret, request.nextLink);
  // Same or lower send_attempt: a retry. Same sid, no new message, still 200.
  if (request.sendAttempt > session.lastSendAttempt) {
    sendValidationMessage(state, session, purpose, request.sendAttempt);
  }

  const body: JsonObject = { sid: session.sid };
  if (usesSubmitUrl(state, medium)) body.submit_url = submitUrlFor(state, purpose, medium);
  if (medium === 'msisdn') {
    // What an SMS delegate (sydent) adds to the answer; clients must tolerate the extra fields.
    body.msisdn = request.address;
    body.intl_fmt = internationalFormat(request.address, request.country ?? '');
    body.success = true;
  }
  return json(200, body);
}

function parseTokenRequest(body: JsonObject, medium: Medium): TokenRequest {
  const clientSecret = requireClientSecret(body);
  let address: string | undefined;
  let country: string | undefined;
  if (medium === 'email') {
    address = canonicalEmail(requireString(body, 'email'));
    if (address === undefined) fail(matrixError(400, 'M_INVALID_PARAM', 'Unable to parse email address'));
  } else {
    country = requireString(body, 'country');
    const phoneNumber = requireString(body, 'phone_number');
    if (!/^[A-Z]{2}$/.test(country)) fail(matrixError(400, 'M_INVALID_PARAM', 'Invalid country code'));
    address = toMsisdn(country, phoneNumber);
    if (address === undefined) fail(matrixError(400, 'M_INVALID_PARAM', 'Unable to parse phone number'));
  }
  const sendAttempt = requireInteger(body, 'send_attempt');
  const nextLink = optionalString(body, 'next_link');
  if (nextLink !== undefined && !isHttpUrl(nextLink)) {
    fail(matrixError(400, 'M_INVALID_PARAM', "'next_link' must be an http(s) URL"));
  }
  return { address, country, clientSecret, sendAttempt, nextLink };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Synapse limits requestToken per client IP and per address, in that order, even for retries. */
function rateLimit(state: ServerState, req: RouteRequest, medium: Medium, address: string): void {
  for (const key of [`client:${medium}:${req.clientKey}`, `address:${medium}:${address}`]) {
    const outcome = state.limiter.take(key);
    if (!outcome.ok) fail(tooManyRequests(outcome.retryAfterMs));
  }
}

/** The answer that hides in-use / not-found: a sid no message was sent for, so it never validates. */
function fakeSid(): Reply {
  return json(200, { sid: randomString(16) });
}
