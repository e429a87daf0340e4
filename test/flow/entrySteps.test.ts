import { describe, expect, it } from 'vitest';
import { createInitialState, DEFAULT_RESEND_COOLDOWN_MS, transition } from '../../src/flow/machine';
import {
  ACCOUNT_MANAGEMENT,
  EMAIL,
  flowConfig,
  flowError,
  NOW,
  OTHER_EMAIL,
  PASSWORD,
  PHONE,
  run,
  savedSession,
  SECRET,
  SERVER_ERROR,
  SID,
  started,
  stateAt,
  submitAddress,
} from './fixtures';

const addEmail = flowConfig();
const addPhone = flowConfig({ medium: 'msisdn' });
const resetBefore = flowConfig({ purpose: 'reset', passwordStep: 'before-link' });
const resetAfter = flowConfig({ purpose: 'reset', passwordStep: 'after-link' });

describe('createInitialState', () => {
  it('should start add flows by checking capabilities and reset flows at the address form', () => {
    expect(createInitialState(addEmail).step).toBe('checking');
    expect(createInitialState(resetBefore).step).toBe('enterAddress');
  });

  it('should start with an empty draft, no session, devices kept signed in and no resend yet', () => {
    const state = createInitialState(addPhone);
    expect(state).toMatchObject({ draft: { address: '', code: '' }, logoutDevices: false, resendCount: 0, config: addPhone });
    expect(state.session).toBeUndefined();
    expect(state.error).toBeUndefined();
  });

  it('should prefill the draft a host passes', () => {
    expect(createInitialState(addEmail, { address: EMAIL }).draft).toEqual({ address: EMAIL, code: '' });
  });

  it('should default the resend cooldown to 30 seconds', () => {
    expect(DEFAULT_RESEND_COOLDOWN_MS).toBe(30_000);
  });
});

describe('checking', () => {
  const checking = createInitialState(addEmail);

  it('should show the address form when the server allows 3PID changes', () => {
    const caps = { threepidChanges: true, changePassword: false };
    const next = transition(checking, { type: 'CAPABILITIES.SUCCESS', capabilities: caps });
    expect(next).toMatchObject({ step: 'enterAddress', capabilities: caps });
    expect(next.unavailable).toBeUndefined();
  });

  it('should say the flow is unavailable when the server disabled 3PID changes', () => {
    const caps = { threepidChanges: false, changePassword: true };
    const next = transition(checking, { type: 'CAPABILITIES.SUCCESS', capabilities: caps });
    expect(next).toMatchObject({ step: 'unavailable', unavailable: 'threepidChangesDisabled', capabilities: caps });
  });

  it('should let the person try anyway when capabilities cannot be read', () => {
    const next = transition(checking, { type: 'CAPABILITIES.FAILURE' });
    expect(next.step).toBe('enterAddress');
    expect(next.error).toBeUndefined();
  });

  it('should resume a saved session at the step it was saved in', () => {
    const session = savedSession('email');
    const next = transition(checking, { type: 'RESTORE', session, step: 'awaitingLink' });
    expect(next).toMatchObject({ step: 'awaitingLink', session, draft: { address: EMAIL } });
  });
});

describe('unavailable', () => {
  it('should offer the other medium when only this one is not supported', () => {
    const state = stateAt('unavailable', flowConfig({ purpose: 'reset', medium: 'msisdn' }));
    const next = transition(state, { type: 'MEDIUM.SWITCH', medium: 'email' });
    expect(next).toMatchObject({ step: 'enterAddress', config: { medium: 'email' }, draft: { address: '', code: '' } });
    expect(next.session).toBeUndefined();
    expect(next.error).toBeUndefined();
    expect(next.unavailable).toBeUndefined();
  });

  it('should not offer another medium when the server disabled 3PID changes altogether', () => {
    const disabled = transition(createInitialState(addEmail), {
      type: 'CAPABILITIES.SUCCESS',
      capabilities: { threepidChanges: false, changePassword: true },
    });
    expect(transition(disabled, { type: 'MEDIUM.SWITCH', medium: 'msisdn' })).toBe(disabled);
  });

  it('should start over from the capability check on RESET', () => {
    const state = stateAt('unavailable', addEmail);
    const next = transition(state, { type: 'RESET' });
    expect(next.step).toBe('checking');
    expect(next.unavailable).toBeUndefined();
    expect(next.error).toBeUndefined();
  });
});

