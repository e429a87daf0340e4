import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import { EMAIL, NOW, SECRET, SID, SUBMIT_URL, flowConfig, run, savedSession, started, uiaChallenge, uiaInfo } from './fixtures';

const addEmail = flowConfig();

describe('guards against a second message and a mismatched resume', () => {
  it('should keep send_attempt when the same address is sent again while resend is cooling down', () => {
    const sent = run(started(addEmail), { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: SECRET, now: NOW }, { type: 'REQUEST.SUCCESS', sid: SID, now: NOW });
    const again = run(sent, { type: 'ADDRESS.CHANGE' }, { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: 'other', now: NOW + 1000 });
    expect(again.step).toBe('requesting');
    expect(again.session).toMatchObject({ clientSecret: SECRET, sendAttempt: 1 });
  });

  it('should raise send_attempt for the same address once the cooldown is over', () => {
    const sent = run(started(addEmail), { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: SECRET, now: NOW }, { type: 'REQUEST.SUCCESS', sid: SID, now: NOW });
    const later = NOW + addEmail.resendCooldownMs;
    const again = run(sent, { type: 'ADDRESS.CHANGE' }, { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: 'other', now: later });
    expect(again.session?.sendAttempt).toBe(2);
  });

  it('should resume on the step the session calls for, not the one a saved copy claims', () => {
    const withoutSubmitUrl = savedSession('email');
    expect(transition(started(addEmail), { type: 'RESTORE', step: 'awaitingCode', session: withoutSubmitUrl }).step).toBe('awaitingLink');
    const withSubmitUrl = savedSession('email', { submitUrl: SUBMIT_URL });
    expect(transition(started(addEmail), { type: 'RESTORE', step: 'awaitingLink', session: withSubmitUrl }).step).toBe('awaitingCode');
  });
});

describe('failures while answering the auth prompt', () => {
  const atPrompt = () => {
    const prompted = run(started(addEmail), { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: SECRET, now: NOW }, { type: 'REQUEST.SUCCESS', sid: SID, now: NOW }, { type: 'CONTINUE', trigger: 'user' }, uiaChallenge());
    return run(prompted, { type: 'AUTH.START' });
  };

  it('should stay on the prompt with the error when the answer never got a verdict', () => {
    const failed = transition(atPrompt(), { type: 'COMPLETE.FAILURE', error: { kind: 'offline' } });
    expect(failed.step).toBe('authenticating');
    expect(failed.uia).toBeDefined();
    expect(failed.error).toEqual({ kind: 'offline' });
  });

  it('should show a failure that comes with the prompt, and no error for the first bare challenge', () => {
    const { uia } = uiaChallenge();
    const offline = transition(atPrompt(), { type: 'COMPLETE.FAILURE', error: { kind: 'offline' }, uia });
    expect(offline.error).toEqual({ kind: 'offline' });
    const first = run(started(addEmail), { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: SECRET, now: NOW }, { type: 'REQUEST.SUCCESS', sid: SID, now: NOW }, { type: 'CONTINUE', trigger: 'user' }, uiaChallenge());
    expect(first.step).toBe('authenticating');
    expect(first.error).toBeUndefined();
  });

  it('should say the password was not accepted when a bare challenge answers it and nothing moved', () => {
    const refused = transition(atPrompt(), uiaChallenge());
    expect(refused.step).toBe('authenticating');
    expect(refused.error?.kind).toBe('wrongPassword');
  });

  it('should show no error when a bare challenge answers an attempt with a stage completed', () => {
    const moved = uiaInfo({ flows: [{ stages: ['m.login.password', 'm.login.terms'] }], completed: ['m.login.password'] });
    const next = transition(atPrompt(), { ...uiaChallenge(), uia: moved });
    expect(next.step).toBe('authenticating');
    expect(next.error).toBeUndefined();
  });

  it('should say the password was not accepted when nothing moved beyond the stages already done', () => {
    const termsDone = uiaInfo({ flows: [{ stages: ['m.login.terms', 'm.login.password'] }], completed: ['m.login.terms'] });
    const moved = transition(atPrompt(), { ...uiaChallenge(), uia: termsDone });
    expect(moved.error).toBeUndefined();
    const refused = run(moved, { type: 'AUTH.START' }, { ...uiaChallenge(), uia: termsDone });
    expect(refused.step).toBe('authenticating');
    expect(refused.error?.kind).toBe('wrongPassword');
  });

  it('should show no error when a bare challenge answers an attempt with a new UIA session (the old one expired)', () => {
    const next = transition(atPrompt(), { ...uiaChallenge(), uia: uiaInfo({ session: 'a-fresh-session' }) });
    expect(next.step).toBe('authenticating');
    expect(next.error).toBeUndefined();
    expect(next.uia?.session).toBe('a-fresh-session');
  });
});

