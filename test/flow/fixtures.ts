import { toFlowError, type FailedCall } from '../../src/flow/errors';
import { createInitialState, DEFAULT_RESEND_COOLDOWN_MS, transition } from '../../src/flow/machine';
import type { FlowConfig, FlowError, FlowEvent, FlowEventType, FlowPurpose, FlowState, FlowStep, PasswordStep, ValidationSession } from '../../src/flow/types';
import { MatrixApiError, type MatrixApiErrorInit } from '../../src/protocol/errors';
import type { Medium, UiaInfo } from '../../src/protocol/types';

// Distinctive values, so a test can search a serialised state for them.
export const NOW = 1_700_000_000_000;
/** Comfortably after the default cooldown of a send at NOW. */
export const LATER = NOW + 10 * DEFAULT_RESEND_COOLDOWN_MS;
export const SECRET = 'clientSecretAlpha.123_SECRET';
export const OTHER_SECRET = 'clientSecretBravo.456_SECRET';
export const PASSWORD = 'pw-Correct-Horse-9871';
export const EMAIL = 'alice@example.org';
export const OTHER_EMAIL = 'bob@example.org';
export const PHONE = { address: '+447700900123', country: 'GB', phoneNumber: '7700900123' } as const;
export const OTHER_PHONE = { address: '+14155550123', country: 'US', phoneNumber: '4155550123' } as const;
export const SID = 'sid-one';
export const SUBMIT_URL = 'https://matrix.example.org/_matrix/client/unstable/add_threepid/msisdn/submit_token';
export const UIA_SESSION = 'uia-session-xyz';
export const ACCOUNT_MANAGEMENT = { issuer: 'https://account.example.org/', url: 'https://account.example.org/account/?action=org.matrix.profile' };

/** Every step, checked for exhaustiveness by the compiler. */
const stepSet: Record<FlowStep, true> = {
  checking: true,
  unavailable: true,
  enterAddress: true,
  choosePassword: true,
  requesting: true,
  awaitingCode: true,
  awaitingLink: true,
  submittingCode: true,
  completing: true,
  authenticating: true,
  accountManagement: true,
  done: true,
};
/** All step names. */
export const STEPS = Object.keys(stepSet) as FlowStep[];

/** A flow config; add-email unless told otherwise. */
export function flowConfig(overrides: Partial<FlowConfig> = {}): FlowConfig {
  return { purpose: 'add', medium: 'email', passwordStep: 'before-link', resendCooldownMs: DEFAULT_RESEND_COOLDOWN_MS, ...overrides };
}

/** The eight flows a component can run, each named for test titles. */
export const FLOW_CONFIGS: { name: string; config: FlowConfig }[] = [
  { name: 'add email', config: flowConfig() },
  { name: 'add phone', config: flowConfig({ medium: 'msisdn' }) },
  { name: 'register email', config: flowConfig({ purpose: 'register' }) },
  { name: 'register phone', config: flowConfig({ purpose: 'register', medium: 'msisdn' }) },
  ...(['email', 'msisdn'] as Medium[]).flatMap((medium) =>
    (['before-link', 'after-link'] as PasswordStep[]).map((passwordStep) => ({
      name: `reset ${medium === 'email' ? 'email' : 'phone'} (password ${passwordStep})`,
      config: flowConfig({ purpose: 'reset', medium, passwordStep }),
    })),
  ),
];

/** Applies events in order, as the hook's store does. */
export function run(state: FlowState, ...events: FlowEvent[]): FlowState {
  return events.reduce(transition, state);
}

/** Applies events in order and lists the step after each one. */
export function stepsOf(state: FlowState, events: FlowEvent[]): FlowStep[] {
  const steps: FlowStep[] = [];
  let current = state;
  for (const event of events) {
    current = transition(current, event);
    steps.push(current.step);
  }
  return steps;
}

/** The address event a person sends for this medium. */
export function submitAddress(
  medium: Medium,
  options: { which?: 'first' | 'other'; clientSecret?: string; now?: number } = {},
): Extract<FlowEvent, { type: 'ADDRESS.SUBMIT' }> {
  const other = options.which === 'other';
  const clientSecret = options.clientSecret ?? (other ? OTHER_SECRET : SECRET);
  const now = options.now ?? NOW;
  if (medium === 'email') return { type: 'ADDRESS.SUBMIT', address: other ? OTHER_EMAIL : EMAIL, clientSecret, now };
  const phone = other ? OTHER_PHONE : PHONE;
  return { type: 'ADDRESS.SUBMIT', ...phone, clientSecret, now };
}

/** The MatrixApiError a protocol call would throw. */
export function apiError(init: MatrixApiErrorInit): MatrixApiError {
  return new MatrixApiError(init);
}

/** The FlowError the hook would dispatch for this server answer. */
export function flowError(init: MatrixApiErrorInit, call: FailedCall = 'complete'): FlowError {
  return toFlowError(apiError(init), call);
}

/** A 401 UIA body as the protocol client parses it. */
export function uiaInfo(overrides: Partial<UiaInfo> = {}): UiaInfo {
  return { flows: [{ stages: ['m.login.password'] }], params: {}, session: UIA_SESSION, completed: [], ...overrides };
}

