// Spec conformance for tests: validates what the client sends and what mocks answer against the Matrix
// OpenAPI subset in test/fixtures/matrix-spec (override with MATRIX_SPEC_OPENAPI), plus the prose rules the
// schema leaves out. Schemas compile lazily so a test file pays only for the endpoints it touches.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';

const repoRoot = resolve(import.meta.dirname, '../..');
const specPath = resolveSpecPath(process.env.MATRIX_SPEC_OPENAPI);

function resolveSpecPath(fromEnv: string | undefined): string {
  if (fromEnv && fromEnv.length > 0) return isAbsolute(fromEnv) ? fromEnv : resolve(repoRoot, fromEnv);
  return resolve(repoRoot, 'test/fixtures/matrix-spec/threepid-openapi-v1.16.json');
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function loadSpec(): { paths: Json } | string {
  if (!existsSync(specPath)) return `Matrix OpenAPI spec not found at ${specPath} (set MATRIX_SPEC_OPENAPI)`;
  try {
    const doc: unknown = JSON.parse(readFileSync(specPath, 'utf8'));
    if (!isObject(doc) || !isObject(doc.paths)) return `Matrix OpenAPI spec at ${specPath} has no "paths"`;
    return { paths: doc.paths };
  } catch (err) {
    return `Matrix OpenAPI spec at ${specPath} could not be read: ${String(err)}`;
  }
}

const loaded = loadSpec();

/** Why spec conformance tests are skipped; undefined when the spec file was found and loaded. */
export const specSkipReason: string | undefined = typeof loaded === 'string' ? loaded : undefined;

let ajv: Ajv2020 | undefined;
function getAjv(): Ajv2020 {
  if (ajv) return ajv;
  // OpenAPI adds keywords such as `example` that JSON Schema does not know: not strict.
  const created = new Ajv2020({ strict: false, allErrors: true, logger: false });
  created.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  created.addFormat('uri', (s: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s) && URL.canParse(s));
  created.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv = created;
  return created;
}

const compiled = new Map<string, ValidateFunction | null>();

function compile(key: string, schema: unknown): ValidateFunction | null {
  const hit = compiled.get(key);
  if (hit !== undefined) return hit;
  const fn = isObject(schema) ? getAjv().compile(schema) : null;
  compiled.set(key, fn);
  return fn;
}

/** Maps a URL the client used onto the spec's path key: any prefix ending in client/v3, or a submit_url. */
function specPathFor(url: string): string | undefined {
  const path = new URL(url, 'http://spec.invalid').pathname;
  if (/\/submit_?token$/i.test(path)) {
    return `/_matrix/identity/v2/validate/${path.includes('msisdn') ? 'msisdn' : 'email'}/submitToken`;
  }
  const m = /\/client\/(v\d+)\/(.+)$/.exec(path);
  if (m) return `/_matrix/client/${m[1]}/${m[2]}`;
  return path.startsWith('/_matrix/') ? path : undefined;
}

function operation(method: string, url: string): { key: string; op: Json } | undefined {
  if (typeof loaded === 'string') return undefined;
  const path = specPathFor(url);
  if (!path) return undefined;
  const item = loaded.paths[path];
  if (!isObject(item)) return undefined;
  const op = item[method.toLowerCase()];
  return isObject(op) ? { key: `${method.toUpperCase()} ${path}`, op } : undefined;
}

function jsonSchemaOf(container: unknown): unknown {
  if (!isObject(container) || !isObject(container.content)) return undefined;
  const media = container.content['application/json'];
  return isObject(media) ? media.schema : undefined;
}

function ajvErrors(fn: ValidateFunction | null, body: unknown, where: string): string[] {
  if (!fn || fn(body)) return [];
  return (fn.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

const OPAQUE_ID = /^[0-9a-zA-Z.=_-]{1,255}$/;

/** Rules stated in the spec's prose only: client_secret and sid alphabet/length, upper-case country code. */
function proseRules(body: unknown, where: string): string[] {
  if (!isObject(body)) return [];
  const out: string[] = [];
  for (const field of ['client_secret', 'sid'] as const) {
    const v = body[field];
    if (v !== undefined && (typeof v !== 'string' || !OPAQUE_ID.test(v))) {
      out.push(`${where}: ${field} must be 1-255 characters of [0-9a-zA-Z.=_-]`);
    }
  }
  const creds = isObject(body.auth) ? body.auth.threepid_creds : undefined;
  if (creds !== undefined) out.push(...proseRules(creds, `${where} auth.threepid_creds`));
  if (body.country !== undefined && (typeof body.country !== 'string' || !/^[A-Z]{2}$/.test(body.country))) {
    out.push(`${where}: country must be an upper-case ISO-3166-1 alpha-2 code`);
  }
  return out;
}

/** The spec's common error shape, used for error statuses an endpoint does not list (servers send them anyway). */
const MATRIX_ERROR_SCHEMA = {
  type: 'object',
  required: ['errcode'],
  properties: { errcode: { type: 'string' }, error: { type: 'string' } },
};

/** True when the loaded spec describes this method and URL (always false when the spec is missing). */
export function specCovers(method: string, url: string): boolean {
  return operation(method, url) !== undefined;
}

/** Violations of the spec by a request body; [] when it conforms or the endpoint is not in the spec. */
export function validateRequest(method: string, url: string, body: unknown): string[] {
  const where = `${method.toUpperCase()} ${url} request`;
  const found = operation(method, url);
  if (!found) return proseRules(body, where);
  const schema = jsonSchemaOf(found.op.requestBody);
  return [...ajvErrors(compile(`${found.key} request`, schema), body, where), ...proseRules(body, where)];
}

/** Violations of the spec by a response body for a status; [] when it conforms or the endpoint is not in the spec. */
export function validateResponse(method: string, url: string, status: number, body: unknown): string[] {
  const where = `${method.toUpperCase()} ${url} ${status} response`;
  const found = operation(method, url);
  if (!found) return proseRules(body, where);
  const responses = isObject(found.op.responses) ? found.op.responses : {};
  const listed = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default;
  let errors: string[];
  const generic = (): string[] => ajvErrors(compile('matrix error', MATRIX_ERROR_SCHEMA), body, where);
  if (listed !== undefined) {
    errors = ajvErrors(compile(`${found.key} ${status}`, jsonSchemaOf(listed)), body, where);
    // Any endpoint may answer with the common error shape (missing token, rate limit…); a UIA body must match fully.
    if (errors.length > 0 && status >= 400 && !(isObject(body) && 'flows' in body) && generic().length === 0) {
      errors = [];
    }
  } else if (status >= 400) {
    errors = generic();
  } else {
    errors = [`${where}: status ${status} is not documented for this endpoint`];
  }
  return [...errors, ...proseRules(body, where)];
}
