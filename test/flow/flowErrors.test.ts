import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import type { FlowConfig, FlowError, FlowErrorKind } from '../../src/flow/types';
import {
  EMAIL,
  flowConfig,
  flowError,
  LATER,
  NOW,
  notYetValidated,
  PASSWORD,
  PHONE,
  run,
  SERVER_ERROR,
  SID,
  started,
  stateAt,
  submitAddress,
  SUBMIT_URL,
  uiaChallenge,
  uiaInfo,
} from './fixtures';

const addEmail = flowConfig();
const addPhone = flowConfig({ medium: 'msisdn' });
const resetEmail = flowConfig({ purpose: 'reset' });
const resetPhone = flowConfig({ purpose: 'reset', medium: 'msisdn' });

const requestKinds: FlowErrorKind[] = ['threepidInUse', 'threepidNotFound', 'threepidDenied', 'invalidAddress', 'serverNotTrusted', 'rateLimited', 'forbidden', 'loggedOut', 'offline', 'timeout', 'server', 'unknown'];

describe('errors keep the step and what was typed', () => {
  it.each(requestKinds)('should stay on the phone form with country and number after a %s request failure', (kind) => {
    const next = run(started(addPhone), submitAddress('msisdn'), { type: 'REQUEST.FAILURE', error: { kind }, now: NOW });
    expect(next).toMatchObject({ step: 'enterAddress', error: { kind }, draft: { address: PHONE.address, country: 'GB', phoneNumber: PHONE.phoneNumber } });
  });

  it.each(requestKinds)('should stay on the email form with the address after a %s request failure', (kind) => {
    const next = run(started(resetEmail), submitAddress('email'), { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false }, { type: 'REQUEST.FAILURE', error: { kind }, now: NOW });
    expect(next).toMatchObject({ step: 'enterAddress', error: { kind }, draft: { address: EMAIL } });
  });

  it.each<FlowErrorKind>(['invalidCode', 'sessionExpired', 'invalidSubmitUrl', 'offline', 'server'])('should keep the typed code after a %s code failure', (kind) => {
    const next = run(stateAt('awaitingCode', addPhone), { type: 'CODE.SUBMIT', code: '99 88 77' }, { type: 'CODE.FAILURE', error: { kind } });
    expect(next).toMatchObject({ step: 'awaitingCode', error: { kind }, draft: { code: '99 88 77', country: 'GB', phoneNumber: PHONE.phoneNumber } });
  });

  it.each<FlowErrorKind>(['threepidInUse', 'loggedOut', 'forbidden', 'sessionExpired', 'offline', 'timeout', 'server'])(
    'should go back to waiting with the draft and the session after a %s completion failure',
    (kind) => {
      const completing = run(stateAt('awaitingCode', addPhone), { type: 'CODE.SUBMIT', code: '123456' }, { type: 'CODE.SUCCESS' });
      const next = transition(completing, { type: 'COMPLETE.FAILURE', error: { kind } });
      expect(next).toMatchObject({ step: 'awaitingCode', error: { kind }, draft: { code: '123456', country: 'GB' }, session: { sid: SID, submitUrl: SUBMIT_URL } });
    },
  );
});

describe.each<[string, FlowConfig]>([
  ['add', addEmail],
  ['reset', resetEmail],
])('not validated yet (%s)', (_name, config) => {
  const nyv = notYetValidated(config.purpose);

  it('should go back to the link step and explain after a click', () => {
    const next = run(stateAt('awaitingLink', config), { type: 'CONTINUE', trigger: 'user' }, nyv);
    expect(next).toMatchObject({ step: 'awaitingLink', error: { kind: 'notYetValidated' } });
    expect(next.trigger).toBeUndefined();
  });

  it('should go back to the link step silently after a poll', () => {
    // The reset chose its password before the link, so it may poll.
    const next = run(stateAt('awaitingLink', config), { type: 'CONTINUE', trigger: 'poll' }, nyv);
    expect(next.step).toBe('awaitingLink');
    expect(next.error).toBeUndefined();
  });

  it('should keep an earlier error exactly as it was after a poll', () => {
    const clicked = run(stateAt('awaitingLink', config), { type: 'CONTINUE', trigger: 'user' }, nyv);
    const shown = clicked.error;
    const polled = run(clicked, { type: 'CONTINUE', trigger: 'poll' }, nyv);
    expect(polled.error).toBe(shown);
    const cancelled: FlowError = { kind: 'authCancelled' };
    const other = run({ ...stateAt('awaitingLink', config), error: cancelled }, { type: 'CONTINUE', trigger: 'poll' }, nyv);
    expect(other.error).toBe(cancelled);
  });
});

