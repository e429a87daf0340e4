import { transition, transitionWith } from '../flow/machine';
import type { FlowState, ValidationSession } from '../flow/types';
import type { AuthDict, ThreepidClient } from '../protocol/types';
import type { Transition } from './flowStore';

/**
 * What differs between purposes under the shared hook: the machine and the last request. A flow component passes
 * its own purpose's engine, so a bundler leaves the others' steps and requests out of it.
 */
export interface FlowEngine {
  transition: Transition;
  /** The last request of every flow: adds the address, or sets the new password. */
  complete(client: ThreepidClient, state: FlowState, session: ValidationSession & { sid: string }, auth: AuthDict | undefined, signal: AbortSignal): Promise<unknown>;
}

const addAddress: FlowEngine['complete'] = (client, _state, { sid, clientSecret }, auth, signal) => client.addThreepid({ sid, clientSecret }, auth, signal);

// Reset and sign-up prove the address inside the UIA of the password change (sign-up's client answers it there).
const setPassword: FlowEngine['complete'] = (client, state, { sid, clientSecret, uiaSession, medium }, _auth, signal) =>
  client.changePassword(
    {
      newPassword: state.newPassword,
      logoutDevices: state.logoutDevices,
      auth: {
        type: medium === 'email' ? 'm.login.email.identity' : 'm.login.msisdn',
        threepid_creds: { sid, client_secret: clientSecret },
        ...(uiaSession ? { session: uiaSession } : {}),
      },
    },
    signal,
  );

/** Every purpose (the public hooks, where purpose is a runtime option). */
export const everyPurpose: FlowEngine = {
  transition,
  complete: (client, state, ...rest) => (state.config.purpose === 'add' ? addAddress : setPassword)(client, state, ...rest),
};

/** Adding an address: no password step, no medium switch. */
export const addEngine: FlowEngine = { transition: (state, event) => transitionWith(state, event), complete: addAddress };

/** Resetting a password. */
export const resetEngine: FlowEngine = { transition, complete: setPassword };