describe('a verdict in answer to auth', () => {
  const atPrompt = () => {
    const prompted = run(started(addEmail), { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: SECRET, now: NOW }, { type: 'REQUEST.SUCCESS', sid: SID, now: NOW }, { type: 'CONTINUE', trigger: 'user' }, uiaChallenge());
    return run(prompted, { type: 'AUTH.START' });
  };
  const inUse = { kind: 'threepidInUse', status: 400, errcode: 'M_THREEPID_IN_USE' } as const;

  it('should leave the prompt for the waiting step, with the error, when signing in again cannot change the answer', () => {
    const failed = transition(atPrompt(), { type: 'COMPLETE.FAILURE', error: inUse });
    expect(failed.step).toBe('awaitingLink');
    expect(failed.uia).toBeUndefined();
    expect(failed.error).toEqual(inUse);
    expect(failed.session?.sid).toBe(SID);
  });

  it('should stay on the prompt for a rate limit or a server error, which a retry can get past', () => {
    for (const status of [429, 500, 503]) {
      const failed = transition(atPrompt(), { type: 'COMPLETE.FAILURE', error: { kind: status === 429 ? 'rateLimited' : 'server', status } });
      expect(failed.step).toBe('authenticating');
      expect(failed.uia).toBeDefined();
    }
  });

  it('should take the lowest and highest 4xx as verdicts', () => {
    for (const status of [400, 499]) {
      expect(transition(atPrompt(), { type: 'COMPLETE.FAILURE', error: { kind: 'unknown', status } }).step).toBe('awaitingLink');
    }
  });

  it('should end the early prompt on the link screen when the answer is a verdict, and keep it for a new challenge', () => {
    const early = run(started(addEmail), { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: SECRET, now: NOW }, { type: 'REQUEST.SUCCESS', sid: SID, now: NOW }, { type: 'AUTH.EARLY', uia: uiaInfo() }, { type: 'AUTH.START' });
    const ended = transition(early, { type: 'COMPLETE.FAILURE', error: inUse });
    expect(ended).toMatchObject({ step: 'awaitingLink', earlyAuth: undefined, uia: undefined, error: inUse });
    const limited = transition(early, { type: 'COMPLETE.FAILURE', error: { kind: 'rateLimited', status: 429 } });
    expect(limited).toMatchObject({ step: 'awaitingLink', earlyAuth: true, error: { kind: 'rateLimited' } });
    expect(limited.uia).toBeDefined();
    const again = transition(early, { type: 'COMPLETE.FAILURE', error: { kind: 'forbidden', status: 401, errcode: 'M_FORBIDDEN' }, uia: uiaInfo() });
    expect(again).toMatchObject({ step: 'awaitingLink', earlyAuth: true, error: { errcode: 'M_FORBIDDEN' } });
  });

  it('should end the prompt when a reset answered in a UIA session meets a weak password: back to the password step', () => {
    const reset = flowConfig({ purpose: 'reset' });
    const prompted = run(
      started(reset),
      { type: 'ADDRESS.SUBMIT', address: EMAIL, clientSecret: SECRET, now: NOW },
      { type: 'PASSWORD.SUBMIT', password: 'short', logoutDevices: false },
      { type: 'REQUEST.SUCCESS', sid: SID, now: NOW },
      { type: 'CONTINUE', trigger: 'user' },
      uiaChallenge(),
      { type: 'AUTH.START' },
    );
    expect(prompted).toMatchObject({ step: 'completing', uia: uiaInfo() });
    const weak = transition(prompted, { type: 'COMPLETE.FAILURE', error: { kind: 'weakPassword', status: 400, errcode: 'M_WEAK_PASSWORD' } });
    expect(weak).toMatchObject({ step: 'choosePassword', error: { kind: 'weakPassword' } });
    expect(weak.uia).toBeUndefined();
  });
});

