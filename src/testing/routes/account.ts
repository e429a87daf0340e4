import { canonicalAddress } from '../addresses';
import { authenticate } from '../auth';
import { fail, parseJsonObject, requireString } from '../body';
import { json, matrixError, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';
import type { CapabilitySetting } from '../types';

/** GET `{prefix}/account/3pid`: the account's 3PIDs. */
export function threepids(state: ServerState, req: RouteRequest): Reply {
  const { user } = authenticate(state, req);
  return json(200, {
    threepids: user.threepids.map((t) => ({
      medium: t.medium,
      address: t.address,
      validated_at: t.validatedAt,
      added_at: t.addedAt,
    })),
  });
}

/** POST `{prefix}/account/3pid/delete`: removes a 3PID (no identity server to unbind from). */
export function threepidDelete(state: ServerState, req: RouteRequest): Reply {
  const { user } = authenticate(state, req);
  if (state.options.threepidChanges === false) {
    return matrixError(400, 'M_FORBIDDEN', '3PID changes are disabled on this server');
  }
  const body = parseJsonObject(req.bodyText);
  const medium = requireString(body, 'medium');
  if (medium !== 'email' && medium !== 'msisdn') fail(matrixError(400, 'M_INVALID_PARAM', 'Unknown medium'));
  const address = canonicalAddress(medium, requireString(body, 'address'));
  user.threepids = user.threepids.filter((t) => !(t.medium === medium && t.address === address));
  return json(200, { id_server_unbind_result: 'no-support' });
}

/** GET `{prefix}/account/whoami`. */
export function whoami(state: ServerState, req: RouteRequest): Reply {
  const { user, deviceId } = authenticate(state, req);
  return json(200, { user_id: user.userId, device_id: deviceId, is_guest: false });
}

/** GET `{prefix}/capabilities`, with the 3PID and password capabilities as configured. */
export function capabilities(state: ServerState, req: RouteRequest): Reply {
  authenticate(state, req);
  const caps: Record<string, unknown> = {
    'm.room_versions': { default: '10', available: { '9': 'stable', '10': 'stable', '11': 'stable' } },
    'm.set_displayname': { enabled: true },
    'm.set_avatar_url': { enabled: true },
  };
  const put = (name: string, setting: CapabilitySetting): void => {
    if (setting !== 'absent') caps[name] = { enabled: setting };
  };
  put('m.change_password', state.options.changePassword);
  put('m.3pid_changes', state.options.threepidChanges);
  return json(200, { capabilities: caps });
}

/** GET `{clientRoot}/versions`: the spec versions a v1.16 homeserver advertises. */
export function versions(): Reply {
  const list = ['r0.5.0', 'r0.6.0', 'r0.6.1', 'v1.1', 'v1.2', 'v1.3', 'v1.4', 'v1.5', 'v1.6'];
  for (let minor = 7; minor <= 16; minor += 1) list.push(`v1.${minor}`);
  return json(200, { versions: list, unstable_features: {} });
}
