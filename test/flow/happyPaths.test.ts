import { describe, expect, it } from 'vitest';
import { createInitialState, transition } from '../../src/flow/machine';
import { isAwaiting, isBusy } from '../../src/flow/selectors';
import type { FlowConfig, FlowEvent, FlowState, FlowStep } from '../../src/flow/types';
import {
  EMAIL,
  flowConfig,
  NOW,
  notYetValidated,
  PASSWORD,
  PHONE,
  run,
  SECRET,
  SID,
  stepsOf,
  submitAddress,
  SUBMIT_URL,
  UIA_SESSION,
  uiaChallenge,
} from './fixtures';

/** What a person and a willing server do next, as the hook would send it. */
function nextEvent(state: FlowState, submitUrl: boolean): FlowEvent {
  switch (state.step) {
    case 'checking':
      return { type: 'CAPABILITIES.SUCCESS', capabilities: { threepidChanges: true, changePassword: true } };
    case 'enterAddress':
      return submitAddress(state.config.medium);
    case 'choosePassword':
      return { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false };
    case 'requesting':
      return { type: 'REQUEST.SUCCESS', sid: SID, ...(submitUrl ? { submitUrl: SUBMIT_URL } : {}), now: NOW };
    case 'awaitingCode':
      return { type: 'CODE.SUBMIT', code: '123456' };
    case 'submittingCode':
      return { type: 'CODE.SUCCESS' };
    case 'awaitingLink':
      // Reset polls once it knows the password; otherwise the person clicks "I followed the link".
      return { type: 'CONTINUE', trigger: state.config.purpose === 'reset' && state.newPassword !== undefined ? 'poll' : 'user' };
    case 'completing':
      return { type: 'COMPLETE.SUCCESS' };
    default:
      throw new Error(`no happy-path event from ${state.step}`);
  }
}

/** Drives a flow to `done`, listing every step it passes through. */
function drive(config: FlowConfig, submitUrl: boolean): { steps: FlowStep[]; final: FlowState } {
  let state = createInitialState(config);
  const steps: FlowStep[] = [state.step];
  while (state.step !== 'done') {
    const next = transition(state, nextEvent(state, submitUrl));
    if (next === state || steps.length > 20) throw new Error(`stuck in ${state.step}`);
    state = next;
    steps.push(state.step);
  }
  return { steps, final: state };
}

const ADD_LINK: FlowStep[] = ['checking', 'enterAddress', 'requesting', 'awaitingLink', 'completing', 'done'];
const ADD_CODE: FlowStep[] = ['checking', 'enterAddress', 'requesting', 'awaitingCode', 'submittingCode', 'completing', 'done'];

const paths: { name: string; config: FlowConfig; submitUrl: boolean; steps: FlowStep[] }[] = [
  { name: 'add email, link', config: flowConfig(), submitUrl: false, steps: ADD_LINK },
  { name: 'add email, submit_url', config: flowConfig(), submitUrl: true, steps: ADD_CODE },
  { name: 'add phone, link', config: flowConfig({ medium: 'msisdn' }), submitUrl: false, steps: ADD_LINK },
  { name: 'add phone, submit_url', config: flowConfig({ medium: 'msisdn' }), submitUrl: true, steps: ADD_CODE },
  // Sign-up reads no capabilities (the host's /register already answered) and asks for no password.
  { name: 'register email, link', config: flowConfig({ purpose: 'register' }), submitUrl: false, steps: ADD_LINK.slice(1) },
  { name: 'register email, submit_url', config: flowConfig({ purpose: 'register' }), submitUrl: true, steps: ADD_CODE.slice(1) },
  { name: 'register phone, submit_url', config: flowConfig({ purpose: 'register', medium: 'msisdn' }), submitUrl: true, steps: ADD_CODE.slice(1) },
  ...(['email', 'msisdn'] as const).flatMap((medium) => {
    const label = medium === 'email' ? 'reset email' : 'reset phone';
    const before = flowConfig({ purpose: 'reset', medium, passwordStep: 'before-link' });
    const after = flowConfig({ purpose: 'reset', medium, passwordStep: 'after-link' });
    return [
      // A phone reset sends first whatever the password step: the server may refuse reset by phone (Synapse does),
      // and the person hears it before typing a password. So before-link by phone walks the after-link path.
      {
        name: `${label}, password before link, link`,
        config: before,
        submitUrl: false,
        steps: (medium === 'email'
          ? ['enterAddress', 'choosePassword', 'requesting', 'awaitingLink', 'completing', 'done']
          : ['enterAddress', 'requesting', 'awaitingLink', 'choosePassword', 'completing', 'done']) satisfies FlowStep[],
      },
      {
        name: `${label}, password before link, submit_url`,
        config: before,
        submitUrl: true,
        steps: (medium === 'email'
          ? ['enterAddress', 'choosePassword', 'requesting', 'awaitingCode', 'submittingCode', 'completing', 'done']
          : ['enterAddress', 'requesting', 'awaitingCode', 'submittingCode', 'choosePassword', 'completing', 'done']) satisfies FlowStep[],
      },
      {
        name: `${label}, password after link, link`,
        config: after,
        submitUrl: false,
        steps: ['enterAddress', 'requesting', 'awaitingLink', 'choosePassword', 'completing', 'done'] satisfies FlowStep[],
      },
      {
        name: `${label}, password after link, submit_url`,
        config: after,
        submitUrl: true,
        steps: ['enterAddress', 'requesting', 'awaitingCode', 'submittingCode', 'choosePassword', 'completing', 'done'] satisfies FlowStep[],
      },
    ];
  }),
];

