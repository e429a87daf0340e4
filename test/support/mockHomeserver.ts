// An msw server that records every request and answers from a queue, for protocol-level tests. After each test
// it checks every request body and every well-formed reply against the Matrix spec, so no mock drifts from it.
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { validateRequest, validateResponse } from './spec';

/** One request as it went over the wire. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: Headers;
  rawBody: string;
  body: unknown;
}

/** What the mock answers. `json` and `text` are exclusive; `hang` never answers; `networkError` fails the fetch. */
export interface MockReply {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  hang?: boolean;
  networkError?: boolean;
  /** Why this reply deliberately breaks the spec (HTML, truncated JSON…): it is left out of the spec check. */
  malformed?: string;
}

/** Spec violations of one request and the reply it got; [] when both conform. */
export function exchangeViolations(req: CapturedRequest, reply: MockReply): string[] {
  const out = validateRequest(req.method, req.url, req.body);
  if (reply.malformed === undefined && !reply.hang && !reply.networkError && reply.text === undefined) {
    out.push(...validateResponse(req.method, req.url, reply.status ?? 200, reply.json));
  }
  return out;
}

/** Handle on the mock homeserver of one test file. */
export interface MockHomeserver {
  requests: CapturedRequest[];
  /** Queue answers for the next requests, in order. */
  reply(...replies: MockReply[]): void;
}

function parse(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return raw;
  }
}

/** Turns a MockReply into the Response msw sends. */
export function toResponse(r: MockReply): Response {
  const init = { status: r.status ?? 200, headers: r.headers };
  if (r.networkError) return HttpResponse.error();
  if (r.text !== undefined) return new HttpResponse(r.text, init);
  if (r.json === undefined) return new HttpResponse(null, init);
  return HttpResponse.json(r.json, init);
}

/** Starts one msw server for the calling test file; it catches every request, so nothing leaves the process. */
export function useMockHomeserver(): MockHomeserver {
  const requests: CapturedRequest[] = [];
  const queue: MockReply[] = [];
  const violations: string[] = [];
  const server = setupServer(
    http.all('*', async ({ request }) => {
      const rawBody = request.method === 'GET' ? '' : await request.text();
      requests.push({ method: request.method, url: request.url, headers: request.headers, rawBody, body: parse(rawBody) });
      const next = queue.shift() ?? { status: 599, json: { errcode: 'M_TEST_NO_REPLY_QUEUED' }, malformed: 'test bug' };
      violations.push(...exchangeViolations(requests[requests.length - 1] as CapturedRequest, next));
      if (next.hang) await delay('infinite');
      return toResponse(next);
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    requests.length = 0;
    queue.length = 0;
    const found = violations.splice(0);
    if (found.length > 0) throw new Error(`Mocked exchange breaks the Matrix spec:\n${found.join('\n')}`);
  });
  afterAll(() => server.close());
  return { requests, reply: (...r) => queue.push(...r) };
}
