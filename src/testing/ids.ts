const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pick(length: number, alphabet: string): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const bytes = new Uint8Array(length * 2);
    globalThis.crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte < limit && out.length < length) out += alphabet.charAt(byte % alphabet.length);
    }
  }
  return out;
}

/** A random string of letters and digits (sids, tokens, UIA sessions). */
export function randomString(length: number): string {
  return pick(length, ALNUM);
}

/** A random numeric code, as texted or mailed for submit_url flows. */
export function randomDigits(length: number): string {
  return pick(length, '0123456789');
}

/** A random device ID in Synapse's style (upper-case letters). */
export function randomDeviceId(): string {
  return pick(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
}
