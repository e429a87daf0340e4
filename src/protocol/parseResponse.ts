import { MatrixApiError } from './errors';
import { redact } from './redact';
import { retryAfterMs } from './retryAfter';
import type { UiaInfo } from './types';

/**
 * The errcode for an answer we cannot understand (HTML from a proxy, truncated JSON, a missing `sid`…):
 * `M_UNKNOWN`, with the real HTTP status kept, so callers treat it like any other server failure.
 */
export const BAD_RESPONSE_ERRCODE = 'M_UNKNOWN';

/** A JSON object as parsed from the wire. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The strings of a JSON array; anything else is an empty list. */
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** A well-formed 2xx answer that does not have the shape we need. */
export const badResponse = (status: number): MatrixApiError =>
  new MatrixApiError({ status, errcode: BAD_RESPONSE_ERRCODE });

function parseUia(body: JsonObject): UiaInfo | undefined {
  if (!Array.isArray(body.flows)) return undefined;
  return {
    flows: body.flows.filter(isObject).map((f) => ({ stages: strings(f.stages) })),
    params: isObject(body.params) ? body.params : {},
    session: typeof body.session === 'string' ? body.session : undefined,
    completed: strings(body.completed),
  };
}

/**
 * Turns a non-2xx answer into a MatrixApiError. A UIA challenge has no errcode: it gets `''`, not a fallback.
 * `secrets` (what the request carried) are redacted from the server's text.
 */
// Stryker disable next-line ArrayDeclaration: a non-empty default would only add its own placeholder text as a "secret".
export function toApiError(status: number, headers: Headers, body: unknown, secrets: readonly (string | undefined)[] = []): MatrixApiError {
  const b = isObject(body) ? body : {};
  const uia = status === 401 ? parseUia(b) : undefined;
  return new MatrixApiError({
    status,
    errcode: typeof b.errcode === 'string' ? redact(b.errcode, secrets) : uia ? '' : BAD_RESPONSE_ERRCODE,
    serverMessage: typeof b.error === 'string' ? redact(b.error, secrets) : undefined,
    retryAfterMs: retryAfterMs(headers.get('retry-after'), b.retry_after_ms),
    uia,
    softLogout: b.soft_logout === true,
  });
}
