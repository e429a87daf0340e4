import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInitialState, transition } from '../../src/flow/machine';
import { canResend, isAskingAuth, isAwaiting } from '../../src/flow/selectors';
import type { FlowError, FlowEvent, FlowState } from '../../src/flow/types';
import type { Medium, UiaInfo } from '../../src/protocol/types';
import { EMAIL, flowConfig, nonJsonPaths, OTHER_EMAIL, OTHER_PHONE, PHONE, STEPS, stringsIn, SUBMIT_URL, uiaInfo } from './fixtures';

// Random sequences of events, in any order, against every flow: the machine must hold its promises whatever a
// buggy or racing host sends. Secrets and passwords carry a marker so they can be found wherever they end up.
const SECRET_MARK = 'fuzzSecret';
const PASSWORD_MARK = 'fuzzPassword';

/** Gives an event the current time and fresh secrets (the hook makes a new client_secret per address submit). */
function stamp(event: FlowEvent, now: number, index: number): FlowEvent {
  switch (event.type) {
    case 'ADDRESS.SUBMIT':
      return { ...event, clientSecret: `${SECRET_MARK}${index}`, now };
    case 'PASSWORD.SUBMIT':
      return { ...event, password: `${PASSWORD_MARK}${index}` };
    case 'RESTORE':
      return { ...event, session: { ...event.session, clientSecret: `${SECRET_MARK}R${index}`, startedAt: now } };
    case 'REQUEST.SUCCESS':
    case 'REQUEST.FAILURE':
    case 'RESEND':
      return { ...event, now };
    default:
      return event;
  }
}

const errorArb: fc.Arbitrary<FlowError> = fc.record(
  {
    kind: fc.constantFrom('rateLimited', 'notYetValidated', 'weakPassword', 'wrongPassword', 'mediumNotSupported', 'notOffered', 'server', 'offline', 'invalidCode'),
    status: fc.constantFrom(400, 401, 429, 500),
    errcode: fc.constantFrom('', 'M_FORBIDDEN', 'M_UNKNOWN'),
    retryAfterMs: fc.nat({ max: 120_000 }),
  },
  { requiredKeys: ['kind'] },
);

const uiaArb: fc.Arbitrary<UiaInfo | undefined> = fc.option(
  fc.record({ session: fc.constantFrom('uia-a', 'uia-b'), completed: fc.constantFrom<string[]>([], ['m.login.password']) }).map((o) => uiaInfo(o)),
  { nil: undefined },
);

const addressArb = fc.constantFrom(
  { address: EMAIL },
  { address: OTHER_EMAIL },
  { ...PHONE },
  { ...OTHER_PHONE },
  { address: PHONE.phoneNumber, country: 'IE', phoneNumber: PHONE.phoneNumber },
);

// Times and secrets are placeholders here, filled in by `stamp`, so a counterexample prints as plain events.
const eventArb: fc.Arbitrary<FlowEvent> = fc.oneof(
  fc.boolean().map((on): FlowEvent => ({ type: 'CAPABILITIES.SUCCESS', capabilities: { threepidChanges: on, changePassword: true } })),
  fc.constant<FlowEvent>({ type: 'CAPABILITIES.FAILURE' }),
  addressArb.map((a): FlowEvent => ({ type: 'ADDRESS.SUBMIT', ...a, clientSecret: '', now: 0 })),
  fc.boolean().map((logoutDevices): FlowEvent => ({ type: 'PASSWORD.SUBMIT', password: '', logoutDevices })),
  fc.boolean().map((code): FlowEvent => ({ type: 'REQUEST.SUCCESS', sid: 'sid-f', ...(code ? { submitUrl: SUBMIT_URL } : {}), now: 0 })),
  errorArb.map((error): FlowEvent => ({ type: 'REQUEST.FAILURE', error, now: 0 })),
  fc.constant<FlowEvent>({ type: 'RESEND', now: 0 }),
  fc.constantFrom('123456', '', ' 12-34 ').map((code): FlowEvent => ({ type: 'CODE.SUBMIT', code })),
  fc.constant<FlowEvent>({ type: 'CODE.SUCCESS' }),
  errorArb.map((error): FlowEvent => ({ type: 'CODE.FAILURE', error })),
  fc.constantFrom('user', 'poll').map((trigger): FlowEvent => ({ type: 'CONTINUE', trigger })),
  fc.constant<FlowEvent>({ type: 'COMPLETE.SUCCESS' }),
  fc.tuple(errorArb, uiaArb).map(([error, uia]): FlowEvent => ({ type: 'COMPLETE.FAILURE', error, ...(uia ? { uia } : {}) })),
  fc.constant<FlowEvent>({ type: 'AUTH.START' }),
  fc.constant<FlowEvent>({ type: 'AUTH.CANCEL' }),
  errorArb.map((error): FlowEvent => ({ type: 'AUTH.FAILURE', error })),
  fc.constant<FlowEvent>({ type: 'ADDRESS.CHANGE' }),
  fc.constantFrom<Medium>('email', 'msisdn').map((medium): FlowEvent => ({ type: 'MEDIUM.SWITCH', medium })),
  fc.constant<FlowEvent>({ type: 'ERROR.DISMISS' }),
  fc.constantFrom('awaitingCode', 'awaitingLink').map(
    (step): FlowEvent => ({
      type: 'RESTORE',
      step,
      // As persistence saves it: the code step always comes with its submit_url.
      session: { medium: 'email', address: EMAIL, clientSecret: '', sid: 'sid-r', sendAttempt: 2, ...(step === 'awaitingCode' ? { submitUrl: SUBMIT_URL } : {}) },
    }),
  ),
  fc.constant<FlowEvent>({ type: 'RESET' }),
);

