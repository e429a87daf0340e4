import { parseJsonObject, requireClientSecret, requireString } from '../body';
import { json, matrixError, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';

/** POST to a submit_url `{ sid, client_secret, token }`: answers like an SMS delegate (sydent) behind Synapse. */
export function submitToken(state: ServerState, req: RouteRequest): Reply {
  const body = parseJsonObject(req.bodyText);
  const sid = requireString(body, 'sid');
  const clientSecret = requireClientSecret(body);
  const token = requireString(body, 'token').trim();
  const result = state.sessions.validate(sid, clientSecret, token, state.options.now());
  if (result.ok) return json(200, { success: true });
  // Synapse proxies the code to the identity server and turns any refusal there into this one answer.
  if (state.options.tokenIncorrectStyle === 'synapse') return matrixError(400, 'M_UNKNOWN', 'Error contacting the identity server');
  switch (result.reason) {
    case 'unknownSession':
      return matrixError(400, 'M_NO_VALID_SESSION', 'No valid session was found matching that sid and client secret');
    case 'wrongSecret':
      return matrixError(400, 'M_INVALID_PARAM', 'Client secret does not match the one given when requesting the token');
    case 'expired':
      return matrixError(400, 'M_SESSION_EXPIRED', 'This validation session has expired: call requestToken again');
    case 'wrongToken':
      return state.options.tokenIncorrectStyle === 'errcode'
        ? matrixError(400, 'M_TOKEN_INCORRECT', 'Token incorrect')
        : json(200, { success: false });
  }
}
