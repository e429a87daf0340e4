// A host's own sign-up form as the registration stage sees it: its /register call, made with plain fetch.
import type { RegistrationAuthDict, SubmitRegistrationAuth } from '../../src/react';
import type { FakeHomeserver } from '../../src/testing';

/** The account the test host signs up. */
export const NEWCOMER = { username: 'newcomer', password: 'a long new password', email: 'newcomer@example.org' };

/** A host that drives UIA itself: starts `/register`, then sends each stage's `auth` with the same call. */
export interface HostSignUp {
  /** The first `/register` (username and password, no auth): resolves with the UIA session. */
  start(): Promise<string>;
  /** What the host passes as the stage's `submitAuth`. */
  submitAuth: SubmitRegistrationAuth;
  /** Every `auth` the stage handed over. */
  auths: RegistrationAuthDict[];
}

/** `POST /register` on the fake, answering the JSON body or throwing `{ status, body }` like a host's own fetch helper. */
export function hostSignUp(hs: FakeHomeserver, baseUrl = hs.baseUrl): HostSignUp {
  const auths: RegistrationAuthDict[] = [];
  const post = async (body: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> => {
    const res = await hs.fetch(`${baseUrl}/_matrix/client/v3/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    // A proxy's HTML page has no JSON: the status alone then says what happened.
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw Object.assign(new Error(`register answered ${res.status}`), { status: res.status, body: json });
    return json;
  };
  return {
    auths,
    async start() {
      const first = await post({ username: NEWCOMER.username, password: NEWCOMER.password }).catch((error: { body?: { session?: string } }) => error.body);
      const session = (first as { session?: unknown } | undefined)?.session;
      if (typeof session !== 'string') throw new Error('the fake did not start a UIA session');
      return session;
    },
    submitAuth(auth, signal) {
      auths.push(auth);
      return post({ auth }, signal);
    },
  };
}