const configArb = fc.record({
  purpose: fc.constantFrom('add', 'reset'),
  medium: fc.constantFrom<Medium>('email', 'msisdn'),
  passwordStep: fc.constantFrom('before-link', 'after-link'),
  resendCooldownMs: fc.constantFrom(0, 1_000, 30_000),
});

/** A run: a flow, and events spaced by random delays (the clock only moves forward). */
const runArb = fc.record({
  config: configArb,
  steps: fc.array(fc.tuple(eventArb, fc.nat({ max: 40_000 })), { maxLength: 40 }),
});

/** Checks every invariant on one transition; returns the new state. */
function checkedStep(state: FlowState, event: FlowEvent, now: number): FlowState {
  const before = structuredClone(state);
  const couldResend = canResend(state, now);
  const next = transition(state, event);

  // Pure: the old state is never mutated.
  expect(state).toEqual(before);
  expect(STEPS).toContain(next.step);
  // Plain data that survives a JSON round trip (persistence, devtools, postMessage).
  expect(nonJsonPaths(next)).toEqual([]);
  expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  // Secrets only where they belong.
  for (const s of stringsIn(next)) {
    if (s.value.includes(SECRET_MARK)) expect(s.path).toBe('$.session.clientSecret');
    if (s.value.includes(PASSWORD_MARK)) expect(s.path).toBe('$.newPassword');
  }
  if (next.config.purpose === 'add') {
    expect(next.newPassword).toBeUndefined();
    expect(next.step).not.toBe('choosePassword');
  }
  // Steps that need a session have one.
  if (next.step === 'requesting') expect(next.session).toBeDefined();
  if (isAwaiting(next) || next.step === 'submittingCode' || next.step === 'completing' || next.step === 'done') {
    expect(next.session?.sid).toBeDefined();
  }
  if (next.step === 'awaitingCode' || next.step === 'submittingCode') expect(next.session?.submitUrl).toBeDefined();
  const attempt = next.session?.sendAttempt;
  if (attempt !== undefined) expect(Number.isInteger(attempt) && attempt >= 1).toBe(true);
  // The resend button and the machine agree.
  if (event.type === 'RESEND') expect(next !== state).toBe(couldResend);
  // A UIA prompt is kept only while auth is asked for or being answered: a host's dialog is never opened off it.
  if (next.uia) expect(isAskingAuth(next) || next.step === 'completing').toBe(true);
  return next;
}

describe('machine invariants under random event sequences', () => {
  it('should never throw, stay pure, plain and secret-tidy, and agree with canResend', () => {
    fc.assert(
      fc.property(runArb, ({ config, steps }) => {
        let state = createInitialState(config);
        let now = 1_700_000_000_000;
        // Highest send_attempt put on the wire per client_secret: it must never go down.
        const highest = new Map<string, number>();
        steps.forEach(([raw, delay], index) => {
          now += delay;
          const next = checkedStep(state, stamp(raw, now, index), now);
          if (next.step === 'requesting' && next !== state && next.session) {
            const { clientSecret, sendAttempt } = next.session;
            expect(sendAttempt).toBeGreaterThanOrEqual(highest.get(clientSecret) ?? 1);
            highest.set(clientSecret, sendAttempt);
          }
          state = next;
        });
      }),
      { numRuns: 400 },
    );
  });
});
