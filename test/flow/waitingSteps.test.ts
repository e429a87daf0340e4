import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import { EMAIL, flowConfig, LATER, NOW, PASSWORD, run, SECRET, SERVER_ERROR, SID, stateAt, SUBMIT_URL } from './fixtures';

const addEmail = flowConfig();
const addPhone = flowConfig({ medium: 'msisdn' });
const resetBefore = flowConfig({ purpose: 'reset', passwordStep: 'before-link' });
const resetAfter = flowConfig({ purpose: 'reset', passwordStep: 'after-link' });

describe('requesting', () => {
  it('should wait for a link when the server gives no submit_url', () => {
    const next = transition(stateAt('requesting', addEmail), { type: 'REQUEST.SUCCESS', sid: SID, now: NOW });
    expect(next.step).toBe('awaitingLink');
    expect(next.session).toMatchObject({ sid: SID, clientSecret: SECRET, sendAttempt: 1, startedAt: NOW, lastRequestFailed: false });
    expect(next.session?.submitUrl).toBeUndefined();
  });

  it('should ask for the code when the server gives a submit_url', () => {
    const next = transition(stateAt('requesting', addPhone), { type: 'REQUEST.SUCCESS', sid: SID, submitUrl: SUBMIT_URL, now: NOW });
    expect(next.step).toBe('awaitingCode');
    expect(next.session?.submitUrl).toBe(SUBMIT_URL);
  });

  it('should start the resend cooldown from the time of the answer', () => {
    const next = transition(stateAt('requesting', addEmail), { type: 'REQUEST.SUCCESS', sid: SID, now: NOW + 5 });
    expect(next.session?.cooldownUntil).toBe(NOW + 5 + 30_000);
  });

  it('should follow the latest answer when a resend drops or adds the submit_url', () => {
    const code = stateAt('awaitingCode', addPhone);
    const dropped = run(code, { type: 'RESEND', now: LATER }, { type: 'REQUEST.SUCCESS', sid: SID, now: LATER });
    expect(dropped.step).toBe('awaitingLink');
    expect(dropped.session?.submitUrl).toBeUndefined();
    const added = run(stateAt('awaitingLink', addEmail), { type: 'RESEND', now: LATER }, { type: 'REQUEST.SUCCESS', sid: SID, submitUrl: SUBMIT_URL, now: LATER });
    expect(added).toMatchObject({ step: 'awaitingCode', session: { submitUrl: SUBMIT_URL } });
  });

  it('should keep the first send time across resends', () => {
    const next = run(stateAt('awaitingLink', addEmail), { type: 'RESEND', now: LATER }, { type: 'REQUEST.SUCCESS', sid: SID, now: LATER });
    expect(next.session?.startedAt).toBe(NOW);
  });

  it('should count a successful resend but not the first send', () => {
    const first = stateAt('awaitingLink', addEmail);
    expect(first.resendCount).toBe(0);
    const resent = run(first, { type: 'RESEND', now: LATER }, { type: 'REQUEST.SUCCESS', sid: SID, now: LATER });
    expect(resent.resendCount).toBe(1);
    const failed = run(resent, { type: 'RESEND', now: LATER * 2 }, { type: 'REQUEST.FAILURE', error: SERVER_ERROR, now: LATER * 2 });
    expect(failed.resendCount).toBe(1);
  });

  it('should return to the address form with the error when the first request fails', () => {
    const next = transition(stateAt('requesting', addEmail), { type: 'REQUEST.FAILURE', error: SERVER_ERROR, now: NOW });
    expect(next).toMatchObject({ step: 'enterAddress', error: SERVER_ERROR, draft: { address: EMAIL }, session: { lastRequestFailed: true } });
  });

  it('should return to the address form (password kept) when a reset request fails after the password step', () => {
    const next = transition(stateAt('requesting', resetBefore), { type: 'REQUEST.FAILURE', error: { kind: 'threepidNotFound' }, now: NOW });
    expect(next).toMatchObject({ step: 'enterAddress', error: { kind: 'threepidNotFound' }, newPassword: PASSWORD });
  });

  it('should return to the waiting step with the error when a resend fails', () => {
    const next = run(stateAt('awaitingCode', addPhone), { type: 'RESEND', now: LATER }, { type: 'REQUEST.FAILURE', error: SERVER_ERROR, now: LATER });
    expect(next).toMatchObject({ step: 'awaitingCode', error: SERVER_ERROR, session: { sid: SID, submitUrl: SUBMIT_URL } });
  });

  it('should go back to the address form on ADDRESS.CHANGE, the session kept for the same address', () => {
    const next = transition(stateAt('requesting', addEmail), { type: 'ADDRESS.CHANGE' });
    expect(next).toMatchObject({ step: 'enterAddress', draft: { address: EMAIL }, session: { clientSecret: SECRET } });
  });
});

