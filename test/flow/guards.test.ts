import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import { EMAIL, NOW, SECRET, SID, SUBMIT_URL, flowConfig, run, savedSession, started } from './fixtures';

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
