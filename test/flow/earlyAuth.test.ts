import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import { flowConfig, flowError, notYetValidated, run, SERVER_ERROR, stateAt, UIA_SESSION, uiaInfo } from './fixtures';

// Synapse checks User-Interactive Auth before the link (PROTOCOL "How Synapse behaves"): an add flow's first poll
// meets the prompt while the person still waits for the email, and the link screen asks for the password there.
const addEmail = flowConfig();
const asked = () => transition(stateAt('awaitingLink', addEmail), { type: 'AUTH.EARLY', uia: uiaInfo() });

describe('auth asked for on the link screen', () => {
  it('should keep the link screen, ask for auth and remember the server’s UIA session for the next attempts', () => {
    const state = asked();
    expect(state).toMatchObject({ step: 'awaitingLink', earlyAuth: true, uia: uiaInfo(), session: { sid: 'sid-one', uiaSession: UIA_SESSION } });
  });

  it('should send the answer as a click on the link screen, coming back there', () => {
    const answering = transition(asked(), { type: 'AUTH.START' });
    expect(answering).toMatchObject({ step: 'completing', trigger: 'user', returnTo: 'awaitingLink', earlyAuth: true });
    // The server's verdict on a failed answer brings the person back to the link screen, not to an address form.
    expect(transition(answering, { type: 'COMPLETE.FAILURE', error: SERVER_ERROR }).step).toBe('awaitingLink');
  });

  it('should take auth passed and the link not yet followed as a quiet wait, the prompt gone', () => {
    const answering = transition(asked(), { type: 'AUTH.START' });
    const next = transition(answering, notYetValidated('add'));
    expect(next).toMatchObject({ step: 'awaitingLink', session: { uiaSession: UIA_SESSION } });
    expect(next.uia).toBeUndefined();
    expect(next.earlyAuth).toBeUndefined();
    expect(next.error).toBeUndefined();
  });

  it('should stay on the link screen with the prompt and the reason when the password is refused', () => {
    const uia = uiaInfo();
    const wrong = flowError({ status: 401, errcode: 'M_FORBIDDEN', serverMessage: 'Invalid password', uia });
    const next = run(asked(), { type: 'AUTH.START' }, { type: 'COMPLETE.FAILURE', error: wrong, uia });
    expect(next).toMatchObject({ step: 'awaitingLink', earlyAuth: true, uia, error: { errcode: 'M_FORBIDDEN' } });
  });

  it('should keep asking, without an error, when the server only repeats its bare challenge with another stage to pass', () => {
    const further = uiaInfo({ flows: [{ stages: ['m.login.password', 'm.login.terms'] }], completed: ['m.login.password'] });
    const next = run(asked(), { type: 'AUTH.START' }, { type: 'COMPLETE.FAILURE', error: flowError({ status: 401, errcode: '', uia: further }), uia: further });
    expect(next).toMatchObject({ step: 'awaitingLink', earlyAuth: true, uia: further });
    expect(next.error).toBeUndefined();
  });

  it('should keep the prompt it had when an answer gets no verdict (a server error)', () => {
    const next = run(asked(), { type: 'AUTH.START' }, { type: 'COMPLETE.FAILURE', error: SERVER_ERROR });
    expect(next).toMatchObject({ step: 'awaitingLink', earlyAuth: true, uia: uiaInfo(), error: SERVER_ERROR });
  });

  it('should show an answer lost on the way (offline), which carries no status or errcode', () => {
    const next = run(asked(), { type: 'AUTH.START' }, { type: 'COMPLETE.FAILURE', error: { kind: 'offline' } });
    expect(next).toMatchObject({ step: 'awaitingLink', earlyAuth: true, error: { kind: 'offline' } });
  });

  it('should show why auth could not start (a blocked window) while staying on the link screen', () => {
    const next = transition(asked(), { type: 'AUTH.FAILURE', error: { kind: 'popupBlocked' } });
    expect(next).toMatchObject({ step: 'awaitingLink', earlyAuth: true, error: { kind: 'popupBlocked' } });
  });

  it('should ignore auth events on a link screen that asks for nothing', () => {
    const waiting = stateAt('awaitingLink', addEmail);
    expect(transition(waiting, { type: 'AUTH.START' })).toBe(waiting);
    expect(transition(waiting, { type: 'AUTH.FAILURE', error: { kind: 'popupBlocked' } })).toBe(waiting);
  });

  it('should turn "I’ve opened the link" into the auth step at once, since the server’s answer is known', () => {
    const next = transition(asked(), { type: 'CONTINUE', trigger: 'user' });
    expect(next).toMatchObject({ step: 'authenticating', returnTo: 'awaitingLink', uia: uiaInfo() });
    expect(next.earlyAuth).toBeUndefined();
  });
});

describe('a refused answer to the auth prompt', () => {
  /** The auth step after an answer, and the server's same bare challenge back: nothing moved. */
  function refusedWith(uia: ReturnType<typeof uiaInfo>) {
    const authenticating = run(stateAt('completing', addEmail), { type: 'COMPLETE.FAILURE', error: flowError({ status: 401, errcode: '', uia }), uia });
    return run(authenticating, { type: 'AUTH.START' }, { type: 'COMPLETE.FAILURE', error: flowError({ status: 401, errcode: '', uia }), uia });
  }

  it('should call it a wrong password when a password stage is still to pass', () => {
    expect(refusedWith(uiaInfo()).error?.kind).toBe('wrongPassword');
  });

  it('should call it a wrong password when one of several flows offers the password', () => {
    const uia = uiaInfo({ flows: [{ stages: ['m.login.sso'] }, { stages: ['m.login.password'] }] });
    expect(refusedWith(uia).error?.kind).toBe('wrongPassword');
  });

  it('should call it cancelled when no flow asks for a password (the other window was not finished)', () => {
    const uia = uiaInfo({ flows: [{ stages: ['m.login.sso'] }] });
    expect(refusedWith(uia)).toMatchObject({ step: 'authenticating', error: { kind: 'authCancelled' } });
  });

  it('should call it cancelled when the password stage was already passed', () => {
    const uia = uiaInfo({ flows: [{ stages: ['m.login.password', 'm.login.sso'] }], completed: ['m.login.password'] });
    expect(refusedWith(uia).error?.kind).toBe('authCancelled');
  });
});
