import { hasHiddenCharacters } from '../flow/hiddenCharacters';
import type { ValidationSession } from '../flow/types';
import { isValidClientSecret } from '../protocol/clientSecret';
import { isObject } from '../protocol/parseResponse';
import { MAX_WAIT_MS } from '../protocol/retryAfter';
import { isSafeSubmitUrl } from '../protocol/urlSafety';

// ISO 3166-1 alpha-2 in upper case, without the user-assigned codes (AA, QM–QZ, XA–XZ, ZZ) no country has.
const COUNTRY = /^(?!AA|Q[M-Z]|X|ZZ)[A-Z]{2}$/;

const text = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value !== '' && value.length <= max && !hasHiddenCharacters(value);

// NaN, strings and infinities fail both comparisons.
const between = (value: unknown, from: number, to: number): value is number => typeof value === 'number' && value >= from && value <= to;

/**
 * The saved session, rebuilt from only the fields the kit saves, when every one is what the kit itself would have
 * written: storage is untrusted input. Of this medium (either, when `medium` is undefined: a reset can switch), started
 * within `lifetimeMs` and not in the future, a cooldown of at most a day, and a submit_url that passes the arrival
 * rules (the homeserver's own scheme is checked again when the code is sent).
 */
export function trustedSession(saved: unknown, medium: string | undefined, lifetimeMs: number, now = Date.now()): ValidationSession | undefined {
  if (!isObject(saved)) return undefined;
  const { address, country, phoneNumber, clientSecret, sid, sendAttempt, submitUrl, cooldownUntil, lastRequestFailed, startedAt } = saved;
  const phone = saved.medium === 'msisdn';
  const valid =
    (medium ? saved.medium === medium : phone || saved.medium === 'email') &&
    text(address, 320) &&
    isValidClientSecret(clientSecret) &&
    text(sid, 255) &&
    Number.isSafeInteger(sendAttempt) &&
    (sendAttempt as number) > 0 &&
    between(startedAt, now - lifetimeMs + 1, now) &&
    (cooldownUntil === undefined || between(cooldownUntil, 0, now + MAX_WAIT_MS)) &&
    (submitUrl === undefined || (typeof submitUrl === 'string' && isSafeSubmitUrl(submitUrl, submitUrl))) &&
    (lastRequestFailed === undefined || typeof lastRequestFailed === 'boolean') &&
    (phone
      ? typeof country === 'string' && COUNTRY.test(country) && typeof phoneNumber === 'string' && /^\d{1,20}$/.test(phoneNumber)
      : country === undefined && phoneNumber === undefined);
  if (!valid) return undefined;
  return { medium: phone ? 'msisdn' : 'email', address, country, phoneNumber, clientSecret, sid, sendAttempt, submitUrl, cooldownUntil, lastRequestFailed, startedAt } as ValidationSession;
}
