import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import type { FlowEventType, FlowStep } from '../../src/flow/types';
import { canReach, EVENT_TYPES, FLOW_CONFIGS, sampleEvents, stateAt, STEPS } from './fixtures';

// The transition table as the person meets it: which intents each screen answers. Everything else is ignored.
const ACCEPTS: Record<FlowStep, readonly FlowEventType[]> = {
  checking: ['CAPABILITIES.SUCCESS', 'CAPABILITIES.FAILURE', 'ACCOUNT.MANAGED', 'RESTORE', 'RESET'],
  unavailable: ['MEDIUM.SWITCH', 'RESET'],
  // A reset checks the server in the background: the account page can replace any screen before the first send.
  enterAddress: ['ADDRESS.SUBMIT', 'MEDIUM.SWITCH', 'ERROR.DISMISS', 'ACCOUNT.MANAGED', 'RESTORE', 'RESET'],
  choosePassword: ['PASSWORD.SUBMIT', 'ADDRESS.CHANGE', 'ERROR.DISMISS', 'ACCOUNT.MANAGED', 'RESET'],
  requesting: ['REQUEST.SUCCESS', 'REQUEST.FAILURE', 'ADDRESS.CHANGE', 'ACCOUNT.MANAGED', 'RESET'],
  awaitingCode: ['CODE.SUBMIT', 'RESEND', 'ADDRESS.CHANGE', 'ERROR.DISMISS', 'RESET'],
  // AUTH.START and AUTH.FAILURE only while the link screen asks for auth (after AUTH.EARLY).
  awaitingLink: ['CONTINUE', 'RESEND', 'ADDRESS.CHANGE', 'ERROR.DISMISS', 'AUTH.EARLY', 'RESET'],
  submittingCode: ['CODE.SUCCESS', 'CODE.FAILURE', 'ADDRESS.CHANGE', 'RESET'],
  completing: ['COMPLETE.SUCCESS', 'COMPLETE.FAILURE', 'ADDRESS.CHANGE', 'RESET'],
  // COMPLETE.SUCCESS: a check for the link sent before this prompt came was answered with success.
  authenticating: ['COMPLETE.SUCCESS', 'AUTH.START', 'AUTH.CANCEL', 'AUTH.FAILURE', 'ERROR.DISMISS', 'RESET'],
  accountManagement: ['ACCOUNT.THREEPIDS', 'RESET'],
  done: ['RESET'],
};

const cases = FLOW_CONFIGS.flatMap(({ name, config }) =>
  STEPS.filter((step) => canReach(step, config)).flatMap((step) =>
    EVENT_TYPES.map((eventType) => ({ flow: name, config, step, eventType, accepted: ACCEPTS[step].includes(eventType) })),
  ),
);

describe('transition table (every step × every event)', () => {
  it('should cover every step and every event type', () => {
    expect(new Set(cases.map((c) => c.step))).toEqual(new Set(STEPS));
    expect(EVENT_TYPES).toHaveLength(24);
    for (const step of STEPS) expect(cases.filter((c) => c.step === step).length).toBeGreaterThanOrEqual(EVENT_TYPES.length);
  });

  it.each(cases.filter((c) => !c.accepted))('should ignore $eventType in $step ($flow) and return the same object', ({ config, step, eventType }) => {
    const state = stateAt(step, config);
    const snapshot = structuredClone(state);
    const next = transition(state, sampleEvents(state)[eventType]);
    expect(next).toBe(state);
    expect(state).toEqual(snapshot);
  });

  it.each(cases.filter((c) => c.accepted))('should accept $eventType in $step ($flow) without touching the old state', ({ config, step, eventType }) => {
    const state = stateAt(step, config);
    const snapshot = structuredClone(state);
    const next = transition(state, sampleEvents(state)[eventType]);
    expect(next).not.toBe(state);
    // Pure: the previous state object is never mutated, so a host may keep and compare it.
    expect(state).toEqual(snapshot);
  });

  it.each(FLOW_CONFIGS.flatMap(({ name, config }) => STEPS.filter((s) => canReach(s, config)).map((step) => ({ flow: name, config, step }))))(
    'should never throw in $step ($flow), whatever the event and its variants',
    ({ config, step }) => {
      for (const submitUrl of [false, true]) {
        const state = stateAt(step, config, { submitUrl });
        const variants = [
          ...Object.values(sampleEvents(state)),
          { type: 'CONTINUE', trigger: 'poll' } as const,
          { type: 'RESEND', now: 0 } as const,
          { type: 'MEDIUM.SWITCH', medium: config.medium } as const,
          { type: 'COMPLETE.FAILURE', error: { kind: 'weakPassword' } } as const,
          { type: 'REQUEST.FAILURE', error: { kind: 'rateLimited' }, now: Number.NaN } as const,
          { type: 'RESTORE', session: { medium: config.medium, address: '', clientSecret: 'x', sendAttempt: 0 }, step: 'awaitingCode' } as const,
        ];
        for (const event of variants) expect(() => transition(state, event)).not.toThrow();
      }
    },
  );
});
