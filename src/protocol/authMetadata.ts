import { MatrixApiError, ThreepidNetworkError } from './errors';
import { isObject, strings, type JsonObject } from './parseResponse';
import type { AuthMetadata } from './types';
import { isValidNextLink } from './urlSafety';

/** Fetches one JSON object without an access token; throws like the protocol client. */
export type GetJson = (url: string, signal?: AbortSignal) => Promise<unknown>;

// A link we render must be http(s): a hostile server could hand us `javascript:`.
const httpUrl = (v: unknown): string | undefined => (typeof v === 'string' && isValidNextLink(v) ? v : undefined);

/** OAuth server metadata → AuthMetadata, reading MSC4191's unstable field names too; null without an http(s) issuer. */
export function toAuthMetadata(body: unknown): AuthMetadata | null {
  const issuer = isObject(body) && httpUrl(body.issuer);
  if (!isObject(body) || !issuer) return null;
  const field = (name: string): unknown => body[name] ?? body[`org.matrix.msc4191.${name}`];
  return {
    issuer,
    accountManagementUri: httpUrl(field('account_management_uri')),
    accountManagementActions: strings(field('account_management_actions_supported')),
  };
}

/** `org.matrix.msc2965.authentication: { issuer, account }` of `/.well-known/matrix/client`, the oldest form. */
function fromWellKnown(body: unknown): AuthMetadata | null {
  // toAuthMetadata already answers null for anything but an object, so these checks only narrow the type.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above
  const auth: JsonObject | undefined = isObject(body) && isObject(body['org.matrix.msc2965.authentication']) ? body['org.matrix.msc2965.authentication'] : undefined;
  const found = toAuthMetadata(auth);
  // Stryker disable next-line OptionalChaining: `found` is only non-null when `auth` is an object
  return found && { ...found, accountManagementUri: httpUrl(auth?.account) };
}

/** True for an answer that says "not here" (a 4xx); a 5xx or no answer says nothing about the server. */
const isAnswer = (err: unknown): boolean => err instanceof MatrixApiError && err.status >= 400 && err.status < 500;

/**
 * Asks a homeserver whether it delegates accounts to an OAuth 2.0 server: the stable endpoint, then MSC2965's
 * unstable one, then the well-known (PROTOCOL "OAuth-era homeservers"). Resolves null for a legacy server; rejects
 * only when it could not tell (no answer, 5xx), so the caller can ask again later.
 */
export async function discoverAuthMetadata(get: GetJson, clientRoot: string, origin: string, signal?: AbortSignal): Promise<AuthMetadata | null> {
  const tries: Array<[string, (body: unknown) => AuthMetadata | null]> = [
    [`${clientRoot}/v1/auth_metadata`, toAuthMetadata],
    [`${clientRoot}/unstable/org.matrix.msc2965/auth_metadata`, toAuthMetadata],
    [`${origin}/.well-known/matrix/client`, fromWellKnown],
  ];
  for (const [url, parse] of tries) {
    try {
      const found = parse(await get(url, signal));
      if (found) return found;
    } catch (err) {
      if (!isAnswer(err)) throw err;
    }
  }
  return null;
}

/**
 * `getAuthMetadata` read once per client: the first definite answer is kept, so a legacy server costs its requests
 * once. A failure to tell (offline, 5xx) resolves null (treated as legacy) without being kept.
 */
export function cachedAuthMetadata(discover: (signal?: AbortSignal) => Promise<AuthMetadata | null>): (signal?: AbortSignal) => Promise<AuthMetadata | null> {
  let kept: Promise<AuthMetadata | null> | undefined;
  return (signal) =>
    (kept ??= discover(signal)).catch((err: unknown) => {
      kept = undefined;
      if (err instanceof ThreepidNetworkError && err.reason === 'aborted') throw err;
      return null;
    });
}