describe('awaitingCode', () => {
  it('should submit the typed code', () => {
    const next = transition(stateAt('awaitingCode', addPhone), { type: 'CODE.SUBMIT', code: '482910' });
    expect(next).toMatchObject({ step: 'submittingCode', draft: { code: '482910' } });
  });

  it('should clear an earlier error when a code is submitted', () => {
    const wrong = run(stateAt('submittingCode', addPhone), { type: 'CODE.FAILURE', error: { kind: 'invalidCode' } });
    expect(transition(wrong, { type: 'CODE.SUBMIT', code: '1' }).error).toBeUndefined();
  });

  it('should ask for another SMS on RESEND once the cooldown is over', () => {
    const next = transition(stateAt('awaitingCode', addPhone), { type: 'RESEND', now: LATER });
    expect(next).toMatchObject({ step: 'requesting', returnTo: 'awaitingCode', session: { sendAttempt: 2, clientSecret: SECRET } });
  });

  it('should go back to the address form on ADDRESS.CHANGE and forget the code typed for the old session', () => {
    const typed = run(stateAt('submittingCode', addPhone), { type: 'CODE.FAILURE', error: { kind: 'invalidCode' } });
    const next = transition(typed, { type: 'ADDRESS.CHANGE' });
    expect(next.step).toBe('enterAddress');
    expect(next.error).toBeUndefined();
    expect(next.draft).toMatchObject({ code: '', country: 'GB' });
  });

  it('should hide the error on ERROR.DISMISS and keep the typed code', () => {
    const wrong = run(stateAt('submittingCode', addPhone), { type: 'CODE.FAILURE', error: { kind: 'invalidCode' } });
    const next = transition(wrong, { type: 'ERROR.DISMISS' });
    expect(next.error).toBeUndefined();
    expect(next).toMatchObject({ step: 'awaitingCode', draft: { code: '123456' } });
  });
});

describe('submittingCode', () => {
  it('should complete once the code is accepted', () => {
    const next = transition(stateAt('submittingCode', addPhone), { type: 'CODE.SUCCESS' });
    expect(next).toMatchObject({ step: 'completing', trigger: 'user', returnTo: 'awaitingCode' });
  });

  it('should ask for the new password once the code is accepted (reset, after-link)', () => {
    const next = transition(stateAt('submittingCode', resetAfter), { type: 'CODE.SUCCESS' });
    expect(next.step).toBe('choosePassword');
  });

  it('should complete at once when the password was chosen before (reset, before-link)', () => {
    const next = transition(stateAt('submittingCode', resetBefore), { type: 'CODE.SUCCESS' });
    expect(next).toMatchObject({ step: 'completing', newPassword: PASSWORD });
  });

  it('should stay on the code step with the error and the typed code when the code is wrong', () => {
    const error = { kind: 'invalidCode', status: 400, errcode: 'M_TOKEN_INCORRECT' } as const;
    const next = transition(stateAt('submittingCode', addPhone), { type: 'CODE.FAILURE', error });
    expect(next).toMatchObject({ step: 'awaitingCode', error, draft: { code: '123456' }, session: { sid: SID } });
  });

  it('should go back to the address form on ADDRESS.CHANGE', () => {
    expect(transition(stateAt('submittingCode', addPhone), { type: 'ADDRESS.CHANGE' }).step).toBe('enterAddress');
  });
});

describe('awaitingLink', () => {
  it('should try to complete when the person says the link was followed', () => {
    const next = transition(stateAt('awaitingLink', addEmail), { type: 'CONTINUE', trigger: 'user' });
    expect(next).toMatchObject({ step: 'completing', trigger: 'user', returnTo: 'awaitingLink' });
  });

  it('should try to complete on a poll, keeping what is on screen', () => {
    const shown = { ...stateAt('awaitingLink', addEmail), error: { kind: 'notYetValidated' as const } };
    const next = transition(shown, { type: 'CONTINUE', trigger: 'poll' });
    expect(next).toMatchObject({ step: 'completing', trigger: 'poll', error: { kind: 'notYetValidated' } });
  });

  it('should clear an earlier error on a click', () => {
    const shown = { ...stateAt('awaitingLink', addEmail), error: { kind: 'notYetValidated' as const } };
    expect(transition(shown, { type: 'CONTINUE', trigger: 'user' }).error).toBeUndefined();
  });

  it('should ask for the new password on a click when the reset has none yet (after-link)', () => {
    const next = transition(stateAt('awaitingLink', resetAfter), { type: 'CONTINUE', trigger: 'user' });
    expect(next.step).toBe('choosePassword');
  });

  it('should ignore a poll while the reset has no new password', () => {
    const state = stateAt('awaitingLink', resetAfter);
    expect(transition(state, { type: 'CONTINUE', trigger: 'poll' })).toBe(state);
  });

  it('should complete on a poll once the reset has its password (before-link)', () => {
    expect(transition(stateAt('awaitingLink', resetBefore), { type: 'CONTINUE', trigger: 'poll' }).step).toBe('completing');
  });

  it('should ask for another email on RESEND once the cooldown is over', () => {
    const next = transition(stateAt('awaitingLink', addEmail), { type: 'RESEND', now: LATER });
    expect(next).toMatchObject({ step: 'requesting', returnTo: 'awaitingLink', session: { sendAttempt: 2 } });
  });

  it('should go back to the address form on ADDRESS.CHANGE', () => {
    expect(transition(stateAt('awaitingLink', addEmail), { type: 'ADDRESS.CHANGE' })).toMatchObject({ step: 'enterAddress', draft: { address: EMAIL } });
  });

  it('should hide the error on ERROR.DISMISS', () => {
    const shown = { ...stateAt('awaitingLink', addEmail), error: { kind: 'notYetValidated' as const } };
    const next = transition(shown, { type: 'ERROR.DISMISS' });
    expect(next.step).toBe('awaitingLink');
    expect(next.error).toBeUndefined();
  });
});
