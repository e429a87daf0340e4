// A homeserver that turns hostile on chosen requests: a fetch in front of the fake that records what the kit sends
// and lets a test answer any request itself (a looping UIA, a 307 to another origin, an echo of a secret…).
import { createFakeHomeserver, type FakeHomeserver } from '../../src/testing';
import type { FakeHomeserverOptions } from '../../src/testing/types';

/** The homeserver's origin in these tests: https, as a real one. */
export const HOSTILE_BASE = 'https://matrix.example.test';

/** One request the kit sent, as the hostile server saw it. */
export interface SeenRequest {
  url: URL;
  body: Record<string, unknown>;
  /** The fetch `redirect` mode the kit asked for. */
  redirect: RequestRedirect | undefined;
}

/** Answers a request itself, or returns undefined to let the fake homeserver answer. */
export type Script = (request: SeenRequest) => Response | undefined;

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** True when the request is to this endpoint path (after the prefix), e.g. `/account/3pid/add`. */
export const isPath = (request: SeenRequest, path: string): boolean => request.url.pathname.endsWith(path);

/** The fake homeserver behind a scripted fetch, and every request the kit sent through it. */
export function hostileServer(script: Script, options: FakeHomeserverOptions = {}): { hs: FakeHomeserver; seen: SeenRequest[]; fetch: typeof fetch } {
  const hs = createFakeHomeserver({ baseUrl: HOSTILE_BASE, rateLimit: false, ...options });
  const seen: SeenRequest[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    let body: Record<string, unknown> = {};
    try {
      body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    } catch {
      // Not JSON: recorded empty.
    }
    const request: SeenRequest = { url, body, redirect: init?.redirect };
    seen.push(request);
    return script(request) ?? hs.fetch(input, init);
  };
  return { hs, seen, fetch: fetchImpl };
}

/**
 * What a platform fetch does with a redirect: with `redirect: 'manual'` it hands back the 3xx itself (Node; a browser
 * gives an opaque one); otherwise it follows, re-sending the request to `location`, and marks the answer redirected.
 */
export function redirectLike(request: SeenRequest, status: number, location: string, followed: (to: SeenRequest) => Response): Response {
  if (request.redirect === 'manual' || request.redirect === 'error') {
    if (request.redirect === 'error') throw new TypeError('fetch failed: redirect mode is error');
    return new Response(null, { status, headers: { location } });
  }
  const answer = followed({ ...request, url: new URL(location) });
  Object.defineProperty(answer, 'redirected', { value: true });
  Object.defineProperty(answer, 'url', { value: location });
  return answer;
}
