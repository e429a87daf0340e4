import type { UiaInfo } from '../protocol/types';
import { hasHiddenCharacters } from './hiddenCharacters';
import type { FlowConfig, FlowDraft, FlowError, FlowEvent, FlowState, FlowStep, ValidationSession } from './types';
import { sameUia } from './uia';

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

// Moving on is a fresh start: the new step shows no old error unless `patch` brings one.
const go = (state: FlowState, step: FlowStep, patch?: Partial<FlowState>): FlowState => ({ ...state, step, error: undefined, ...patch });

const awaitingStepFor = (session: ValidationSession): 'awaitingCode' | 'awaitingLink' =>
  session.submitUrl ? 'awaitingCode' : 'awaitingLink';

/**
 * The waiting step the current request or completion started from, to go back to. Undefined when a request is the
 * first send, from the address or password form.
 */
const waitingFrom = ({ returnTo }: FlowState): 'awaitingCode' | 'awaitingLink' | undefined =>
  returnTo === 'awaitingCode' || returnTo === 'awaitingLink' ? returnTo : undefined;

/** Where a completion (or its auth) goes back to: the waiting step it started from. */
// Stryker disable next-line StringLiteral: a completion always records the waiting step it came from; the fallback only types it.
const back = (state: FlowState): 'awaitingCode' | 'awaitingLink' => waitingFrom(state) ?? 'awaitingLink';

/** A refusal of this medium only: the other medium is still worth trying. */
const refusesMedium = (reason: string | undefined): reason is 'mediumNotSupported' | 'notOffered' =>
  reason === 'mediumNotSupported' || reason === 'notOffered';

// Times are epoch ms, so a session with no cooldown set compares as long over.
const isCoolingDown = (session: ValidationSession, now: number): boolean => now < (session.cooldownUntil ?? 0);

/** Reset needs a new password before it can complete. */
const needsPassword = (state: FlowState): boolean => state.config.purpose === 'reset' && state.newPassword === undefined;

/**
 * The same session asked again. A new send_attempt only if the last request went through and its cooldown is over:
 * a retry after a failure, or while cooling down, reuses it so the server sends at most one message.
 */
const askAgain = (session: ValidationSession, now: number): ValidationSession => ({
  ...session,
  sendAttempt: session.sendAttempt + (session.lastRequestFailed || !session.sid || isCoolingDown(session, now) ? 0 : 1),
});

const startRequest = (state: FlowState, returnTo: NonNullable<FlowState['returnTo']>, patch?: Partial<FlowState>): FlowState =>
  go(state, 'requesting', { returnTo, ...patch });

/**
 * The code or the link worked (or a poll asks whether it did): complete, unless a reset still needs its password.
 * A poll leaves whatever is on screen; a click is a fresh attempt.
 */
const proceed = (state: FlowState, trigger: 'user' | 'poll', returnTo: 'awaitingCode' | 'awaitingLink'): FlowState =>
  !needsPassword(state)
    ? go(state, 'completing', { trigger, returnTo, error: trigger === 'user' ? undefined : state.error })
    : trigger === 'user'
      ? go(state, 'choosePassword')
      : state;

const changeAddress: Handler<'ADDRESS.CHANGE'> = (state) =>
  go(state, 'enterAddress', { uia: undefined, earlyAuth: undefined, draft: { ...state.draft, code: '' } });

// PROTOCOL "OAuth-era homeservers": every legacy endpoint is gone there, so whatever was under way stops here.
const accountManaged: Handler<'ACCOUNT.MANAGED'> = (state, { accountManagement }) =>
  go(state, 'accountManagement', { accountManagement, session: undefined, uia: undefined, earlyAuth: undefined, newPassword: undefined });

const dismissError: Handler<'ERROR.DISMISS'> = (state) => ({ ...state, error: undefined });

