import type { FlowConfig, FlowDraft, FlowEvent, FlowState, FlowStep, UnavailableReason, ValidationSession } from './types';

/** Default time before another email/SMS can be asked for. */
export const DEFAULT_RESEND_COOLDOWN_MS = 30_000;

/** The state a flow starts in. Add flows first check the server's capabilities. */
export function createInitialState(config: FlowConfig, draft?: Partial<FlowDraft>): FlowState {
  return {
    step: config.purpose === 'add' ? 'checking' : 'enterAddress',
    config,
    draft: { address: '', code: '', ...draft },
    logoutDevices: false,
    resendCount: 0,
  };
}

type Handler<T extends FlowEvent['type']> = (state: FlowState, event: Extract<FlowEvent, { type: T }>) => FlowState;
type StepHandlers = { [T in FlowEvent['type']]?: Handler<T> };

const awaitingStepFor = (session: ValidationSession): 'awaitingCode' | 'awaitingLink' =>
  session.submitUrl ? 'awaitingCode' : 'awaitingLink';

const isCoolingDown = (session: ValidationSession | undefined, now: number): boolean =>
  session?.cooldownUntil !== undefined && now < session.cooldownUntil;

/** Reset needs a new password before it can complete. */
const needsPassword = (state: FlowState): boolean => state.config.purpose === 'reset' && state.newPassword === undefined;

function startRequest(state: FlowState, from: NonNullable<FlowState['returnTo']>): FlowState {
  return { ...state, step: 'requesting', error: undefined, returnTo: from };
}

function startCompleting(state: FlowState, trigger: 'user' | 'poll', from: 'awaitingCode' | 'awaitingLink'): FlowState {
  return {
    ...state,
    step: 'completing',
    trigger,
    returnTo: from,
    // A poll leaves whatever is on screen; a click is a fresh attempt.
    error: trigger === 'user' ? undefined : state.error,
  };
}

function unavailableFor(kind: string): UnavailableReason | undefined {
  if (kind === 'mediumNotSupported') return 'mediumNotSupported';
  if (kind === 'notOffered') return 'notOffered';
  return undefined;
}

const resend: Handler<'RESEND'> = (state, event) => {
  const { session } = state;
  if (!session?.sid || isCoolingDown(session, event.now)) return state;
  const from = awaitingStepFor(session);
  // A retry after a failure reuses send_attempt: the server then sends at most one message.
  const sendAttempt = session.lastRequestFailed ? session.sendAttempt : session.sendAttempt + 1;
  return startRequest({ ...state, session: { ...session, sendAttempt } }, from);
};

const changeAddress: Handler<'ADDRESS.CHANGE'> = (state) => ({
  ...state,
  step: 'enterAddress',
  error: undefined,
  uia: undefined,
  draft: { ...state.draft, code: '' },
});

const dismissError: Handler<'ERROR.DISMISS'> = (state) => ({ ...state, error: undefined });

const submitAddress: Handler<'ADDRESS.SUBMIT'> = (state, event) => {
  const medium = state.config.medium;
  const previous = state.session;
  // A phone is its country and national number: the same digits dialled from another country are another number.
  const sameAddress =
    previous !== undefined &&
    previous.medium === medium &&
    previous.address === event.address &&
    previous.country === event.country &&
    previous.phoneNumber === event.phoneNumber;
  if (sameAddress && isCoolingDown(previous, event.now) && previous.lastRequestFailed) return state;
  const draft: FlowDraft = { ...state.draft, address: event.address, country: event.country, phoneNumber: event.phoneNumber };
  let session: ValidationSession;
  if (sameAddress) {
    // Same address: same client_secret; a new message only if the last request went through.
    // While cooling down, the same send_attempt: the server answers with the same sid and sends nothing new.
    const again = previous.lastRequestFailed || !previous.sid || isCoolingDown(previous, event.now);
    session = { ...previous, sendAttempt: again ? previous.sendAttempt : previous.sendAttempt + 1 };
  } else {
    session = { medium, address: event.address, clientSecret: event.clientSecret, sendAttempt: 1 };
    if (event.country !== undefined) session.country = event.country;
    if (event.phoneNumber !== undefined) session.phoneNumber = event.phoneNumber;
  }
  const next: FlowState = { ...state, draft, session, error: undefined, uia: undefined };
  if (state.config.purpose === 'reset' && state.config.passwordStep === 'before-link' && next.newPassword === undefined) {
    return { ...next, step: 'choosePassword' };
  }
  return startRequest(next, 'enterAddress');
};

