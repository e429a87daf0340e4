export { transition, createInitialState, DEFAULT_RESEND_COOLDOWN_MS } from './machine';
export { toFlowError, type FailedCall } from './errors';
export { canResend, resendAvailableAt, isBusy, isAwaiting } from './selectors';
export type * from './types';