describe('enterAddress', () => {
  it('should start the request with the typed email, a fresh session and send_attempt 1', () => {
    const next = transition(started(addEmail), submitAddress('email'));
    expect(next).toMatchObject({
      step: 'requesting',
      returnTo: 'enterAddress',
      draft: { address: EMAIL, code: '' },
      session: { medium: 'email', address: EMAIL, clientSecret: SECRET, sendAttempt: 1 },
    });
    expect(next.session?.sid).toBeUndefined();
  });

  it('should keep the country and national number of a phone in the draft and the session', () => {
    const next = transition(started(addPhone), submitAddress('msisdn'));
    expect(next.draft).toMatchObject({ address: PHONE.address, country: 'GB', phoneNumber: PHONE.phoneNumber });
    expect(next.session).toMatchObject({ medium: 'msisdn', address: PHONE.address, country: 'GB', phoneNumber: PHONE.phoneNumber });
  });

  it('should ask for the new password first in a reset with the password before the link', () => {
    const next = transition(started(resetBefore), submitAddress('email'));
    expect(next.step).toBe('choosePassword');
    expect(next.session).toMatchObject({ address: EMAIL, sendAttempt: 1 });
  });

  it('should request at once in a reset with the password after the link', () => {
    expect(transition(started(resetAfter), submitAddress('email')).step).toBe('requesting');
  });

  it('should clear an earlier error when the person submits again', () => {
    const failed = run(started(addEmail), submitAddress('email'), { type: 'REQUEST.FAILURE', error: { kind: 'offline' }, now: NOW });
    expect(failed.error).toBeDefined();
    expect(transition(failed, submitAddress('email')).error).toBeUndefined();
  });

  it('should switch medium with an empty form', () => {
    const typed = run(started(resetBefore), submitAddress('email'), { type: 'ADDRESS.CHANGE' });
    const next = transition(typed, { type: 'MEDIUM.SWITCH', medium: 'msisdn' });
    expect(next).toMatchObject({ step: 'enterAddress', config: { medium: 'msisdn' }, draft: { address: '', code: '' } });
    expect(next.session).toBeUndefined();
  });

  it('should ignore a switch to the medium already in use', () => {
    const state = started(resetBefore);
    expect(transition(state, { type: 'MEDIUM.SWITCH', medium: 'email' })).toBe(state);
  });

  it('should hide the error on ERROR.DISMISS and keep the draft', () => {
    const failed = run(started(addEmail), submitAddress('email'), { type: 'REQUEST.FAILURE', error: { kind: 'offline' }, now: NOW });
    const next = transition(failed, { type: 'ERROR.DISMISS' });
    expect(next.error).toBeUndefined();
    expect(next.draft.address).toBe(EMAIL);
    expect(next.step).toBe('enterAddress');
  });

  it('should resume a saved phone session with its country and number in the draft', () => {
    const session = savedSession('msisdn', { submitUrl: 'https://matrix.example.org/submit' });
    const next = transition(started(flowConfig({ purpose: 'reset', medium: 'msisdn' })), { type: 'RESTORE', session, step: 'awaitingCode' });
    expect(next).toMatchObject({ step: 'awaitingCode', session });
    expect(next.draft).toMatchObject({ address: PHONE.address, country: 'GB', phoneNumber: PHONE.phoneNumber });
  });
});

describe('choosePassword', () => {
  it('should keep the password and the sign-out choice, then request the token (before-link)', () => {
    const state = stateAt('choosePassword', resetBefore);
    const next = transition(state, { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: true });
    expect(next).toMatchObject({ step: 'requesting', returnTo: 'choosePassword', newPassword: PASSWORD, logoutDevices: true });
  });

  it('should finish at once when the link was already followed (after-link)', () => {
    const state = stateAt('choosePassword', resetAfter);
    const next = transition(state, { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false });
    expect(next).toMatchObject({ step: 'completing', trigger: 'user', returnTo: 'awaitingLink', newPassword: PASSWORD, logoutDevices: false });
  });

  it('should finish after a typed code and return to the code step on failure (after-link)', () => {
    const state = stateAt('choosePassword', resetAfter, { submitUrl: true });
    const next = transition(state, { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: false });
    expect(next).toMatchObject({ step: 'completing', returnTo: 'awaitingCode', newPassword: PASSWORD });
    expect(transition(next, { type: 'COMPLETE.FAILURE', error: SERVER_ERROR }).step).toBe('awaitingCode');
  });

  it('should go back to the address form on ADDRESS.CHANGE, keeping what was typed', () => {
    const next = transition(stateAt('choosePassword', resetBefore), { type: 'ADDRESS.CHANGE' });
    expect(next).toMatchObject({ step: 'enterAddress', draft: { address: EMAIL } });
  });

  it('should hide the error on ERROR.DISMISS and stay', () => {
    const weak = run(stateAt('completing', resetBefore), { type: 'COMPLETE.FAILURE', error: flowError({ status: 400, errcode: 'M_WEAK_PASSWORD' }) });
    expect(weak).toMatchObject({ step: 'choosePassword', error: { kind: 'weakPassword' } });
    const next = transition(weak, { type: 'ERROR.DISMISS' });
    expect(next.step).toBe('choosePassword');
    expect(next.error).toBeUndefined();
  });
});

