import { matrixError, type Reply } from './reply';

/** A JSON object body. */
export type JsonObject = Record<string, unknown>;

/** Thrown by a route to answer with `reply` right away (bad body, missing token…). */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super('reply');
  }
}

/** Stops the route and answers with `reply`. */
export function fail(reply: Reply): never {
  throw new ReplyError(reply);
}

/** True for a plain JSON object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a request body that must be a JSON object, failing like Synapse (M_NOT_JSON, M_BAD_JSON). */
export function parseJsonObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(matrixError(400, 'M_NOT_JSON', 'Content not JSON.'));
  }
  if (!isJsonObject(value)) fail(matrixError(400, 'M_BAD_JSON', 'Content must be a JSON object.'));
  return value;
}

/** A required string field. */
export function requireString(body: JsonObject, key: string): string {
  const value = body[key];
  if (value === undefined) fail(matrixError(400, 'M_MISSING_PARAM', `Missing params: ['${key}']`));
  if (typeof value !== 'string') fail(matrixError(400, 'M_BAD_JSON', `'${key}' must be a string`));
  return value;
}

/** An optional string field. */
export function optionalString(body: JsonObject, key: string): string | undefined {
  return body[key] === undefined ? undefined : requireString(body, key);
}

/** A required integer field. */
export function requireInteger(body: JsonObject, key: string): number {
  const value = body[key];
  if (value === undefined) fail(matrixError(400, 'M_MISSING_PARAM', `Missing params: ['${key}']`));
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    fail(matrixError(400, 'M_BAD_JSON', `'${key}' must be an integer`));
  }
  return value;
}

/** An optional boolean field. */
export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(matrixError(400, 'M_BAD_JSON', `'${key}' must be a boolean`));
  return value;
}

const CLIENT_SECRET = /^[0-9a-zA-Z.=_-]{1,255}$/;

/** A required client_secret, checked against the spec's alphabet and length. */
export function requireClientSecret(body: JsonObject, key = 'client_secret'): string {
  const value = requireString(body, key);
  if (!CLIENT_SECRET.test(value)) fail(matrixError(400, 'M_INVALID_PARAM', 'Invalid client_secret parameter'));
  return value;
}