const switchMedium: Handler<'MEDIUM.SWITCH'> = (state, event) => {
  if (event.medium === state.config.medium) return state;
  return {
    ...state,
    step: 'enterAddress',
    config: { ...state.config, medium: event.medium },
    draft: { address: '', code: '' },
    session: undefined,
    error: undefined,
    unavailable: undefined,
  };
};

const restore: Handler<'RESTORE'> = (state, event) => {
  const { session } = event;
  const draft: FlowDraft = { ...state.draft, address: session.address };
  if (session.country !== undefined) draft.country = session.country;
  if (session.phoneNumber !== undefined) draft.phoneNumber = session.phoneNumber;
  // The step follows from the session, whatever the saved copy claims: a code step needs a submit_url.
  return { ...state, step: awaitingStepFor(session), session, draft };
};

/** What RESET keeps of the draft: the address as typed (for a phone, with its country and national number). */
function typedAddress(draft: FlowDraft): Partial<FlowDraft> {
  const kept: Partial<FlowDraft> = { address: draft.address };
  if (draft.country !== undefined) kept.country = draft.country;
  if (draft.phoneNumber !== undefined) kept.phoneNumber = draft.phoneNumber;
  return kept;
}

const awaiting: StepHandlers = {
  RESEND: resend,
  'ADDRESS.CHANGE': changeAddress,
  'ERROR.DISMISS': dismissError,
};