const submitAddress: Handler<'ADDRESS.SUBMIT'> = (state, event) => {
  const { medium, passwordStep } = state.config;
  const { address, country, phoneNumber, now } = event;
  const previous = state.session;
  const draft = { ...state.draft, address, country, phoneNumber };
  // What the screen shows must be what is sent: a hidden character is refused, with the typed text kept.
  // Stryker disable next-line StringLiteral: whatever stands in for an absent national number holds no hidden character either.
  if (hasHiddenCharacters(address + (phoneNumber ?? ''))) return { ...state, draft, error: { kind: 'hiddenCharacters' } };
  // A phone is its country and national number: the same digits dialled from another country are another number.
  const same =
    previous?.medium === medium && previous.address === address && previous.country === country && previous.phoneNumber === phoneNumber;
  // The same address while its rate limit lasts sends nothing: the click is answered with the wait that is left.
  // Another address is not held by this one's limit.
  if (same && isCoolingDown(previous, now) && previous.lastRequestFailed) {
    return { ...state, error: { kind: 'rateLimited', retryAfterMs: (previous.cooldownUntil ?? now) - now } };
  }
  const patch: Partial<FlowState> = {
    draft,
    // Same address: same client_secret.
    session: same ? askAgain(previous, now) : { medium, address, country, phoneNumber, clientSecret: event.clientSecret, sendAttempt: 1 },
    uia: undefined,
  };
  // Reset by phone sends first, whatever the password step: Synapse has refused it since 2019 (PROTOCOL "How Synapse
  // behaves"), and the person should hear that before typing a new password twice. The password comes after the code.
  return needsPassword(state) && passwordStep === 'before-link' && medium === 'email'
    ? go(state, 'choosePassword', patch)
    : startRequest(state, 'enterAddress', patch);
};

const switchMedium: Handler<'MEDIUM.SWITCH'> = (state, { medium }) =>
  medium === state.config.medium
    ? state
    : go(state, 'enterAddress', { config: { ...state.config, medium }, draft: { address: '', code: '' }, session: undefined, unavailable: undefined });

// The step follows from the session, whatever the saved copy claims: a code step needs a submit_url.
const restore: Handler<'RESTORE'> = (state, { session }) => ({
  ...state,
  step: awaitingStepFor(session),
  session,
  // A reset may have switched to the other medium before the reload: the saved session says which one it uses.
  config: { ...state.config, medium: session.medium },
  // A session without a phone's country or national number keeps the draft's.
  draft: {
    ...state.draft,
    address: session.address,
    country: session.country ?? state.draft.country,
    phoneNumber: session.phoneNumber ?? state.draft.phoneNumber,
  },
});

/** The server's definite answer (a 4xx but a rate limit) to a request that carried auth: signing in again cannot change it. */
const isVerdict = ({ status = 0 }: FlowError): boolean => status >= 400 && status < 500 && status !== 429;

/**
 * The answer to auth given while waiting for the link. A verdict without a new prompt ends the prompt: "not validated
 * yet" means auth passed (Synapse checks it first), so wait quietly, polling with the session; any other (the address
 * is taken, say) is shown. Another prompt (wrong password, a further stage) or no verdict stays on the link screen
 * with the prompt.
 */
const earlyAuthAnswered = (state: FlowState, to: (step: FlowStep, patch?: Partial<FlowState>) => FlowState, error: FlowError, uia?: UiaInfo): FlowState =>
  to(
    'awaitingLink',
    !uia && isVerdict(error)
      ? { uia: undefined, earlyAuth: undefined, error: error.kind === 'notYetValidated' ? undefined : error }
      : { uia: uia ?? state.uia, error: error.status === 401 && !error.errcode ? undefined : error },
  );

// The new password has done its job: keep it in memory no longer than needed.
const completed: Handler<'COMPLETE.SUCCESS'> = (state) => go(state, 'done', { uia: undefined, trigger: undefined, newPassword: undefined });

const awaiting: StepHandlers = {
  RESEND: (state, { now }) => {
    const { session } = state;
    // Stryker disable next-line OptionalChaining: a waiting step always holds its session (the type allows none).
    return session?.sid && !isCoolingDown(session, now)
      ? startRequest(state, awaitingStepFor(session), { session: askAgain(session, now) })
      : state;
  },
  'ADDRESS.CHANGE': changeAddress,
  'ERROR.DISMISS': dismissError,
};

/** A purpose's own handlers, added to the shared ones (a step's handler here wins over a shared one). */
export type StepTable = { [S in FlowStep]?: StepHandlers };

