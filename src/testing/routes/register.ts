import type { Medium } from '../../protocol/types';
import { fail, isJsonObject, optionalBoolean, optionalString, parseJsonObject } from '../body';
import { json, matrixError, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';
import { runUia, type UiaSession } from '../uia';

const MAX_PASSWORD_LENGTH = 512;
// Synapse's rule for a localpart asked for at sign-up.
const LOCALPART = /^[a-z0-9._=\-/+]+$/;

/**
 * The UIA flows of sign-up, built from the settings as Synapse builds its own: a 3PID-less flow (`m.login.dummy`)
 * only when no 3PID is required, email and phone alone or together, and a registration token in front of every flow.
 */
export function registrationFlows(state: ServerState): string[][] {
  const { require3pid, msisdn, tokens } = state.options.registration;
  const requireEmail = require3pid.includes('email');
  const requireMsisdn = require3pid.includes('msisdn');
  const showMsisdn = msisdn || requireMsisdn;
  const flows: string[][] = [];
  if (!requireEmail && !requireMsisdn) flows.push(['m.login.dummy']);
  if (!requireMsisdn) flows.push(['m.login.email.identity']);
  if (showMsisdn && !requireEmail) flows.push(['m.login.msisdn']);
  if (showMsisdn) flows.push(['m.login.msisdn', 'm.login.email.identity']);
  return tokens.length > 0 ? flows.map((stages) => ['m.login.registration_token', ...stages]) : flows;
}

/**
 * POST `{prefix}/register`: sign-up behind User-Interactive Auth, like Synapse. The username and password are checked
 * before auth and kept in the UIA session, so later calls may send `auth` alone; proven 3PIDs are bound to the account.
 */
export function register(state: ServerState, req: RouteRequest): Reply {
  if (!state.options.registration.enabled) return matrixError(403, 'M_FORBIDDEN', 'Registration has been disabled');
  if ((req.url.searchParams.get('kind') ?? 'user') !== 'user') return matrixError(403, 'M_FORBIDDEN', 'Guest access is disabled');
  const body = parseJsonObject(req.bodyText);
  const username = optionalString(body, 'username')?.toLowerCase();
  const password = optionalString(body, 'password');
  const inhibitLogin = optionalBoolean(body, 'inhibit_login') ?? false;
  // A retry of a session that already signed up may name its own account again.
  const auth = body.auth;
  const earlier = isJsonObject(auth) && typeof auth.session === 'string' ? state.uia.get(auth.session) : undefined;
  if (username !== undefined && !earlier?.registeredUserId) checkUsername(state, username);
  if (password !== undefined) {
    if (password.length > MAX_PASSWORD_LENGTH) fail(matrixError(400, 'M_INVALID_PARAM', 'Password too long'));
    if (state.options.weakPassword(password)) fail(matrixError(400, 'M_WEAK_PASSWORD', 'This password is too weak'));
  }
  const onIncomplete = (session: UiaSession): void => {
    session.username ??= username;
    if (password !== undefined) session.newPassword ??= password;
  };
  const session = runUia(state, { endpoint: 'register', flows: registrationFlows(state), auth: body.auth, onIncomplete });
  onIncomplete(session);

  // A retry of a session that already signed up answers with the same account, signed in on a new device.
  if (session.registeredUserId) return signedUp(state, session.registeredUserId, inhibitLogin);
  const proven = session.proven ?? [];
  for (const { medium, address } of proven) {
    if (state.users.findByThreepid(medium, address)) fail(matrixError(400, 'M_THREEPID_IN_USE', `${medium} is already in use`));
  }
  if (session.newPassword === undefined) fail(matrixError(400, 'M_MISSING_PARAM', 'Missing params: password'));
  const localpart = session.username ?? freeLocalpart(state);
  checkUsername(state, localpart);
  const of = (medium: Medium): string[] => proven.filter((t) => t.medium === medium).map((t) => t.address);
  const user = state.users.addUser({ userId: localpart, password: session.newPassword, emails: of('email'), phones: of('msisdn') });
  session.registeredUserId = user.userId;
  return inhibitLogin ? json(200, { user_id: user.userId, home_server: state.options.serverName }) : signedUp(state, user.userId, false, user.accessToken);
}

function checkUsername(state: ServerState, localpart: string): void {
  if (!LOCALPART.test(localpart)) fail(matrixError(400, 'M_INVALID_USERNAME', 'User ID can only contain characters a-z, 0-9, or \'=_-./+\''));
  if (state.users.get(localpart)) fail(matrixError(400, 'M_USER_IN_USE', 'User ID already taken.'));
}

/** Synapse numbers accounts registered without a username. */
function freeLocalpart(state: ServerState): string {
  let n = state.users.all().length + 1;
  while (state.users.get(String(n))) n += 1;
  return String(n);
}

function signedUp(state: ServerState, userId: string, inhibitLogin: boolean, accessToken?: string): Reply {
  if (inhibitLogin) return json(200, { user_id: userId, home_server: state.options.serverName });
  const token = accessToken ?? state.users.login(userId);
  const device = state.users.byToken(token);
  return json(200, { user_id: userId, access_token: token, device_id: device?.deviceId, home_server: state.options.serverName });
}
