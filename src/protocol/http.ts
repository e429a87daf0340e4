import { ThreepidNetworkError } from './errors';
import { badResponse, isObject, toApiError, type JsonObject } from './parseResponse';
import { secretsIn } from './redact';

/** One request the client makes. `token` adds `Authorization: Bearer`. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: Record<string, unknown> | undefined;
  token?: string | undefined;
}

/** Everything the transport needs from the client options. */
export interface HttpConfig {
  fetch: typeof fetch | undefined;
  timeoutMs: number;
}

/**
 * Sends one request and resolves the status and JSON object of a 2xx answer. Throws MatrixApiError for non-2xx
 * answers and for 2xx answers that are not a JSON object (every endpoint we call answers one), and
 * ThreepidNetworkError when no answer arrives. Redirects are not followed: a 3xx (an opaque one with status 0 in a
 * browser) is a server error, so the body never goes to another origin and no other origin's answer counts.
 */
export async function send(
  config: HttpConfig,
  req: HttpRequest,
  signal?: AbortSignal,
): Promise<{ status: number; body: JsonObject }> {
  if (signal?.aborted) throw new ThreepidNetworkError('aborted');
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort();
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  signal?.addEventListener('abort', onAbort);
  const headers: Record<string, string> = {};
  if (req.body) headers['Content-Type'] = 'application/json';
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  // Read at call time: test tools and polyfills replace the global after the client is created.
  const doFetch = config.fetch ?? globalThis.fetch;
  // Raced against the abort so a fetch that ignores its signal still cannot hang the caller.
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', reject));
  let res: { status: number; headers: Headers; text: string };
  try {
    res = await Promise.race([
      (async () => {
        const r = await doFetch(req.url, {
          method: req.method,
          headers,
          body: req.body ? JSON.stringify(req.body) : undefined,
          signal: controller.signal,
          redirect: 'manual',
        });
        // A fetch that follows anyway (a polyfill ignoring `redirect`) still gets no say: its answer is not ours.
        // Stryker disable next-line StringLiteral: every text that is not a JSON object fails alike below.
        if (r.redirected) return { status: 0, headers: new Headers(), text: '' };
        // The timeout covers the body too: a server that stalls mid-body is as stuck as one that never answers.
        return { status: r.status, headers: r.headers, text: await r.text() };
      })(),
      stopped,
    ]);
  } catch {
    throw new ThreepidNetworkError(signal?.aborted ? 'aborted' : timedOut ? 'timeout' : 'offline');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    // Not JSON: `body` stays undefined.
  }
  // The server's text may repeat what it was sent: the token and every secret of the body are redacted from it.
  // Below 200 a Response has only status 0 (opaque or refused redirect: empty body, no headers), for which the
  // bad-response path below throws the same MatrixApiError: dropping `< 200` is an equivalent mutant.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (res.status < 200 || res.status > 299) throw toApiError(res.status, res.headers, body, [req.token, ...secretsIn(req.body)]);
  if (!isObject(body)) throw badResponse(res.status);
  return { status: res.status, body };
}
