import { fail, isJsonObject, optionalString, parseJsonObject } from '../body';
import { json, matrixError, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';
import { identifiedUser } from '../uia';

/** GET `{prefix}/login`: the login types offered. */
export function loginFlows(): Reply {
  return json(200, { flows: [{ type: 'm.login.password' }] });
}

/** POST `{prefix}/login` with `m.login.password` (user ID or 3PID identifier): a new device and access token. */
export function login(state: ServerState, req: RouteRequest): Reply {
  const body = parseJsonObject(req.bodyText);
  if (body.type !== 'm.login.password') fail(matrixError(400, 'M_UNKNOWN', 'Unknown login type'));
  const identifier = isJsonObject(body.identifier) ? body.identifier : undefined;
  // Legacy `medium` + `address` at the top level, as Synapse still accepts.
  const legacyThreepid =
    typeof body.medium === 'string' && typeof body.address === 'string'
      ? { type: 'm.id.thirdparty', medium: body.medium, address: body.address }
      : undefined;
  const user = identifiedUser(state, { ...body, identifier: identifier ?? legacyThreepid ?? body.identifier });
  const password = body.password;
  if (typeof password !== 'string') fail(matrixError(400, 'M_INVALID_PARAM', 'Bad parameter: password'));
  if (!user || user.password === undefined || user.password !== password) {
    fail(matrixError(403, 'M_FORBIDDEN', 'Invalid username or password'));
  }
  const deviceId = optionalString(body, 'device_id');
  const accessToken = state.users.login(user.userId, deviceId);
  const session = state.users.byToken(accessToken);
  return json(200, {
    user_id: user.userId,
    access_token: accessToken,
    device_id: session?.deviceId ?? deviceId,
    home_server: state.options.serverName,
  });
}
