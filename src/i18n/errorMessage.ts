import type { FlowError, FlowErrorKind } from '../flow/types';
import type { MessageKey, MessageValues } from './en';
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
  hiddenCharacters: 'errors.hiddenCharacters',
  authLoop: 'errors.authLoop',
  misconfigured: 'errors.misconfigured',
  userLocked: 'errors.userLocked',
  userSuspended: 'errors.userSuspended',
  userLimitExceeded: 'errors.userLimitExceeded',
  offline: 'errors.offline',
  timeout: 'errors.timeout',
  server: 'errors.server',
  unknown: 'errors.unknown',
};

// 1 to 200 characters, none of them braces/brackets/angle brackets (JSON, HTML or a template) or control characters
// (a dump, or more than one line).
const plainText = /^[^{}<>[\]\u0000-\u001f\u007f]{1,200}$/;

/**
 * True when the server's own text can be shown to a person: a short, single-line, plain sentence.
 * Anything that looks like markup, JSON or a stack trace is refused.
 */
export function isPlainServerText(text: string | undefined): text is string {
  return text !== undefined && plainText.test(text.trim());
}

/**
 * The sentence to show a person for a flow error. Always the kit's own words; the server's text is added only
 * to explain a weak password or an otherwise unknown failure, and only when it is short plain text.
 */
export function errorMessage({ kind, serverMessage, retryAfterMs }: FlowError, t: Translate): string {
  let key = `errors.${kind}`;
  let values: MessageValues | undefined;
  if (kind === 'rateLimited') {
    const seconds = Math.ceil((retryAfterMs ?? 0) / 1000);
    // No wait, or a wait of "1 seconds"/"0 seconds", reads badly in English: a vague wait is fine then.
    if (!(seconds > 1 && seconds < Infinity)) key += 'Unknown';
    else {
      const minutes = Math.ceil(seconds / 60);
      values = { seconds, minutes, hours: Math.ceil(minutes / 60) };
      // "300 seconds" reads worse than "5 minutes", and "1440 minutes" worse than "24 hours".
      if (seconds > 90) key += minutes > 90 ? 'Hours' : 'Minutes';
    }
  } else if ((kind === 'weakPassword' || kind === 'unknown') && isPlainServerText(serverMessage)) {
    key += 'Reason';
    // First-strong isolates (U+2068 … U+2069) keep the server's words in their own direction inside a translated
    // sentence: English quoted in Arabic otherwise comes out scrambled.
    values = { reason: `\u2068${serverMessage.trim()}\u2069` };
  }
  const text = t(key as MessageKey, values);
  // A kind this version has no words for (e.g. from old saved state) comes back as its key: say it generically.
  return text === key ? t('errors.unknown') : text;
}
