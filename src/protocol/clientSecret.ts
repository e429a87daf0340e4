const SECRET_RE = /^[0-9a-zA-Z.=_-]{1,255}$/;

/**
 * A fresh client_secret: 32 characters (192 bits) from `crypto.getRandomValues`. Keep it for the whole flow.
 * 24 random bytes in base64 are 32 symbols of 6 bits each, without padding; `+` and `/` become `.` and `_`, which the
 * spec alphabet `[0-9a-zA-Z.=_-]` allows.
 */
export function generateClientSecret(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24)))).replace(/\+/g, '.').replace(/\//g, '_');
}

/** True when `s` is a client_secret the spec allows: 1–255 characters of `[0-9a-zA-Z.=_-]`. */
export function isValidClientSecret(s: unknown): s is string {
  return typeof s === 'string' && SECRET_RE.test(s);
}