describe('unavailable', () => {
  it.each<[string, FlowConfig, FlowError, string]>([
    ['an email medium the server cannot send', addEmail, flowError({ status: 400, errcode: 'M_THREEPID_MEDIUM_NOT_SUPPORTED' }, 'request'), 'mediumNotSupported'],
    [
      "Synapse's phone refusal",
      addPhone,
      flowError({ status: 400, errcode: 'M_UNKNOWN', serverMessage: 'Adding phone numbers to user account is not supported by this homeserver' }, 'request'),
      'mediumNotSupported',
    ],
    ['an endpoint the server does not offer', resetPhone, flowError({ status: 400, errcode: 'M_UNRECOGNIZED' }, 'request'), 'notOffered'],
    ['a 404 endpoint', resetPhone, flowError({ status: 404, errcode: 'M_UNKNOWN' }, 'request'), 'notOffered'],
  ])('should say the flow is unavailable on the first request for %s', (_name, config, error, reason) => {
    const next = run(started(config), ...(config.purpose === 'reset' ? [submitAddress(config.medium), { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false } as const] : [submitAddress(config.medium)]), {
      type: 'REQUEST.FAILURE',
      error,
      now: NOW,
    });
    expect(next).toMatchObject({ step: 'unavailable', unavailable: reason, error: { kind: reason } });
  });

  it.each<FlowErrorKind>(['mediumNotSupported', 'notOffered'])('should stay waiting with the error when a resend meets %s', (kind) => {
    const next = run(stateAt('awaitingLink', addEmail), { type: 'RESEND', now: LATER }, { type: 'REQUEST.FAILURE', error: { kind }, now: LATER });
    expect(next).toMatchObject({ step: 'awaitingLink', error: { kind }, session: { sid: SID } });
    expect(next.unavailable).toBeUndefined();
  });

  it('should say 3PID changes are disabled when capabilities say so, before any request', () => {
    const next = transition(stateAt('checking', addPhone), { type: 'CAPABILITIES.SUCCESS', capabilities: { threepidChanges: false, changePassword: true } });
    expect(next).toMatchObject({ step: 'unavailable', unavailable: 'threepidChangesDisabled' });
    expect(next.session).toBeUndefined();
    expect(transition(next, submitAddress('msisdn'))).toBe(next);
  });

  it('should let the person type an address when capabilities cannot be read', () => {
    const next = transition(stateAt('checking', addPhone), { type: 'CAPABILITIES.FAILURE' });
    expect(next.step).toBe('enterAddress');
    expect(transition(next, submitAddress('msisdn')).step).toBe('requesting');
  });
});

