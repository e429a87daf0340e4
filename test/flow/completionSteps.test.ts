import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import { flowConfig, flowError, PASSWORD, run, SERVER_ERROR, stateAt, UIA_SESSION, uiaChallenge, uiaInfo } from './fixtures';

const addEmail = flowConfig();
const addPhone = flowConfig({ medium: 'msisdn' });
const resetBefore = flowConfig({ purpose: 'reset', passwordStep: 'before-link' });

describe('completing', () => {
  it('should finish on success and clear what belonged to the attempt', () => {
    const next = transition(stateAt('completing', addEmail), { type: 'COMPLETE.SUCCESS' });
    expect(next.step).toBe('done');
    expect(next.error).toBeUndefined();
    expect(next.uia).toBeUndefined();
    expect(next.trigger).toBeUndefined();
  });

  it('should finish from the auth prompt when a check sent before the prompt succeeds, the prompt and its error gone', () => {
    const prompted = { ...stateAt('authenticating', addEmail), error: { kind: 'wrongPassword' as const } };
    expect(prompted.uia).toBeDefined();
    const next = transition(prompted, { type: 'COMPLETE.SUCCESS' });
    expect(next.step).toBe('done');
    expect(next.uia).toBeUndefined();
    expect(next.error).toBeUndefined();
    expect(next.session).toBe(prompted.session);
  });

  it('should keep the sign-out choice but drop the new password once the reset is done', () => {
    const completing = transition(stateAt('choosePassword', resetBefore), { type: 'PASSWORD.SUBMIT', password: PASSWORD, logoutDevices: true });
    const done = run(completing, { type: 'REQUEST.SUCCESS', sid: 's', now: 1 }, { type: 'CONTINUE', trigger: 'user' }, { type: 'COMPLETE.SUCCESS' });
    expect(done).toMatchObject({ step: 'done', logoutDevices: true });
    expect(done.newPassword).toBeUndefined();
  });

  it('should ask for User-Interactive Auth on a first 401 without calling it an error', () => {
    const next = transition(stateAt('completing', addEmail), uiaChallenge());
    expect(next).toMatchObject({ step: 'authenticating', uia: uiaInfo(), session: { uiaSession: UIA_SESSION, uiaCompleted: [] } });
    expect(next.error).toBeUndefined();
    expect(next.trigger).toBeUndefined();
  });

  it('should go back to the step it came from with a server error', () => {
    const fromLink = transition(stateAt('completing', addEmail), { type: 'COMPLETE.FAILURE', error: SERVER_ERROR });
    expect(fromLink).toMatchObject({ step: 'awaitingLink', error: SERVER_ERROR });
    const fromCode = transition(stateAt('completing', addPhone, { submitUrl: true }), { type: 'COMPLETE.FAILURE', error: SERVER_ERROR });
    expect(fromCode).toMatchObject({ step: 'awaitingCode', error: SERVER_ERROR });
  });

  it('should go back to the address form on ADDRESS.CHANGE', () => {
    const next = transition(stateAt('completing', addEmail), { type: 'ADDRESS.CHANGE' });
    expect(next.step).toBe('enterAddress');
    expect(next.uia).toBeUndefined();
  });
});

describe('authenticating', () => {
  it('should retry completion on AUTH.START as a user attempt', () => {
    const withError = transition(stateAt('authenticating', addEmail), { type: 'AUTH.FAILURE', error: { kind: 'popupBlocked' } });
    const next = transition(withError, { type: 'AUTH.START' });
    expect(next).toMatchObject({ step: 'completing', trigger: 'user', returnTo: 'awaitingLink' });
    expect(next.error).toBeUndefined();
  });

  it('should go back to waiting with a message on AUTH.CANCEL, keeping the UIA session', () => {
    const next = transition(stateAt('authenticating', addEmail), { type: 'AUTH.CANCEL' });
    expect(next).toMatchObject({ step: 'awaitingLink', error: { kind: 'authCancelled' }, session: { uiaSession: UIA_SESSION } });
    expect(next.uia).toBeUndefined();
  });

  it('should go back to the code step on AUTH.CANCEL when the code path led here', () => {
    const state = run(stateAt('completing', addPhone, { submitUrl: true }), uiaChallenge());
    expect(transition(state, { type: 'AUTH.CANCEL' }).step).toBe('awaitingCode');
  });

  it('should stay and say why when auth cannot start', () => {
    const next = transition(stateAt('authenticating', addEmail), { type: 'AUTH.FAILURE', error: { kind: 'popupBlocked' } });
    expect(next).toMatchObject({ step: 'authenticating', error: { kind: 'popupBlocked' }, uia: uiaInfo() });
  });

  it('should stay on the auth step with the error when the password is wrong', () => {
    const uia = uiaInfo();
    const wrong = flowError({ status: 401, errcode: 'M_FORBIDDEN', serverMessage: 'Invalid password', uia });
    const next = run(stateAt('authenticating', addEmail), { type: 'AUTH.START' }, { type: 'COMPLETE.FAILURE', error: wrong, uia });
    expect(next).toMatchObject({ step: 'authenticating', error: { kind: 'wrongPassword', errcode: 'M_FORBIDDEN' }, uia });
  });

  it('should hide the error on ERROR.DISMISS', () => {
    const blocked = transition(stateAt('authenticating', addEmail), { type: 'AUTH.FAILURE', error: { kind: 'popupBlocked' } });
    const next = transition(blocked, { type: 'ERROR.DISMISS' });
    expect(next.step).toBe('authenticating');
    expect(next.error).toBeUndefined();
  });
});

describe('done', () => {
  it('should ignore every event but RESET', () => {
    const done = stateAt('done', addEmail);
    expect(transition(done, { type: 'CONTINUE', trigger: 'user' })).toBe(done);
    expect(transition(done, { type: 'RESET' }).step).toBe('checking');
  });
});
