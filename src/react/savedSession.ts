import { hasHiddenCharacters } from '../flow/hiddenCharacters';
import type { ValidationSession } from '../flow/types';
import { isValidClientSecret } from '../protocol/clientSecret';
import { MAX_WAIT_MS } from '../protocol/retryAfter';
import { isSafeSubmitUrl } from '../protocol/urlSafety';

// ISO 3166-1 alpha-2 in upper case, without the user-assigned codes (AA, QM–QZ, XA–XZ, ZZ) no country has.
const COUNTRY = /^(?!AA|Q[M-Z]|X|ZZ)[A-Z]{2}$/;

const plain = (value: unknown): value is string => typeof value === 'string' && value !== '' && !hasHiddenCharacters(value);

// NaN and non-numbers fail the comparison.
const upTo = (value: unknown, max: number): value is number => typeof value === 'number' && value <= max;

/**
 * The saved session, rebuilt from only the fields the kit saves, when each is what the kit itself would have written:
 * storage is untrusted input. Of this medium (either, when `medium` is undefined: a reset can switch), started within
 * `lifetimeMs` and not in the future, a cooldown of at most a day, and a submit_url that passes the arrival rules
 * (the homeserver's own scheme is checked again when the code is sent).
 */
export function trustedSession(saved: unknown, medium: string | undefined, lifetimeMs: number, now = Date.now()): ValidationSession | undefined {
  const { medium: savedMedium, address, country, phoneNumber, clientSecret, sid, sendAttempt, submitUrl, cooldownUntil, startedAt } =
    (saved ?? {}) as Record<keyof ValidationSession, unknown>;
  const phone = savedMedium === 'msisdn';
  if (
    (medium ? savedMedium === medium : phone || savedMedium === 'email') &&
    plain(address) &&
    // The spec gives a sid the client_secret's grammar: 1–255 of [0-9a-zA-Z.=_-].
    isValidClientSecret(sid) &&
    isValidClientSecret(clientSecret) &&
    Number.isSafeInteger(sendAttempt) &&
    (sendAttempt as number) > 0 &&
    upTo(startedAt, now) &&
    startedAt > now - lifetimeMs &&
    (cooldownUntil === undefined || upTo(cooldownUntil, now + MAX_WAIT_MS)) &&
    (submitUrl === undefined || (typeof submitUrl === 'string' && isSafeSubmitUrl(submitUrl, submitUrl))) &&
    (phone ? typeof country === 'string' && COUNTRY.test(country) && typeof phoneNumber === 'string' && /^\d{1,20}$/.test(phoneNumber) : country === phoneNumber)
  ) {
    // Stryker disable next-line BooleanLiteral: false and undefined read the same everywhere the flag is read.
    const lastRequestFailed = (saved as { lastRequestFailed?: unknown }).lastRequestFailed === true || undefined;
    return { medium: savedMedium, address, country, phoneNumber, clientSecret, sid, sendAttempt, submitUrl, cooldownUntil, startedAt, lastRequestFailed } as ValidationSession;
  }
  return undefined;
}
