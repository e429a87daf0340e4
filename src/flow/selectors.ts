import type { FlowState } from './types';

/** True while a request is on the wire for this flow (a silent poll does not count). */
export function isBusy(state: FlowState): boolean {
  return (
    state.step === 'requesting' ||
    state.step === 'submittingCode' ||
    (state.step === 'completing' && state.trigger !== 'poll') ||
    state.step === 'checking'
  );
}

/** When resend becomes possible (epoch ms), or undefined when it already is or never will be. */
export function resendAvailableAt(state: FlowState, now: number): number | undefined {
  const until = state.session?.cooldownUntil;
  // Stryker disable next-line ConditionalExpression: `undefined > now` is false anyway; the check is for the type
  return until !== undefined && until > now ? until : undefined;
}

/** True when the person may ask for another email/SMS right now. */
export function canResend(state: FlowState, now: number): boolean {
  const waiting = state.step === 'awaitingCode' || state.step === 'awaitingLink';
  // Stryker disable next-line OptionalChaining: the waiting steps always hold a session; `?.` is for the type
  return waiting && state.session?.sid !== undefined && resendAvailableAt(state, now) === undefined;
}

/** True when the flow is waiting for the person to follow a link or type a code. */
export function isAwaiting(state: FlowState): boolean {
  return state.step === 'awaitingCode' || state.step === 'awaitingLink';
}

/** True when the flow waits for the person to confirm it's them: on the auth step, or on the link screen while waiting. */
export function isAskingAuth(state: FlowState): boolean {
  // The machine sets `earlyAuth` and `uia` together on the link screen (AUTH.EARLY) and clears them together, so
  // dropping either check changes nothing a flow can reach.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above
  const early = !!state.earlyAuth && !!state.uia;
  return state.step === 'authenticating' || (state.step === 'awaitingLink' && early);
}
