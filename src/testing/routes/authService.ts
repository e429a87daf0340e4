import { json, unrecognized, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';

// What MAS lists in `account_management_actions_supported`.
const MAS_ACTIONS = ['org.matrix.profile', 'org.matrix.sessions_list', 'org.matrix.session_view', 'org.matrix.session_end', 'org.matrix.cross_signing_reset'];

function service(state: ServerState): { issuer: string; account: string; actions: string[] } | undefined {
  const auth = state.options.authService;
  if (!auth) return undefined;
  const issuer = auth.issuer ?? `${state.publicBase}/`;
  return { issuer, account: auth.accountManagementUri ?? `${issuer}account/`, actions: auth.actions ?? MAS_ACTIONS };
}

/** The OAuth server metadata as `auth_metadata` serves it (only the fields the kit reads, plus the required ones). */
function metadata(state: ServerState, prefix: string): Reply {
  const found = service(state);
  if (!found) return unrecognized(404);
  const { issuer } = found;
  return json(200, {
    issuer,
    authorization_endpoint: `${issuer}authorize`,
    token_endpoint: `${issuer}oauth2/token`,
    revocation_endpoint: `${issuer}oauth2/revoke`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    [`${prefix}account_management_uri`]: found.account,
    [`${prefix}account_management_actions_supported`]: found.actions,
  });
}

/** GET `/_matrix/client/v1/auth_metadata`; a server without an auth service answers 404 M_UNRECOGNIZED like Synapse. */
export function stableAuthMetadata(state: ServerState): Reply {
  const discovery = state.options.authService?.discovery ?? 'stable';
  return discovery === 'stable' ? metadata(state, '') : unrecognized(404);
}

/** GET MSC2965's unstable path: served by older deployments, with MSC4191's prefixed field names. */
export function unstableAuthMetadata(state: ServerState): Reply {
  const discovery = state.options.authService?.discovery ?? 'stable';
  if (discovery === 'stable') return metadata(state, '');
  return discovery === 'unstable' ? metadata(state, 'org.matrix.msc4191.') : unrecognized(404);
}

/** GET `/.well-known/matrix/client`: the base URL, and the oldest OAuth hint when configured so. */
export function wellKnown(state: ServerState, _req: RouteRequest): Reply {
  const body: Record<string, unknown> = { 'm.homeserver': { base_url: state.publicBase } };
  const found = service(state);
  if (found && state.options.authService?.discovery === 'wellKnown') {
    body['org.matrix.msc2965.authentication'] = { issuer: found.issuer, account: found.account };
  }
  return json(200, body);
}
