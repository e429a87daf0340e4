const SECRET_KEYS: ReadonlySet<string> = new Set([
  'client_secret',
  'token',
  'password',
  'new_password',
  'access_token',
]);

/** Placeholder that replaces a secret in the request log. */
export const REDACTED = '[redacted]';

/** A deep copy of a request body with every secret-bearing field replaced by `[redacted]`. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = SECRET_KEYS.has(key) ? REDACTED : redactSecrets(field);
  }
  return out;
}