/** Synapse's first answer to 3pid/add: UIA wanted, nothing wrong yet. */
export function uiaChallenge(): Extract<FlowEvent, { type: 'COMPLETE.FAILURE' }> {
  const uia = uiaInfo();
  return { type: 'COMPLETE.FAILURE', error: flowError({ status: 401, errcode: '', uia }), uia };
}

/** Not validated yet, as the server says it for this purpose. */
export function notYetValidated(purpose: FlowPurpose): Extract<FlowEvent, { type: 'COMPLETE.FAILURE' }> {
  if (purpose === 'add') {
    return {
      type: 'COMPLETE.FAILURE',
      error: flowError({ status: 400, errcode: 'M_THREEPID_AUTH_FAILED', serverMessage: 'No validated 3pid session found' }),
    };
  }
  const uia = uiaInfo({ flows: [{ stages: ['m.login.email.identity'] }], session: 'reset-uia' });
  return {
    type: 'COMPLETE.FAILURE',
    error: flowError({ status: 401, errcode: 'M_UNAUTHORIZED', serverMessage: 'Unable to get validated threepid', uia }),
    uia,
  };
}

/** A transient server failure (500). */
export const SERVER_ERROR: FlowError = { kind: 'server', status: 500, errcode: 'M_UNKNOWN' };

/** A flow at its first step where the person types: add flows read capabilities first. */
export function started(config: FlowConfig): FlowState {
  const initial = createInitialState(config);
  return config.purpose === 'add'
    ? transition(initial, { type: 'CAPABILITIES.SUCCESS', capabilities: { threepidChanges: true, changePassword: true } })
    : initial;
}

/** The events from typing the address until the request is on the wire. */
export function requestEvents(config: FlowConfig, now = NOW): FlowEvent[] {
  const events: FlowEvent[] = [submitAddress(config.medium, { now })];
  // A phone reset sends first whatever the password step (Synapse refuses reset by phone: say so before the password).
  if (config.purpose === 'reset' && config.passwordStep === 'before-link' && config.medium === 'email') {
    events.push({ type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false });
  }
  return events;
}

/** Options for `stateAt`. */
export interface StateAtOptions {
  /** The server answered with a submit_url (type the code) rather than none (follow a link). */
  submitUrl?: boolean;
}

/**
 * A representative state for a step, reached by events only (as a hook would), so every field is one the
 * machine itself produced. Throws for a step the flow cannot reach.
 */
export function stateAt(step: FlowStep, config: FlowConfig, options: StateAtOptions = {}): FlowState {
  const { purpose, passwordStep } = config;
  const afterLinkReset = purpose === 'reset' && (passwordStep === 'after-link' || config.medium === 'msisdn');
  const requesting = (): FlowState => run(started(config), ...requestEvents(config));
  const awaiting = (code: boolean): FlowState =>
    run(requesting(), { type: 'REQUEST.SUCCESS', sid: SID, ...(code ? { submitUrl: SUBMIT_URL } : {}), now: NOW });
  const completing = (): FlowState => {
    if (options.submitUrl) {
      const afterCode = run(awaiting(true), { type: 'CODE.SUBMIT', code: '123456' }, { type: 'CODE.SUCCESS' });
      return afterLinkReset ? run(afterCode, { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false }) : afterCode;
    }
    const clicked = run(awaiting(false), { type: 'CONTINUE', trigger: 'user' });
    return afterLinkReset ? run(clicked, { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false }) : clicked;
  };
  const reached = ((): FlowState | undefined => {
    switch (step) {
      case 'checking':
        return purpose === 'add' ? createInitialState(config) : undefined;
      case 'unavailable':
        return run(requesting(), { type: 'REQUEST.FAILURE', error: flowError({ status: 400, errcode: 'M_THREEPID_MEDIUM_NOT_SUPPORTED' }, 'request'), now: NOW });
      case 'enterAddress':
        return started(config);
      case 'choosePassword':
        if (purpose !== 'reset') return undefined;
        if (!afterLinkReset) return run(started(config), submitAddress(config.medium));
        return options.submitUrl
          ? run(awaiting(true), { type: 'CODE.SUBMIT', code: '123456' }, { type: 'CODE.SUCCESS' })
          : run(awaiting(false), { type: 'CONTINUE', trigger: 'user' });
      case 'requesting':
        return requesting();
      case 'awaitingCode':
        return awaiting(true);
      case 'awaitingLink':
        return awaiting(false);
      case 'submittingCode':
        return run(awaiting(true), { type: 'CODE.SUBMIT', code: '123456' });
      case 'completing':
        return completing();
      case 'authenticating':
        return purpose === 'add' ? run(completing(), uiaChallenge()) : undefined;
      case 'accountManagement':
        return run(started(config), { type: 'ACCOUNT.MANAGED', accountManagement: ACCOUNT_MANAGEMENT });
      case 'done':
        return run(completing(), { type: 'COMPLETE.SUCCESS' });
    }
  })();
  if (!reached || reached.step !== step) throw new Error(`fixture cannot reach ${step} for ${purpose}/${config.medium}/${passwordStep}`);
  return reached;
}