describe('accountManagement (an OAuth-era server)', () => {
  const threepids = [{ medium: 'email' as const, address: EMAIL, validatedAt: NOW, addedAt: NOW }];

  it('should replace the form, and whatever a reset had under way, with the account page', () => {
    const typing = run(started(resetBefore), submitAddress('email'));
    const next = transition(typing, { type: 'ACCOUNT.MANAGED', accountManagement: ACCOUNT_MANAGEMENT });
    expect(next).toMatchObject({ step: 'accountManagement', accountManagement: ACCOUNT_MANAGEMENT });
    expect(next.session).toBeUndefined();
    expect(next.newPassword).toBeUndefined();
  });

  it('should list the account’s addresses beside the page’s link, and read them again later', () => {
    const page = transition(started(addEmail), { type: 'ACCOUNT.MANAGED', accountManagement: ACCOUNT_MANAGEMENT });
    const listed = transition(page, { type: 'ACCOUNT.THREEPIDS', threepids });
    expect(listed.accountManagement).toEqual({ ...ACCOUNT_MANAGEMENT, threepids });
    expect(transition(listed, { type: 'ACCOUNT.THREEPIDS', threepids: [] }).accountManagement).toEqual({ ...ACCOUNT_MANAGEMENT, threepids: [] });
  });

  it('should not interrupt a flow already waiting for its email', () => {
    const waiting = stateAt('awaitingLink', addEmail);
    expect(transition(waiting, { type: 'ACCOUNT.MANAGED', accountManagement: ACCOUNT_MANAGEMENT })).toBe(waiting);
  });
});

describe('RESET', () => {
  it('should start again keeping the typed email', () => {
    const state = stateAt('awaitingLink', addEmail);
    const next = transition(state, { type: 'RESET' });
    expect(next).toEqual(createInitialState(addEmail, { address: EMAIL }));
  });

  it('should keep the typed phone number with its country', () => {
    const state = stateAt('awaitingCode', addPhone);
    const next = transition(state, { type: 'RESET' });
    expect(next.step).toBe('checking');
    expect(next.session).toBeUndefined();
    expect(next.draft).toMatchObject({ address: PHONE.address, country: 'GB', phoneNumber: PHONE.phoneNumber, code: '' });
  });

  it('should forget the address and the password once done', () => {
    const done = stateAt('done', resetBefore);
    const next = transition(done, { type: 'RESET' });
    expect(next).toEqual(createInitialState(resetBefore));
    expect(next.newPassword).toBeUndefined();
  });

  it('should drop the session, the error, the password and the resend count', () => {
    const state = run(stateAt('awaitingLink', resetBefore), { type: 'RESEND', now: NOW + 60_000 }, { type: 'REQUEST.SUCCESS', sid: SID, now: NOW + 61_000 });
    expect(state.resendCount).toBe(1);
    const next = transition(state, { type: 'RESET' });
    expect(next).toMatchObject({ step: 'enterAddress', resendCount: 0, logoutDevices: false });
    expect(next.session).toBeUndefined();
    expect(next.newPassword).toBeUndefined();
    expect(next.draft.address).toBe(EMAIL);
  });

  it('should keep a medium the person switched to', () => {
    const switched = transition(started(resetBefore), { type: 'MEDIUM.SWITCH', medium: 'msisdn' });
    expect(transition(switched, { type: 'RESET' }).config.medium).toBe('msisdn');
  });

  it('should start from a typed address that differs from the earlier one', () => {
    const state = run(started(addEmail), submitAddress('email', { which: 'other' }));
    expect(transition(state, { type: 'RESET' }).draft.address).toBe(OTHER_EMAIL);
  });
});
