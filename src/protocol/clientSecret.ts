// 64 symbols from the spec alphabet `[0-9a-zA-Z.=_-]`: a byte masked to 6 bits picks one without bias.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._';
const SECRET_RE = /^[0-9a-zA-Z.=_-]{1,255}$/;

/** A fresh client_secret: 32 characters (192 bits) from `crypto.getRandomValues`. Keep it for the whole flow. */
export function generateClientSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let out = '';
  for (const b of bytes) out += ALPHABET.charAt(b & 63);
  return out;
}

/** True when `s` is a client_secret the spec allows: 1–255 characters of `[0-9a-zA-Z.=_-]`. */
export function isValidClientSecret(s: unknown): s is string {
  return typeof s === 'string' && SECRET_RE.test(s);
}
