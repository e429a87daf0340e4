import { fail } from './body';
import { matrixError } from './reply';
import type { RouteRequest } from './routeTypes';
import type { ServerState } from './state';
import type { UserRecord } from './users';

/** The authenticated caller of a request. */
export interface Requester {
  user: UserRecord;
  accessToken: string;
  deviceId: string;
}

/** The access token of a request: `Authorization: Bearer`, or the deprecated `access_token` query parameter. */
export function accessTokenOf(req: RouteRequest): string | undefined {
  const header = req.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1]) return match[1];
  return req.url.searchParams.get('access_token') ?? undefined;
}

/** The caller, or a 401 M_MISSING_TOKEN / M_UNKNOWN_TOKEN answer like Synapse's. */
export function authenticate(state: ServerState, req: RouteRequest): Requester {
  const accessToken = accessTokenOf(req);
  if (accessToken === undefined) fail(matrixError(401, 'M_MISSING_TOKEN', 'Missing access token'));
  const found = state.users.byToken(accessToken);
  if (!found) fail(matrixError(401, 'M_UNKNOWN_TOKEN', 'Unrecognised access token', { soft_logout: false }));
  return { user: found.user, accessToken, deviceId: found.deviceId };
}