describe('password errors', () => {
  it.each(['M_WEAK_PASSWORD', 'M_PASSWORD_TOO_SHORT'])('should ask for another password on %s, forgetting the refused one', (errcode) => {
    const config = flowConfig({ purpose: 'reset', passwordStep: 'before-link' });
    const next = transition(stateAt('completing', config), { type: 'COMPLETE.FAILURE', error: flowError({ status: 400, errcode }) });
    expect(next).toMatchObject({ step: 'choosePassword', error: { kind: 'weakPassword' }, session: { sid: SID } });
    expect(next.newPassword).toBeUndefined();
    const retried = transition(next, { type: 'PASSWORD.SUBMIT', password: 'a-much-Longer-passphrase-77', logoutDevices: false });
    expect(retried).toMatchObject({ step: 'completing', newPassword: 'a-much-Longer-passphrase-77' });
    expect(retried.error).toBeUndefined();
  });

  it('should ask for another password after a typed code and come back to the code step on the next failure', () => {
    const config = flowConfig({ purpose: 'reset', medium: 'msisdn', passwordStep: 'after-link' });
    const weak = transition(stateAt('completing', config, { submitUrl: true }), { type: 'COMPLETE.FAILURE', error: { kind: 'weakPassword' } });
    expect(weak.step).toBe('choosePassword');
    const again = run(weak, { type: 'PASSWORD.SUBMIT', password: 'another-Long-one-12', logoutDevices: false }, { type: 'COMPLETE.FAILURE', error: SERVER_ERROR });
    expect(again.step).toBe('awaitingCode');
  });

  it('should keep an add flow on its waiting step with the message when the server calls something a weak password', () => {
    // Only a reset has a password step to go back to.
    const next = transition(stateAt('completing', addEmail), { type: 'COMPLETE.FAILURE', error: flowError({ status: 400, errcode: 'M_WEAK_PASSWORD' }) });
    expect(next).toMatchObject({ step: 'awaitingLink', error: { kind: 'weakPassword' } });
  });

  it('should stay on the auth step with wrongPassword when UIA answers 401 M_FORBIDDEN', () => {
    const uia = uiaInfo();
    const error = flowError({ status: 401, errcode: 'M_FORBIDDEN', serverMessage: 'Invalid username or password', uia });
    const next = run(stateAt('completing', addEmail), uiaChallenge(), { type: 'AUTH.START' }, { type: 'COMPLETE.FAILURE', error, uia });
    expect(next).toMatchObject({ step: 'authenticating', uia, error: { kind: 'wrongPassword', status: 401 } });
    // The person tries again: the error goes away while the new attempt runs.
    expect(transition(next, { type: 'AUTH.START' }).error).toBeUndefined();
  });

  it('should go back to waiting with authCancelled when the person gives up auth', () => {
    const next = run(stateAt('completing', addEmail), uiaChallenge(), { type: 'AUTH.CANCEL' });
    expect(next).toMatchObject({ step: 'awaitingLink', error: { kind: 'authCancelled' }, draft: { address: EMAIL } });
    expect(transition(next, { type: 'CONTINUE', trigger: 'user' }).step).toBe('completing');
  });
});

describe('restoring a session', () => {
  it.each(['awaitingCode', 'awaitingLink'] as const)('should resume at %s and accept that step’s events', (step) => {
    const session = {
      medium: 'email' as const,
      address: EMAIL,
      clientSecret: 'restoredSecret',
      sid: 'sid-restored',
      sendAttempt: 3,
      startedAt: NOW,
      cooldownUntil: NOW + 30_000,
      ...(step === 'awaitingCode' ? { submitUrl: SUBMIT_URL } : {}),
    };
    const restored = transition(stateAt('checking', addEmail), { type: 'RESTORE', session, step });
    expect(restored).toMatchObject({ step, session, draft: { address: EMAIL } });
    const resent = transition(restored, { type: 'RESEND', now: LATER });
    expect(resent.session).toMatchObject({ sendAttempt: 4, clientSecret: 'restoredSecret' });
  });

  it('should ask a restored reset for the new password before completing', () => {
    const session = { medium: 'email' as const, address: EMAIL, clientSecret: 'restoredSecret', sid: 'sid-restored', sendAttempt: 1 };
    const restored = transition(started(resetEmail), { type: 'RESTORE', session, step: 'awaitingLink' });
    const asked = transition(restored, { type: 'CONTINUE', trigger: 'user' });
    expect(asked.step).toBe('choosePassword');
    expect(transition(asked, { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false })).toMatchObject({ step: 'completing', returnTo: 'awaitingLink' });
  });

  it('should not restore over a flow that is already under way', () => {
    const waiting = stateAt('awaitingLink', addEmail);
    const restore = { type: 'RESTORE', session: { medium: 'email', address: 'x@y.z', clientSecret: 's', sid: 'other', sendAttempt: 1 }, step: 'awaitingLink' } as const;
    expect(transition(waiting, restore)).toBe(waiting);
  });
});