// The steps every purpose shares. What only a reset does (its password step, the switch between media) is in
// `resetSteps`, so a flow that never resets can run without it and a bundler leaves it out.
const table: StepTable = {
  checking: {
    // The state has no error yet here: `go` clears nothing.
    'CAPABILITIES.SUCCESS': (state, { capabilities }) =>
      capabilities.threepidChanges
        ? go(state, 'enterAddress', { capabilities })
        : go(state, 'unavailable', { unavailable: 'threepidChangesDisabled', capabilities }),
    // Capabilities are advisory: if they cannot be read, let the request itself tell.
    'CAPABILITIES.FAILURE': (state) => go(state, 'enterAddress'),
    RESTORE: restore,
  },
  unavailable: {},
  enterAddress: {
    'ADDRESS.SUBMIT': submitAddress,
    'ERROR.DISMISS': dismissError,
    RESTORE: restore,
  },
  requesting: {
    // The hook aborts the request in flight.
    'ADDRESS.CHANGE': changeAddress,
    'REQUEST.SUCCESS': (state, { sid, submitUrl, now }) => {
      const previous = state.session;
      // Stryker disable next-line ConditionalExpression: a request in flight always has its session (the type allows none).
      if (!previous) return state;
      const session: ValidationSession = {
        ...previous,
        sid,
        submitUrl,
        lastRequestFailed: false,
        cooldownUntil: now + state.config.resendCooldownMs,
        startedAt: previous.startedAt ?? now,
      };
      return go(state, awaitingStepFor(session), { session, resendCount: state.resendCount + (waitingFrom(state) ? 1 : 0) });
    },
    'REQUEST.FAILURE': (state, { error, now }) => {
      const previous = state.session;
      // Stryker disable next-line ConditionalExpression: a request in flight always has its session (the type allows none).
      if (!previous) return state;
      const session: ValidationSession = {
        ...previous,
        lastRequestFailed: true,
        // The server's wait wins when it is longer than our own cooldown.
        cooldownUntil:
          error.kind === 'rateLimited'
            ? Math.max(previous.cooldownUntil ?? 0, now + Math.max(error.retryAfterMs ?? 0, state.config.resendCooldownMs, 1000))
            : previous.cooldownUntil,
      };
      const from = waitingFrom(state);
      return !from && refusesMedium(error.kind)
        ? go(state, 'unavailable', { session, unavailable: error.kind, error })
        : go(state, from ?? 'enterAddress', { session, error });
    },
  },
  awaitingCode: {
    ...awaiting,
    'CODE.SUBMIT': (state, { code }) => go(state, 'submittingCode', { draft: { ...state.draft, code } }),
  },
  submittingCode: {
    'ADDRESS.CHANGE': changeAddress,
    'CODE.SUCCESS': (state) => proceed(state, 'user', 'awaitingCode'),
    'CODE.FAILURE': (state, { error }) => go(state, 'awaitingCode', { error }),
  },
  awaitingLink: {
    ...awaiting,
    // "I've opened the link" while the screen asks for auth: the server's answer is known, so the auth step takes it
    // at once (no request that could only meet the same prompt).
    CONTINUE: (state, event) =>
      state.earlyAuth ? go(state, 'authenticating', { earlyAuth: undefined, returnTo: 'awaitingLink' }) : proceed(state, event.trigger, 'awaitingLink'),
    // Synapse checks UIA before the link (PROTOCOL "How Synapse behaves"): ask now, so following the link is the last
    // thing the person does. The step stays: resend, change address and "I've opened the link" keep working.
    'AUTH.EARLY': (state, { uia }) => ({ ...state, uia, earlyAuth: true, session: state.session && { ...state.session, uiaSession: uia.session } }),
    'AUTH.START': (state) => (state.earlyAuth ? go(state, 'completing', { trigger: 'user', returnTo: 'awaitingLink' }) : state),
    'AUTH.FAILURE': (state, { error }) => (state.earlyAuth ? { ...state, error } : state),
  },
  completing: {
    'ADDRESS.CHANGE': changeAddress,
    'COMPLETE.SUCCESS': completed,
    'COMPLETE.FAILURE': (state, { error, uia }) => {
      let { session } = state;
      if (uia?.session && session) session = { ...session, uiaSession: uia.session, uiaCompleted: uia.completed };
      const to = (step: FlowStep, patch?: Partial<FlowState>): FlowState => go(state, step, { session, trigger: undefined, error, ...patch });
      if (state.earlyAuth) return earlyAuthAnswered(state, to, error, uia);
      // Not validated yet: back to waiting. A poll says nothing; a click explains.
      if (error.kind === 'notYetValidated') return to(back(state), { uia: undefined, error: state.trigger === 'poll' ? state.error : error });
      // The server wants (more) User-Interactive Auth. Its bare challenge (401, no errcode) is not a failure, unless it
      // answers an attempt (`state.uia`) and nothing moved: then the password (or the other window) was not accepted.
      if (uia) {
        const bare = error.status === 401 && !error.errcode;
        const refused = bare && state.uia && sameUia(state.uia, uia);
        const password = uia.flows.some((flow) => flow.stages.includes('m.login.password')) && !uia.completed.includes('m.login.password');
        return to('authenticating', { uia, error: refused ? { ...error, kind: password ? 'wrongPassword' : 'authCancelled' } : bare ? undefined : error });
      }
      // The answer to the auth prompt never got a verdict (offline, 5xx, rate limit): stay on the prompt, keep what was
      // typed. A verdict (the address is taken, say) cannot change by signing in again: show it where the flow waits.
      if (state.uia && !isVerdict(error)) return to('authenticating');
      if (error.kind === 'weakPassword' && state.config.purpose === 'reset') return to('choosePassword', { newPassword: undefined, uia: undefined });
      // The prompt is over: a retry starts from the server's UIA session (kept in the validation session).
      return to(back(state), { uia: undefined });
    },
  },
  authenticating: {
    // A check for the link, sent before the person's click met this prompt, was answered: it is done already.
    'COMPLETE.SUCCESS': completed,
    'AUTH.START': (state) => go(state, 'completing', { trigger: 'user' }),
    // Given up by the person, or by the kit on a server that keeps refusing (with that error).
    'AUTH.CANCEL': (state, { error }) => go(state, back(state), { uia: undefined, error: error ?? { kind: 'authCancelled' } }),
    // Auth could not even start (e.g. the sign-in window was blocked): stay, say why.
    'AUTH.FAILURE': (state, { error }) => ({ ...state, error }),
    'ERROR.DISMISS': dismissError,
  },
  accountManagement: {
    'ACCOUNT.THREEPIDS': (state, { threepids }) =>
      state.accountManagement ? { ...state, accountManagement: { ...state.accountManagement, threepids } } : state,
  },
  done: {},
};

