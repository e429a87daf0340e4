import type { FlowState } from '../flow/types';

/** The screen a flow shows: several machine steps share one screen (e.g. a resend in flight keeps the link screen). */
export type FlowView = 'checking' | 'unavailable' | 'address' | 'password' | 'link' | 'code' | 'auth' | 'done';

/** The message-key prefix of a flow: `addEmail`, `addPhone` or `reset`. */
export function flowKey(state: FlowState): 'addEmail' | 'addPhone' | 'reset' {
  if (state.config.purpose === 'reset') return 'reset';
  return state.config.medium === 'email' ? 'addEmail' : 'addPhone';
}

/** Which screen to show for a state. */
export function viewOf(state: FlowState): FlowView {
  switch (state.step) {
    case 'checking':
      return 'checking';
    case 'unavailable':
      return 'unavailable';
    case 'enterAddress':
      return 'address';
    case 'choosePassword':
      return 'password';
    case 'requesting':
      if (state.returnTo === 'awaitingLink') return 'link';
      if (state.returnTo === 'awaitingCode') return 'code';
      return state.returnTo === 'choosePassword' ? 'password' : 'address';
    case 'awaitingCode':
    case 'submittingCode':
      return 'code';
    case 'awaitingLink':
      return 'link';
    case 'completing':
      if (state.uia) return 'auth';
      if (state.config.purpose === 'reset' && state.config.passwordStep === 'after-link') return 'password';
      return state.returnTo === 'awaitingCode' ? 'code' : 'link';
    case 'authenticating':
      return 'auth';
    case 'done':
      return 'done';
  }
}
