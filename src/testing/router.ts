import type { Medium, Purpose } from '../protocol/types';
import { unrecognized } from './reply';
import { capabilities, threepidDelete, threepids, versions, whoami } from './routes/account';
import { stableAuthMetadata, unstableAuthMetadata, wellKnown } from './routes/authService';
import { confirmReset, followValidationLink, showResetConfirmation } from './routes/emailLinks';
import { showFallback, submitFallback } from './routes/fallback';
import { login, loginFlows } from './routes/login';
import { password } from './routes/password';
import { register } from './routes/register';
import { requestToken } from './routes/requestToken';
import { submitToken } from './routes/submitToken';
import { threepidAdd } from './routes/threepidAdd';
import type { RouteHandler } from './routeTypes';
import { emailLinkPath, submitTokenPath, type ServerPaths } from './paths';
import type { EndpointName } from './types';

interface Route {
  method: string;
  path: string | RegExp;
  endpoint: EndpointName;
  handler: RouteHandler;
}

/** The route a request goes to, with its path parameters. */
export interface RouteMatch {
  endpoint: EndpointName;
  handler: RouteHandler;
  params: Record<string, string>;
}

const PURPOSE_SEGMENTS: ReadonlyArray<readonly [Purpose, string]> = [
  ['register', 'register'],
  ['add', 'account/3pid'],
  ['reset', 'account/password'],
];
const MEDIA: readonly Medium[] = ['email', 'msisdn'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The route table for an API prefix. With an auth service (MAS), Synapse does not register the legacy 3PID and
 * password endpoints at all (PROTOCOL "OAuth-era homeservers"): they fall through to M_UNRECOGNIZED.
 */
export function buildRoutes(paths: ServerPaths, oauth = false): Route[] {
  const p = paths.prefix;
  const routes: Route[] = [
    { method: 'GET', path: `${paths.clientRoot}/v1/auth_metadata`, endpoint: 'authMetadata', handler: stableAuthMetadata },
    { method: 'GET', path: `${paths.unstable}/org.matrix.msc2965/auth_metadata`, endpoint: 'authMetadata', handler: unstableAuthMetadata },
    { method: 'GET', path: '/.well-known/matrix/client', endpoint: 'wellKnown', handler: wellKnown },
  ];
  const legacy = (route: Route): boolean =>
    !oauth || !['requestToken', 'submitToken', 'link', 'threepidAdd', 'threepidDelete', 'password'].includes(route.endpoint);
  for (const [purpose, segment] of PURPOSE_SEGMENTS) {
    for (const medium of MEDIA) {
      const handler: RouteHandler = (state, req) => requestToken(state, req, purpose, medium);
      routes.push({ method: 'POST', path: `${p}/${segment}/${medium}/requestToken`, endpoint: 'requestToken', handler });
      routes.push({ method: 'POST', path: submitTokenPath(paths, purpose, medium), endpoint: 'submitToken', handler: submitToken });
    }
  }
  routes.push(
    { method: 'GET', path: emailLinkPath(paths, 'add'), endpoint: 'link', handler: followValidationLink },
    { method: 'GET', path: emailLinkPath(paths, 'register'), endpoint: 'link', handler: followValidationLink },
    { method: 'GET', path: emailLinkPath(paths, 'reset'), endpoint: 'link', handler: showResetConfirmation },
    { method: 'POST', path: emailLinkPath(paths, 'reset'), endpoint: 'link', handler: confirmReset },
    { method: 'POST', path: `${p}/account/3pid/add`, endpoint: 'threepidAdd', handler: threepidAdd },
    { method: 'GET', path: `${p}/account/3pid`, endpoint: 'threepids', handler: threepids },
    { method: 'POST', path: `${p}/account/3pid/delete`, endpoint: 'threepidDelete', handler: threepidDelete },
    { method: 'POST', path: `${p}/account/password`, endpoint: 'password', handler: password },
    { method: 'POST', path: `${p}/register`, endpoint: 'register', handler: register },
    { method: 'GET', path: `${p}/account/whoami`, endpoint: 'whoami', handler: whoami },
    { method: 'GET', path: `${p}/capabilities`, endpoint: 'capabilities', handler: capabilities },
    { method: 'GET', path: `${p}/login`, endpoint: 'login', handler: loginFlows },
    { method: 'POST', path: `${p}/login`, endpoint: 'login', handler: login },
    { method: 'GET', path: `${paths.clientRoot}/versions`, endpoint: 'versions', handler: versions },
  );
  const fallback = new RegExp(`^${escapeRegExp(p)}/auth/(?<stage>[^/]+)/fallback/web$`);
  routes.push(
    { method: 'GET', path: fallback, endpoint: 'fallback', handler: showFallback },
    { method: 'POST', path: fallback, endpoint: 'fallback', handler: submitFallback },
  );
  return routes.filter(legacy);
}

function matchPath(route: Route, path: string): Record<string, string> | undefined {
  if (typeof route.path === 'string') return route.path === path ? {} : undefined;
  const m = route.path.exec(path);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  try {
    for (const [key, value] of Object.entries(m.groups ?? {})) params[key] = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  return params;
}

/** Finds the route; like Synapse, an unknown path is 400 M_UNRECOGNIZED and a known path with another method 405. */
export function route(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathKnown = false;
  for (const r of routes) {
    const params = matchPath(r, path);
    if (!params) continue;
    // HEAD is answered like GET.
    if (r.method === method || (method === 'HEAD' && r.method === 'GET')) {
      return { endpoint: r.endpoint, handler: r.handler, params };
    }
    pathKnown = true;
  }
  const status = pathKnown ? 405 : 400;
  return { endpoint: 'unrecognized', handler: () => unrecognized(status), params: {} };
}
