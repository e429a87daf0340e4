import { describe, expect, it } from 'vitest';
import type { FlowError, FlowErrorKind } from '../../src/flow/types';
import { en } from '../../src/i18n/en';
import { errorMessage, errorMessageKeys, isPlainServerText } from '../../src/i18n/errorMessage';
import { createTranslator } from '../../src/i18n/translator';

const t = createTranslator();
const allKinds = Object.keys(errorMessageKeys) as FlowErrorKind[];

describe('errorMessage', () => {
  it('should cover every FlowErrorKind', () => {
    // A Record<FlowErrorKind, …> makes the compiler check the list; this checks the count matches the union.
    const kinds: Record<FlowErrorKind, true> = {
      threepidInUse: true, threepidNotFound: true, threepidDenied: true, mediumNotSupported: true,
      invalidAddress: true, serverNotTrusted: true, rateLimited: true, notYetValidated: true, invalidCode: true,
      sessionExpired: true, wrongPassword: true, weakPassword: true, notOffered: true, forbidden: true,
      loggedOut: true, authCancelled: true, popupBlocked: true, invalidSubmitUrl: true, hiddenCharacters: true,
      authLoop: true, misconfigured: true, offline: true,
      timeout: true, server: true, unknown: true, userLocked: true, userSuspended: true, userLimitExceeded: true,
    };
    expect(allKinds.sort()).toEqual(Object.keys(kinds).sort());
  });

  it('should give every kind its own non-empty message', () => {
    const texts = allKinds.map((kind) => errorMessage({ kind }, t));
    expect(texts.every((text) => text.trim().length > 0)).toBe(true);
    expect(new Set(texts).size).toBe(allKinds.length);
  });

  it('should say how long to wait, rounded up to whole seconds', () => {
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 29_001 }, t)).toBe('Too many attempts. Try again in 30 seconds.');
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 90_000 }, t)).toBe('Too many attempts. Try again in 90 seconds.');
  });

  it('should say long waits in minutes, rounded up', () => {
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 300_000 }, t)).toBe('Too many attempts. Try again in 5 minutes.');
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 90_001 }, t)).toBe('Too many attempts. Try again in 2 minutes.');
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 5_400_000 }, t)).toBe('Too many attempts. Try again in 90 minutes.');
  });

  it('should say waits beyond 90 minutes in hours, rounded up', () => {
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 5_400_001 }, t)).toBe('Too many attempts. Try again in 2 hours.');
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 86_400_000 }, t)).toBe('Too many attempts. Try again in 24 hours.');
  });

  it('should use a generic wait when the server gave none, or almost none', () => {
    expect(errorMessage({ kind: 'rateLimited' }, t)).toBe(en['errors.rateLimitedUnknown']);
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 800 }, t)).toBe(en['errors.rateLimitedUnknown']);
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: Number.NaN }, t)).toBe(en['errors.rateLimitedUnknown']);
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: Number.POSITIVE_INFINITY }, t)).toBe(en['errors.rateLimitedUnknown']);
  });

  it("should let a translation use minutes or seconds as it likes", () => {
    const fr = createTranslator({ 'errors.rateLimited': 'Réessayez dans {seconds} s ({minutes} min).' });
    expect(errorMessage({ kind: 'rateLimited', retryAfterMs: 61_000 }, fr)).toBe('Réessayez dans 61 s (2 min).');
  });

  it("should add the server's short plain explanation of a weak password", () => {
    const error: FlowError = { kind: 'weakPassword', errcode: 'M_PASSWORD_TOO_SHORT', serverMessage: 'Password too short' };
    expect(errorMessage(error, t)).toBe("This password isn't strong enough. Your server says: “\u2068Password too short\u2069”");
  });

  it("should keep the server's words in their own direction inside a right-to-left sentence", () => {
    const ar = createTranslator({ 'errors.unknownReason': 'حدث خطأ. يقول خادمك: «{reason}»' });
    // Without the isolates (U+2068 … U+2069) the English words and the full stop are reordered by the Arabic around them.
    expect(errorMessage({ kind: 'unknown', serverMessage: 'Adding is paused.' }, ar)).toBe('حدث خطأ. يقول خادمك: «\u2068Adding is paused.\u2069»');
  });

  it("should show the server's text for an unknown failure only when it is short plain text", () => {
    const plain: FlowError = { kind: 'unknown', errcode: 'M_UNKNOWN', serverMessage: ' Adding is paused for maintenance. ' };
    expect(errorMessage(plain, t)).toBe('Something went wrong. Your server says: “\u2068Adding is paused for maintenance.\u2069”');
    const refused = ['{"errcode":"M_UNKNOWN"}', '<html><body>Bad gateway</body></html>', 'x'.repeat(201), 'line one\nline two', '[object Object]', '   '];
    for (const serverMessage of refused) {
      expect(errorMessage({ kind: 'unknown', serverMessage }, t)).toBe(en['errors.unknown']);
    }
  });

  it("should never show the server's text for a kind the kit has words for", () => {
    const serverMessage = 'Internal detail from the server';
    for (const kind of allKinds.filter((k) => k !== 'unknown' && k !== 'weakPassword')) {
      expect(errorMessage({ kind, serverMessage }, t)).not.toContain(serverMessage);
      expect(errorMessage({ kind, serverMessage }, t)).toBe(errorMessage({ kind }, t));
    }
  });

  it("should list each kind's message key for translators as errors.<kind>, each one in the English table", () => {
    for (const kind of allKinds) {
      const key = errorMessageKeys[kind];
      expect(key).toBe(`errors.${kind}`);
      expect(en[key]).toBeTruthy();
    }
  });

  it('should use the host translation for errors', () => {
    const de = createTranslator({ 'errors.offline': 'Server nicht erreichbar.' });
    expect(errorMessage({ kind: 'offline' }, de)).toBe('Server nicht erreichbar.');
  });

  it('should fall back to the generic message for a kind it does not know (e.g. from old saved state)', () => {
    expect(errorMessage({ kind: 'somethingNew' } as unknown as FlowError, t)).toBe(en['errors.unknown']);
  });

  it('should never promise that an account exists when the address was not found', () => {
    expect(errorMessage({ kind: 'threepidNotFound' }, t)).not.toMatch(/we sent/i);
  });
});

describe('isPlainServerText', () => {
  it('should accept a sentence of 200 characters and refuse 201', () => {
    expect(isPlainServerText('a'.repeat(200))).toBe(true);
    expect(isPlainServerText('a'.repeat(201))).toBe(false);
  });

  it('should refuse nothing, blanks, braces and angle brackets', () => {
    expect(isPlainServerText(undefined)).toBe(false);
    expect(isPlainServerText('')).toBe(false);
    expect(isPlainServerText('Use {this}')).toBe(false);
    expect(isPlainServerText('a < b')).toBe(false);
  });
});
