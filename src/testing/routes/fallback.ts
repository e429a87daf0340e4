import { fallbackDonePage, fallbackFailedPage, ssoFallbackPage } from '../linkPages';
import { html, matrixError, type Reply } from '../reply';
import type { RouteRequest } from '../routeTypes';
import type { ServerState } from '../state';

const FALLBACK_STAGES: ReadonlySet<string> = new Set(['m.login.sso']);

function sessionParam(req: RouteRequest): string | undefined {
  return req.url.searchParams.get('session') ?? new URLSearchParams(req.bodyText).get('session') ?? undefined;
}

/** GET `{prefix}/auth/{stage}/fallback/web?session=…`: the page a client opens in a popup. */
export function showFallback(state: ServerState, req: RouteRequest): Reply {
  const stage = req.params.stage ?? '';
  if (!FALLBACK_STAGES.has(stage)) return matrixError(404, 'M_NOT_FOUND', 'Unknown auth stage type');
  const session = sessionParam(req);
  if (session === undefined || !state.uia.get(session)) return html(400, fallbackFailedPage());
  return html(200, ssoFallbackPage(session));
}

/** POST of the fallback page's button: completes the stage and tells the opener `authDone`. */
export function submitFallback(state: ServerState, req: RouteRequest): Reply {
  const stage = req.params.stage ?? '';
  if (!FALLBACK_STAGES.has(stage)) return matrixError(404, 'M_NOT_FOUND', 'Unknown auth stage type');
  const session = sessionParam(req);
  if (session === undefined || !completeFallbackStage(state, session, stage)) return html(400, fallbackFailedPage());
  return html(200, fallbackDonePage());
}

/** Marks a fallback stage completed in a UIA session; false for an unknown session. */
export function completeFallbackStage(state: ServerState, sessionId: string, stage = 'm.login.sso'): boolean {
  const session = state.uia.get(sessionId);
  if (!session) return false;
  session.completed.add(stage);
  return true;
}