/** True when the fixture can build this step for this flow. */
export function canReach(step: FlowStep, config: FlowConfig): boolean {
  if (step === 'checking' || step === 'authenticating') return config.purpose === 'add';
  if (step === 'choosePassword') return config.purpose === 'reset';
  return true;
}

/** A restorable session, as persistence would hand it back. */
export function savedSession(medium: Medium, overrides: Partial<ValidationSession> = {}): ValidationSession {
  const base: ValidationSession =
    medium === 'email'
      ? { medium, address: EMAIL, clientSecret: SECRET, sid: SID, sendAttempt: 2, startedAt: NOW, cooldownUntil: NOW + 30_000 }
      : { medium, ...PHONE, clientSecret: SECRET, sid: SID, sendAttempt: 2, startedAt: NOW, cooldownUntil: NOW + 30_000 };
  return { ...base, ...overrides };
}

/** One sample of every event type, shaped to be accepted wherever its step takes it. Exhaustive by type. */
export function sampleEvents(state: FlowState): Record<FlowEventType, FlowEvent> {
  const otherMedium: Medium = state.config.medium === 'email' ? 'msisdn' : 'email';
  return {
    'CAPABILITIES.SUCCESS': { type: 'CAPABILITIES.SUCCESS', capabilities: { threepidChanges: true, changePassword: true } },
    'CAPABILITIES.FAILURE': { type: 'CAPABILITIES.FAILURE' },
    'ACCOUNT.MANAGED': { type: 'ACCOUNT.MANAGED', accountManagement: ACCOUNT_MANAGEMENT },
    'ACCOUNT.THREEPIDS': { type: 'ACCOUNT.THREEPIDS', threepids: [{ medium: state.config.medium, address: 'x@example.org', validatedAt: NOW, addedAt: NOW }] },
    'AUTH.EARLY': { type: 'AUTH.EARLY', uia: { flows: [{ stages: ['m.login.password'] }], params: {}, session: UIA_SESSION, completed: [] } },
    'ADDRESS.SUBMIT': submitAddress(state.config.medium, { which: 'other', now: LATER }),
    'PASSWORD.SUBMIT': { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: true },
    'REQUEST.SUCCESS': { type: 'REQUEST.SUCCESS', sid: 'sid-two', now: LATER },
    'REQUEST.FAILURE': { type: 'REQUEST.FAILURE', error: SERVER_ERROR, now: LATER },
    RESEND: { type: 'RESEND', now: LATER },
    'CODE.SUBMIT': { type: 'CODE.SUBMIT', code: '654321' },
    'CODE.SUCCESS': { type: 'CODE.SUCCESS' },
    'CODE.FAILURE': { type: 'CODE.FAILURE', error: { kind: 'invalidCode', status: 400, errcode: 'M_TOKEN_INCORRECT' } },
    CONTINUE: { type: 'CONTINUE', trigger: 'user' },
    'COMPLETE.SUCCESS': { type: 'COMPLETE.SUCCESS' },
    'COMPLETE.FAILURE': { type: 'COMPLETE.FAILURE', error: SERVER_ERROR },
    'AUTH.START': { type: 'AUTH.START' },
    'AUTH.CANCEL': { type: 'AUTH.CANCEL' },
    'AUTH.FAILURE': { type: 'AUTH.FAILURE', error: { kind: 'popupBlocked' } },
    'ADDRESS.CHANGE': { type: 'ADDRESS.CHANGE' },
    'MEDIUM.SWITCH': { type: 'MEDIUM.SWITCH', medium: otherMedium },
    'ERROR.DISMISS': { type: 'ERROR.DISMISS' },
    RESTORE: { type: 'RESTORE', session: savedSession(state.config.medium), step: 'awaitingLink' },
    RESET: { type: 'RESET' },
  };
}

/** All event type names. */
export const EVENT_TYPES = Object.keys(sampleEvents(createInitialState(flowConfig()))) as FlowEventType[];

/**
 * Paths in `value` that JSON would not keep as is: functions, symbols, bigints, non-finite numbers, class
 * instances, cycles. Empty for plain data.
 */
export function nonJsonPaths(value: unknown, path = '$', ancestors = new Set<unknown>()): string[] {
  if (value === null || value === undefined) return [];
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return [];
    case 'number':
      return Number.isFinite(value) ? [] : [path];
    case 'object': {
      // Only a cycle breaks JSON; the same object in two places is fine.
      if (ancestors.has(value)) return [`${path} (cycle)`];
      const proto: unknown = Object.getPrototypeOf(value);
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return [`${path} (instance)`];
      ancestors.add(value);
      const found = Array.isArray(value)
        ? value.flatMap((v, i) => nonJsonPaths(v, `${path}[${i}]`, ancestors))
        : Object.entries(value).flatMap(([k, v]) => nonJsonPaths(v, `${path}.${k}`, ancestors));
      ancestors.delete(value);
      return found;
    }
    default:
      return [path];
  }
}

/** Every string in `value` with the path where it sits. */
export function stringsIn(value: unknown, path = '$'): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${path}.${k}`));
  return [];
}
