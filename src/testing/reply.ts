/** What a route answers, before it becomes a Response. */
export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> | undefined }
  | { kind: 'html'; status: number; html: string; headers?: Record<string, string> | undefined }
  | { kind: 'text'; status: number; text: string; contentType: string; cors: boolean }
  | { kind: 'redirect'; location: string }
  | { kind: 'empty'; status: number };

/** The CORS headers Synapse puts on every client-server API answer. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'X-Requested-With, Content-Type, Authorization, Date',
  // Like Synapse: Retry-After is not exposed, so a cross-origin browser client must fall back to retry_after_ms.
  'Access-Control-Expose-Headers': 'Synapse-Trace-Id, Server',
};

// Synapse's HTML pages may not be framed (clickjacking on the confirmation button).
const HTML_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Cache-Control': 'no-cache, no-store, must-revalidate',
};

/** A JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body };
}

/** A Matrix error answer `{ errcode, error, ...extra }`. */
export function matrixError(status: number, errcode: string, error: string, extra?: Record<string, unknown>): Reply {
  return json(status, { errcode, error, ...extra });
}

/** Synapse's answer to a path (or method) it does not serve. */
export function unrecognized(status = 400): Reply {
  return matrixError(status, 'M_UNRECOGNIZED', 'Unrecognized request');
}

/** An HTML page. */
export function html(status: number, page: string): Reply {
  return { kind: 'html', status, html: page };
}

/** A 302 to `location`. */
export function redirect(location: string): Reply {
  return { kind: 'redirect', location };
}

/** Turns a Reply into a standard Response. */
export function toResponse(reply: Reply): Response {
  switch (reply.kind) {
    case 'json':
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json', ...CORS_HEADERS, ...reply.headers },
      });
    case 'html':
      return new Response(reply.html, { status: reply.status, headers: { ...HTML_HEADERS, ...reply.headers } });
    case 'text':
      return new Response(reply.text, {
        status: reply.status,
        headers: { 'Content-Type': reply.contentType, ...(reply.cors ? CORS_HEADERS : {}) },
      });
    case 'redirect':
      return new Response(null, { status: 302, headers: { Location: reply.location, 'Cache-Control': 'no-store' } });
    case 'empty':
      return new Response(null, { status: reply.status, headers: { ...CORS_HEADERS } });
  }
}

/** A 429 M_LIMIT_EXCEEDED answer with both `retry_after_ms` and `Retry-After` (whole seconds, rounded up). */
export function tooManyRequests(retryAfterMs: number): Reply {
  return json(
    429,
    { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', retry_after_ms: retryAfterMs },
    { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) },
  );
}
