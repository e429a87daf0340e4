import { isJsonObject, ReplyError } from './body';
import { FakeNetworkError } from './faults';
import { redactSecrets } from './redact';
import { json, matrixError, toResponse, tooManyRequests, type Reply } from './reply';
import { route, type buildRoutes } from './router';
import type { RouteRequest } from './routeTypes';
import type { ServerState } from './state';
import type { EndpointName, FaultSpec } from './types';

/** How a request reached the core. */
export interface TransportInfo {
  /** Client identity for rate limits when there is no x-forwarded-for: the socket address, or a constant. */
  clientKey: string;
}

/** The transport-free homeserver: a standard Request in, a standard Response out. */
export type CoreHandler = (request: Request, transport: TransportInfo) => Promise<Response>;

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Creates the request handler every transport (fetch, msw, Node http) goes through. */
export function createCore(state: ServerState, routes: ReturnType<typeof buildRoutes>): CoreHandler {
  return async (request, transport) => {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const bodyText = method === 'GET' || method === 'HEAD' ? '' : await request.text();
    const requestContentType = request.headers.get('content-type') ?? undefined;
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    const match = method === 'OPTIONS' ? undefined : route(routes, method, url.pathname);
    const endpoint: EndpointName = match?.endpoint ?? 'preflight';
    // A preflight never consumes a fault: the fault is meant for the request that follows it.
    const fault = match ? state.faults.take(endpoint) : undefined;
    const requestBody = parseBody(bodyText, requestContentType);

    const record = (status: number, response: Response | undefined, responseBody: unknown): void => {
      state.requests.push({
        method,
        path: url.pathname,
        endpoint,
        body: typeof requestBody === 'string' ? '[unparsed body]' : redactSecrets(requestBody),
        status,
        ...(fault && { fault: fault.kind }),
      });
      if (response) {
        state.options.onExchange?.({
          method,
          url: url.href,
          endpoint,
          requestContentType,
          requestBody,
          status,
          responseContentType: response.headers.get('content-type') ?? undefined,
          responseBody,
          ...(fault && { fault: fault.kind }),
        });
      }
    };

    let reply: Reply;
    try {
      await wait(state.options.latencyMs, request.signal);
      if (fault?.kind === 'latency') await wait(fault.ms, request.signal);
      if (fault?.kind === 'networkError') throw new FakeNetworkError();
      if (fault?.kind === 'hang') await wait(Number.POSITIVE_INFINITY, request.signal);
      const routeRequest: RouteRequest = {
        method,
        url,
        headers: request.headers,
        bodyText,
        clientKey: forwarded || transport.clientKey,
        params: match?.params ?? {},
      };
      reply = (fault && faultReply(fault)) ?? (match ? run(state, match.handler, routeRequest) : { kind: 'empty', status: 204 });
    } catch (error) {
      record(0, undefined, undefined);
      throw error;
    }

    const response = toResponse(reply);
    record(response.status, response, replyBody(reply));
    return method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
  };
}

function run(state: ServerState, handler: (s: ServerState, r: RouteRequest) => Reply, req: RouteRequest): Reply {
  try {
    return handler(state, req);
  } catch (error) {
    if (error instanceof ReplyError) return error.reply;
    throw error;
  }
}

/** What an injected fault answers instead of the homeserver; undefined when the homeserver answers. */
function faultReply(fault: FaultSpec): Reply | undefined {
  switch (fault.kind) {
    case 'status500':
      // Synapse's answer when sending the email fails (SMTP down).
      return matrixError(500, 'M_UNKNOWN', 'An error was encountered when sending the email');
    case 'html502':
      // A reverse proxy's page; CORS headers kept so a browser client can still see the status.
      return { kind: 'text', status: 502, text: NGINX_502, contentType: 'text/html', cors: true };
    case 'malformedJson':
      return { kind: 'text', status: 200, text: '{"sid": "', contentType: 'application/json', cors: true };
    case 'rateLimit':
      return tooManyRequests(fault.retryAfterMs ?? 30_000);
    case 'matrixError':
      return json(fault.status, { errcode: fault.errcode, error: fault.error ?? 'Injected error' });
    default:
      return undefined;
  }
}

function replyBody(reply: Reply): unknown {
  switch (reply.kind) {
    case 'json':
      return reply.body;
    case 'html':
      return reply.html;
    case 'text':
      return reply.text;
    default:
      return undefined;
  }
}

/** A request body as data: JSON, form fields, the raw text when neither parses, undefined when empty. */
function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) || Array.isArray(value) ? value : text;
  } catch {
    return text;
  }
}

/** Waits `ms` (forever for Infinity), rejecting like fetch when the request is aborted. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done(): void {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(timer);
      reject(abortReason(signal));
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}