const table: Record<FlowStep, StepHandlers> = {
  checking: {
    'CAPABILITIES.SUCCESS': (state, event) =>
      event.capabilities.threepidChanges
        ? { ...state, step: 'enterAddress', capabilities: event.capabilities }
        : { ...state, step: 'unavailable', unavailable: 'threepidChangesDisabled', capabilities: event.capabilities },
    // Capabilities are advisory: if they cannot be read, let the request itself tell.
    'CAPABILITIES.FAILURE': (state) => ({ ...state, step: 'enterAddress' }),
    RESTORE: restore,
  },
  unavailable: {
    // Only a refusal of this medium leaves the other one worth trying; disabled 3PID changes cover both.
    'MEDIUM.SWITCH': (state, event) =>
      state.unavailable === 'mediumNotSupported' || state.unavailable === 'notOffered' ? switchMedium(state, event) : state,
  },
  enterAddress: {
    'ADDRESS.SUBMIT': submitAddress,
    'MEDIUM.SWITCH': switchMedium,
    'ERROR.DISMISS': dismissError,
    RESTORE: restore,
  },
  choosePassword: {
    'PASSWORD.SUBMIT': (state, event) => {
      const next: FlowState = { ...state, newPassword: event.password, logoutDevices: event.logoutDevices, error: undefined };
      const session = next.session;
      // The token was already sent (after-link, or a resumed session): finish now.
      if (session?.sid) return startCompleting(next, 'user', awaitingStepFor(session));
      return startRequest(next, 'choosePassword');
    },
    'ADDRESS.CHANGE': changeAddress,
    'ERROR.DISMISS': dismissError,
  },
  requesting: {
    // The hook aborts the request in flight.
    'ADDRESS.CHANGE': changeAddress,
    'REQUEST.SUCCESS': (state, event) => {
      const previous = state.session;
      if (!previous) return state;
      const session: ValidationSession = {
        ...previous,
        sid: event.sid,
        lastRequestFailed: false,
        cooldownUntil: event.now + state.config.resendCooldownMs,
        startedAt: previous.startedAt ?? event.now,
      };
      if (event.submitUrl === undefined) delete session.submitUrl;
      else session.submitUrl = event.submitUrl;
      const wasResend = state.returnTo === 'awaitingCode' || state.returnTo === 'awaitingLink';
      return {
        ...state,
        session,
        step: awaitingStepFor(session),
        error: undefined,
        resendCount: wasResend ? state.resendCount + 1 : state.resendCount,
      };
    },
    'REQUEST.FAILURE': (state, event) => {
      const previous = state.session;
      if (!previous) return state;
      const session: ValidationSession = { ...previous, lastRequestFailed: true };
      if (event.error.kind === 'rateLimited') {
        // The server's wait wins when it is longer than our own cooldown.
        const wait = Math.max(event.error.retryAfterMs ?? 0, state.config.resendCooldownMs, 1000);
        session.cooldownUntil = Math.max(previous.cooldownUntil ?? 0, event.now + wait);
      }
      const wasResend = state.returnTo === 'awaitingCode' || state.returnTo === 'awaitingLink';
      const unavailable = wasResend ? undefined : unavailableFor(event.error.kind);
      if (unavailable) return { ...state, session, step: 'unavailable', unavailable, error: event.error };
      const step = wasResend && state.returnTo ? state.returnTo : 'enterAddress';
      return { ...state, session, step, error: event.error };
    },
  },
  awaitingCode: {
    ...awaiting,
    'CODE.SUBMIT': (state, event) => ({ ...state, step: 'submittingCode', draft: { ...state.draft, code: event.code }, error: undefined }),
  },
  submittingCode: {
    'ADDRESS.CHANGE': changeAddress,
    'CODE.SUCCESS': (state) =>
      needsPassword(state) ? { ...state, step: 'choosePassword', error: undefined } : startCompleting(state, 'user', 'awaitingCode'),
    'CODE.FAILURE': (state, event) => ({ ...state, step: 'awaitingCode', error: event.error }),
  },
  awaitingLink: {
    ...awaiting,
    CONTINUE: (state, event) => {
      if (needsPassword(state)) return event.trigger === 'user' ? { ...state, step: 'choosePassword', error: undefined } : state;
      return startCompleting(state, event.trigger, 'awaitingLink');
    },
  },
  completing: {
    'ADDRESS.CHANGE': changeAddress,
    // The new password has done its job: keep it in memory no longer than needed.
    'COMPLETE.SUCCESS': (state) => ({ ...state, step: 'done', error: undefined, uia: undefined, trigger: undefined, newPassword: undefined }),
    'COMPLETE.FAILURE': (state, event) => {
      const back = state.returnTo === 'awaitingCode' ? 'awaitingCode' : 'awaitingLink';
      const { error, uia } = event;
      let session = state.session;
      if (uia?.session && session) session = { ...session, uiaSession: uia.session, uiaCompleted: uia.completed };
      if (error.kind === 'notYetValidated') {
        // Not validated yet: back to waiting. A poll says nothing; a click explains.
        return { ...state, session, step: back, trigger: undefined, uia: undefined, error: state.trigger === 'poll' ? state.error : error };
      }
      if (uia) {
        // The server wants (more) User-Interactive Auth. Its bare challenge (401, no errcode) is not a failure.
        const challenge = error.status === 401 && !error.errcode;
        return { ...state, session, step: 'authenticating', uia, trigger: undefined, error: challenge ? undefined : error };
      }
      if (state.uia) {
        // The answer to the auth prompt never got a verdict (offline, 5xx…): stay on the prompt, keep what was typed.
        return { ...state, session, step: 'authenticating', trigger: undefined, error };
      }
      if (error.kind === 'weakPassword' && state.config.purpose === 'reset') {
        return { ...state, session, step: 'choosePassword', newPassword: undefined, trigger: undefined, error };
      }
      return { ...state, session, step: back, trigger: undefined, uia: undefined, error };
    },
  },
  authenticating: {
    'AUTH.START': (state) => ({ ...state, step: 'completing', trigger: 'user', error: undefined }),
    'AUTH.CANCEL': (state) => ({
      ...state,
      step: state.returnTo === 'awaitingCode' ? 'awaitingCode' : 'awaitingLink',
      uia: undefined,
      error: { kind: 'authCancelled' },
    }),
    // Auth could not even start (e.g. the sign-in window was blocked): stay, say why.
    'AUTH.FAILURE': (state, event) => ({ ...state, error: event.error }),
    'ERROR.DISMISS': dismissError,
  },
  done: {},
};

/** The flow's transition function: pure, total. An event a step does not accept returns the same state object. */
export function transition(state: FlowState, event: FlowEvent): FlowState {
  if (event.type === 'RESET') {
    return createInitialState(state.config, state.step === 'done' ? undefined : typedAddress(state.draft));
  }
  const handler = table[state.step][event.type] as Handler<typeof event.type> | undefined;
  return handler ? handler(state, event as never) : state;
}
