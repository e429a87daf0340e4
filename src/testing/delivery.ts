import type { Medium, Purpose } from '../protocol/types';
import { randomDigits, randomString } from './ids';
import { emailLinkPath, submitTokenPath } from './paths';
import type { ValidationSession } from './sessions';
import type { ServerState } from './state';
import type { InboxMessage } from './types';

/** True when this medium is validated by typing a code at a submit_url rather than following a link. */
export function usesSubmitUrl(state: ServerState, medium: Medium): boolean {
  return medium === 'msisdn' || state.options.emailSubmitUrl;
}

/** The submit_url returned by requestToken for code-based flows. */
export function submitUrlFor(state: ServerState, purpose: Purpose, medium: Medium): string {
  return state.publicBase + submitTokenPath(state.paths, purpose, medium);
}

/** "Sends" the email or SMS of a session: a new token under the same sid (older tokens keep working). */
export function sendValidationMessage(
  state: ServerState,
  session: ValidationSession,
  purpose: Purpose,
  sendAttempt: number,
): void {
  const now = state.options.now();
  const withCode = usesSubmitUrl(state, session.medium);
  // Synapse mails a 32-character token in a link; SMS-style codes are 6 digits. Sydent texts the same code again on a
  // resend (PROTOCOL "How Synapse behaves").
  const sameCode = session.medium === 'msisdn' && state.options.tokenIncorrectStyle === 'synapse' ? session.tokens.at(-1)?.token : undefined;
  const token = sameCode ?? (withCode ? randomDigits(6) : randomString(32));
  session.tokens.push({ token, expiresAt: now + state.options.tokenLifetimeMs });
  session.lastSendAttempt = sendAttempt;
  const message: InboxMessage = { to: session.address, medium: session.medium, kind: purpose, token, sid: session.sid, sentAt: now };
  if (!withCode) {
    const query = new URLSearchParams({ token, client_secret: session.clientSecret, sid: session.sid });
    message.link = `${state.publicBase}${emailLinkPath(state.paths, purpose)}?${query.toString()}`;
  }
  state.inbox.deliver(message);
}