/** What only a reset does: the new-password step, and the switch to the other medium it may offer. */
export const resetSteps: StepTable = {
  unavailable: {
    // Only a refusal of this medium leaves the other one worth trying; disabled 3PID changes cover both.
    'MEDIUM.SWITCH': (state, event) => (refusesMedium(state.unavailable) ? switchMedium(state, event) : state),
  },
  enterAddress: { 'MEDIUM.SWITCH': switchMedium },
  choosePassword: {
    'PASSWORD.SUBMIT': (state, { password, logoutDevices }) => {
      const { session } = state;
      const next: FlowState = { ...state, newPassword: password, logoutDevices };
      // The token was already sent (after-link, or a resumed session): finish now.
      // Stryker disable next-line OptionalChaining: the password step comes after the address, which starts a session.
      return session?.sid ? proceed(next, 'user', awaitingStepFor(session)) : startRequest(next, 'choosePassword');
    },
    'ADDRESS.CHANGE': changeAddress,
    'ERROR.DISMISS': dismissError,
  },
};

/** The flow's transition function: pure, total. An event a step does not accept returns the same state object. */
export function transition(state: FlowState, event: FlowEvent): FlowState {
  return transitionWith(state, event, resetSteps);
}

/**
 * `transition` over the shared steps and `extra`'s (none: a flow that never resets, like the add flows' components).
 * The same state object comes back for an event neither accepts.
 */
export function transitionWith(state: FlowState, event: FlowEvent, extra?: StepTable): FlowState {
  if (event.type === 'RESET') {
    // Keep the address as typed (for a phone, with its country and national number), not the code.
    const { address, country, phoneNumber } = state.draft;
    return createInitialState(state.config, state.step === 'done' ? undefined : { address, country, phoneNumber });
  }
  // The account page replaces any screen before the first send: a reset reads the server in the background from its
  // first screen, and its first request waits for that answer.
  if (event.type === 'ACCOUNT.MANAGED' && ['checking', 'enterAddress', 'choosePassword', 'requesting'].includes(state.step)) return accountManaged(state, event);
  const handler = (extra?.[state.step]?.[event.type] ?? table[state.step]?.[event.type]) as Handler<typeof event.type> | undefined;
  return handler ? handler(state, event as never) : state;
}
