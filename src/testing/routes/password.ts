import { accessTokenOf, authenticate } from '../auth';
import { fail, optionalBoolean, optionalString, parseJsonObject } from '../body';
import { json, matrixError, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';
import { accountFlows, runUia, type UiaSession } from '../uia';

const MAX_PASSWORD_LENGTH = 512;

/**
 * POST `{prefix}/account/password`. With an access token: a password change behind the account's UIA.
 * Without: a reset, authorised by a validated email (or phone) session as the UIA stage.
 */
export function password(state: ServerState, req: RouteRequest): Reply {
  if (state.options.changePassword === false) {
    return matrixError(403, 'M_FORBIDDEN', 'Password change is disabled on this server');
  }
  // Synapse reads and checks the body before it looks at the access token.
  const body = parseJsonObject(req.bodyText);
  const newPassword = optionalString(body, 'new_password');
  const logoutDevices = optionalBoolean(body, 'logout_devices') ?? true;
  if (newPassword !== undefined) {
    if (newPassword.length > MAX_PASSWORD_LENGTH) fail(matrixError(400, 'M_BAD_JSON', 'Invalid password'));
    // Checked before UIA so a weak choice does not burn the validated session.
    if (state.options.weakPassword(newPassword)) {
      fail(matrixError(400, 'M_WEAK_PASSWORD', 'This password is too weak'));
    }
  }
  const requester = accessTokenOf(req) !== undefined ? authenticate(state, req) : undefined;

  // Synapse keeps a new password sent with incomplete auth in the UIA session, for the retry that completes it.
  const onIncomplete = (session: UiaSession): void => {
    if (newPassword !== undefined) session.newPassword ??= newPassword;
  };
  const uiaSession = requester
    ? runUia(state, {
        endpoint: 'password',
        flows: accountFlows(requester.user),
        auth: body.auth,
        requester: requester.user,
        onIncomplete,
      })
    : runUia(state, { endpoint: 'password', flows: resetFlows(state), auth: body.auth, onIncomplete });

  const user = requester
    ? requester.user
    : uiaSession.threepid && state.users.findByThreepid(uiaSession.threepid.medium, uiaSession.threepid.address);
  if (!user) fail(matrixError(404, 'M_NOT_FOUND', 'Email address not found'));
  const chosen = newPassword ?? uiaSession.newPassword;
  if (chosen === undefined) fail(matrixError(400, 'M_MISSING_PARAM', 'Missing params: password'));

  user.password = chosen;
  // The spec says the requester's own token survives; a reset has no requester, so every device is signed out.
  if (logoutDevices) state.users.revokeTokens(user.userId, requester?.accessToken);
  state.uia.delete(uiaSession.id);
  return json(200, {});
}

function resetFlows(state: ServerState): string[][] {
  const flows = [['m.login.email.identity']];
  if (state.options.resetByPhone) flows.push(['m.login.msisdn']);
  return flows;
}
