import type { FlowError, FlowErrorKind } from '../flow/types';
import type { Translate } from './translator';

/**
 * The message for each kind of failure, always `errors.<kind>`: `errorMessage` builds the key from the kind, so this
 * table only lists them (for translators and tests) and stays out of bundles. Rate limits and server-explained kinds
 * are refined in `errorMessage`.
 */
export const errorMessageKeys: { readonly [K in FlowErrorKind]: `errors.${K}` } = {
  threepidInUse: 'errors.threepidInUse',
  threepidNotFound: 'errors.threepidNotFound',
  threepidDenied: 'errors.threepidDenied',
  mediumNotSupported: 'errors.mediumNotSupported',
  invalidAddress: 'errors.invalidAddress',
  serverNotTrusted: 'errors.serverNotTrusted',
  rateLimited: 'errors.rateLimited',
  notYetValidated: 'errors.notYetValidated',
  invalidCode: 'errors.invalidCode',
  sessionExpired: 'errors.sessionExpired',
  wrongPassword: 'errors.wrongPassword',
  weakPassword: 'errors.weakPassword',
  notOffered: 'errors.notOffered',
  forbidden: 'errors.forbidden',
  loggedOut: 'errors.loggedOut',
  authCancelled: 'errors.authCancelled',
  popupBlocked: 'errors.popupBlocked',
  invalidSubmitUrl: 'errors.invalidSubmitUrl',
  offline: 'errors.offline',
  timeout: 'errors.timeout',
  server: 'errors.server',
  unknown: 'errors.unknown',
};

const maxServerText = 200;
// Braces/brackets/angle brackets suggest JSON, HTML or a template; control characters suggest a dump.
const notPlainText = /[{}<>[\]\u0000-\u001f\u007f]/;

/**
 * True when the server's own text can be shown to a person: a short, single-line, plain sentence.
 * Anything that looks like markup, JSON or a stack trace is refused.
 */
export function isPlainServerText(text: string | undefined): text is string {
  if (text === undefined) return false;
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= maxServerText && !notPlainText.test(trimmed);
}

/** Seconds longer than this are said in minutes: "300 seconds" reads worse than "5 minutes". */
const longestWaitInSeconds = 90;

function rateLimitMessage(retryAfterMs: number | undefined, t: Translate): string {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return t('errors.rateLimitedUnknown');
  const seconds = Math.ceil(retryAfterMs / 1000);
  // "1 seconds" and "0 seconds" read badly in English; a vague wait is fine that close to zero.
  if (seconds <= 1) return t('errors.rateLimitedUnknown');
  const minutes = Math.ceil(seconds / 60);
  return seconds > longestWaitInSeconds ? t('errors.rateLimitedMinutes', { seconds, minutes }) : t('errors.rateLimited', { seconds, minutes });
}

/**
 * The sentence to show a person for a flow error. Always the kit's own words; the server's text is added only
 * to explain a weak password or an otherwise unknown failure, and only when it is short plain text.
 */
export function errorMessage(error: FlowError, t: Translate): string {
  switch (error.kind) {
    case 'rateLimited':
      return rateLimitMessage(error.retryAfterMs, t);
    case 'weakPassword':
      return isPlainServerText(error.serverMessage)
        ? t('errors.weakPasswordReason', { reason: error.serverMessage.trim() })
        : t('errors.weakPassword');
    case 'unknown':
      return isPlainServerText(error.serverMessage)
        ? t('errors.unknownReason', { reason: error.serverMessage.trim() })
        : t('errors.unknown');
    default: {
      const key = `errors.${error.kind}` as const;
      const text = t(key);
      // A kind this version has no words for (e.g. from old saved state) comes back as its key: say it generically.
      return text === key ? t('errors.unknown') : text;
    }
  }
}
