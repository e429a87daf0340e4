// Request helpers for the common steps, so each test reads as the scenario it checks.
import type { Answer, Harness } from './harness';

/** POST requestToken for an email address. */
export function requestEmailToken(
  h: Harness,
  purpose: 'account/3pid' | 'account/password' | 'register',
  email: string,
  clientSecret: string,
  sendAttempt = 1,
  extra: Record<string, unknown> = {},
): Promise<Answer> {
  return h.post(`/${purpose}/email/requestToken`, { client_secret: clientSecret, email, send_attempt: sendAttempt, ...extra });
}

/** POST requestToken for a phone number. */
export function requestPhoneToken(
  h: Harness,
  purpose: 'account/3pid' | 'account/password' | 'register',
  country: string,
  phoneNumber: string,
  clientSecret: string,
  sendAttempt = 1,
): Promise<Answer> {
  return h.post(`/${purpose}/msisdn/requestToken`, {
    client_secret: clientSecret,
    country,
    phone_number: phoneNumber,
    send_attempt: sendAttempt,
  });
}

/** The password UIA dictionary for a user. */
export function passwordAuth(user: string, password: string, session?: string): Record<string, unknown> {
  return { type: 'm.login.password', identifier: { type: 'm.id.user', user }, password, ...(session && { session }) };
}

/** The email identity UIA dictionary of a reset. */
export function emailIdentityAuth(sid: string, clientSecret: string, session?: string): Record<string, unknown> {
  return { type: 'm.login.email.identity', threepid_creds: { sid, client_secret: clientSecret }, ...(session && { session }) };
}

/** The value of a string field of an answer (fails loudly when absent). */
export function field(answer: Answer, name: string): string {
  const value = answer.json[name];
  if (typeof value !== 'string') throw new Error(`Answer has no string "${name}": ${answer.text}`);
  return value;
}
