import { authenticate } from '../auth';
import { fail, parseJsonObject, requireClientSecret, requireString } from '../body';
import { json, matrixError, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';
import { accountFlows, runUia } from '../uia';

/** POST `{prefix}/account/3pid/add`: access token, body, UIA, then a validated session (in Synapse's order). */
export function threepidAdd(state: ServerState, req: RouteRequest): Reply {
  if (state.options.threepidChanges === false) {
    return matrixError(400, 'M_FORBIDDEN', '3PID changes are disabled on this server');
  }
  const { user } = authenticate(state, req);
  const body = parseJsonObject(req.bodyText);
  const sid = requireString(body, 'sid');
  const clientSecret = requireClientSecret(body);
  const uiaSession = runUia(state, { endpoint: 'threepidAdd', flows: accountFlows(user), auth: body.auth, requester: user });

  // UIA passed; its session stays so a retry with `auth: { session }` alone passes again once validated.
  const session = state.sessions.validated(sid, clientSecret);
  if (!session) fail(matrixError(400, 'M_THREEPID_AUTH_FAILED', 'No validated 3pid session found'));
  const owner = state.users.findByThreepid(session.medium, session.address);
  if (owner && owner !== user) fail(matrixError(400, 'M_THREEPID_IN_USE', 'Third-party identifier already in use'));
  if (!owner) {
    const validatedAt = session.validatedAt ?? state.options.now();
    user.threepids.push({ medium: session.medium, address: session.address, validatedAt, addedAt: state.options.now() });
  }
  state.uia.delete(uiaSession.id);
  return json(200, {});
}
