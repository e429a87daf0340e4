// A host's own sign-up form as the registration stage sees it: its /register call, made with plain fetch.
import { postRegister } from '../../demo/SignUpForm';
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

/** A host on the fake's `/register`, through the demo form's own call (JSON answer, or throws `{ status, body }`). */
export function hostSignUp(hs: FakeHomeserver, baseUrl = hs.baseUrl): HostSignUp {
  const auths: RegistrationAuthDict[] = [];
  const post = (body: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> => postRegister({ homeserver: baseUrl, fetch: hs.fetch }, body, signal);
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