describe('happy paths', () => {
  it.each(paths)('should reach done for $name', ({ config, submitUrl, steps }) => {
    const { steps: visited, final } = drive(config, submitUrl);
    expect(visited).toEqual(steps);
    const address = config.medium === 'email' ? EMAIL : PHONE.address;
    expect(final.session).toMatchObject({ medium: config.medium, address, clientSecret: SECRET, sid: SID, sendAttempt: 1 });
    expect(final.session?.submitUrl).toBe(submitUrl ? SUBMIT_URL : undefined);
    if (config.medium === 'msisdn') expect(final.session).toMatchObject({ country: PHONE.country, phoneNumber: PHONE.phoneNumber });
    expect(final.error).toBeUndefined();
    expect(final.resendCount).toBe(0);
    expect(isBusy(final)).toBe(false);
    expect(isAwaiting(final)).toBe(false);
  });
});

describe('add flows with a User-Interactive Auth round', () => {
  it.each(['email', 'msisdn'] as const)(
    'should authenticate, go back to the link step while not validated, keep the UIA session and finish on a poll (%s)',
    (medium) => {
      const config = flowConfig({ medium });
      const waiting = run(
        createInitialState(config),
        { type: 'CAPABILITIES.SUCCESS', capabilities: { threepidChanges: true, changePassword: true } },
        submitAddress(medium),
        { type: 'REQUEST.SUCCESS', sid: SID, now: NOW },
      );
      const events: FlowEvent[] = [
        { type: 'CONTINUE', trigger: 'user' },
        uiaChallenge(),
        { type: 'AUTH.START' },
        notYetValidated('add'),
      ];
      expect(stepsOf(waiting, events)).toEqual(['completing', 'authenticating', 'completing', 'awaitingLink']);
      const back = run(waiting, ...events);
      expect(back.session).toMatchObject({ uiaSession: UIA_SESSION, sid: SID, clientSecret: SECRET });
      expect(back.error).toMatchObject({ kind: 'notYetValidated' });

      const polled = transition(back, { type: 'CONTINUE', trigger: 'poll' });
      expect(polled).toMatchObject({ step: 'completing', trigger: 'poll', session: { uiaSession: UIA_SESSION } });
      expect(isBusy(polled)).toBe(false);
      const done = transition(polled, { type: 'COMPLETE.SUCCESS' });
      expect(done.step).toBe('done');
      expect(done.error).toBeUndefined();
    },
  );

  it.each(['email', 'msisdn'] as const)('should authenticate after a typed code and finish (%s)', (medium) => {
    const config = flowConfig({ medium });
    const waiting = run(
      createInitialState(config),
      { type: 'CAPABILITIES.FAILURE' },
      submitAddress(medium),
      { type: 'REQUEST.SUCCESS', sid: SID, submitUrl: SUBMIT_URL, now: NOW },
    );
    const events: FlowEvent[] = [
      { type: 'CODE.SUBMIT', code: '123456' },
      { type: 'CODE.SUCCESS' },
      uiaChallenge(),
      { type: 'AUTH.START' },
      { type: 'COMPLETE.SUCCESS' },
    ];
    expect(stepsOf(waiting, events)).toEqual(['submittingCode', 'completing', 'authenticating', 'completing', 'done']);
  });

  it('should keep the UIA session when a reset is told to wait for the link', () => {
    const state = run(createInitialState(flowConfig({ purpose: 'reset' })), submitAddress('email'), {
      type: 'PASSWORD.SUBMIT',
      password: PASSWORD,
      logoutDevices: false,
    }, { type: 'REQUEST.SUCCESS', sid: SID, now: NOW }, { type: 'CONTINUE', trigger: 'poll' }, notYetValidated('reset'));
    expect(state.step).toBe('awaitingLink');
    expect(state.session?.uiaSession).toBe('reset-uia');
  });
});
