import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import type { FlowConfig, FlowState } from '../../src/flow/types';
import {
  flowConfig,
  flowError,
  LATER,
  NOW,
  OTHER_SECRET,
  PHONE,
  run,
  SECRET,
  SERVER_ERROR,
  SID,
  started,
  stateAt,
  submitAddress,
} from './fixtures';

const addEmail = flowConfig();
const addPhone = flowConfig({ medium: 'msisdn' });

/** The send_attempt and client_secret the hook would put on the wire for this state (it must be requesting). */
function sent(state: FlowState): { sendAttempt: number; clientSecret: string } {
  expect(state.step).toBe('requesting');
  const session = state.session;
  if (!session) throw new Error('no session while requesting');
  return { sendAttempt: session.sendAttempt, clientSecret: session.clientSecret };
}

const succeed = (state: FlowState, now: number): FlowState => transition(state, { type: 'REQUEST.SUCCESS', sid: SID, now });
const fail = (state: FlowState, now: number): FlowState => transition(state, { type: 'REQUEST.FAILURE', error: SERVER_ERROR, now });
const resend = (state: FlowState, now: number): FlowState => transition(state, { type: 'RESEND', now });

describe.each<[string, FlowConfig]>([
  ['email', addEmail],
  ['phone', addPhone],
])('send_attempt (%s)', (_name, config) => {
  const medium = config.medium;

  it('should send 1 on the first request', () => {
    expect(sent(transition(started(config), submitAddress(medium)))).toEqual({ sendAttempt: 1, clientSecret: SECRET });
  });

  it('should add 1 for each resend and keep the secret', () => {
    const first = stateAt('awaitingLink', config);
    const second = resend(first, LATER);
    expect(sent(second)).toEqual({ sendAttempt: 2, clientSecret: SECRET });
    const third = resend(succeed(second, LATER), LATER * 2);
    expect(sent(third)).toEqual({ sendAttempt: 3, clientSecret: SECRET });
  });

  it('should resend the same value when retrying a failed resend', () => {
    const failed = fail(resend(stateAt('awaitingLink', config), LATER), LATER);
    expect(failed.step).toBe('awaitingLink');
    expect(sent(resend(failed, LATER + 1))).toEqual({ sendAttempt: 2, clientSecret: SECRET });
    // Once the retry went through, the next resend asks for a new message again.
    const retried = succeed(resend(failed, LATER + 1), LATER + 1);
    expect(sent(resend(retried, LATER * 3)).sendAttempt).toBe(3);
  });

  it('should resend the same value and secret when the same address is resubmitted after a failed first request', () => {
    const failed = fail(transition(started(config), submitAddress(medium)), NOW);
    expect(failed.step).toBe('enterAddress');
    const retry = transition(failed, submitAddress(medium, { clientSecret: OTHER_SECRET, now: NOW + 1 }));
    expect(sent(retry)).toEqual({ sendAttempt: 1, clientSecret: SECRET });
  });

  it('should resend the same value when a failed resend is retried by resubmitting the same address', () => {
    const failed = fail(resend(stateAt('awaitingLink', config), LATER), LATER);
    const changed = transition(failed, { type: 'ADDRESS.CHANGE' });
    const retry = transition(changed, submitAddress(medium, { clientSecret: OTHER_SECRET, now: LATER + 1 }));
    expect(sent(retry)).toEqual({ sendAttempt: 2, clientSecret: SECRET });
  });

  it('should keep 1 when a first request is abandoned in flight and the same address sent again', () => {
    const abandoned = transition(transition(started(config), submitAddress(medium)), { type: 'ADDRESS.CHANGE' });
    expect(sent(transition(abandoned, submitAddress(medium, { clientSecret: OTHER_SECRET })))).toEqual({ sendAttempt: 1, clientSecret: SECRET });
  });

  it('should start a new session with a new secret and 1 for a new address', () => {
    const resent = succeed(resend(stateAt('awaitingLink', config), LATER), LATER);
    expect(resent.session?.sendAttempt).toBe(2);
    const changed = transition(resent, { type: 'ADDRESS.CHANGE' });
    const next = transition(changed, submitAddress(medium, { which: 'other', now: LATER * 2 }));
    expect(sent(next)).toEqual({ sendAttempt: 1, clientSecret: OTHER_SECRET });
    expect(next.session?.sid).toBeUndefined();
    expect(next.session?.cooldownUntil).toBeUndefined();
  });

  it('should keep the secret and ask for a new message for the same address after ADDRESS.CHANGE', () => {
    const changed = transition(stateAt('awaitingLink', config), { type: 'ADDRESS.CHANGE' });
    const next = transition(changed, submitAddress(medium, { clientSecret: OTHER_SECRET, now: LATER }));
    expect(sent(next)).toEqual({ sendAttempt: 2, clientSecret: SECRET });
    expect(next.session?.sid).toBe(SID);
  });

  it('should reuse the value after a rate limit', () => {
    const limited = transition(resend(stateAt('awaitingLink', config), LATER), {
      type: 'REQUEST.FAILURE',
      error: flowError({ status: 429, errcode: 'M_LIMIT_EXCEEDED', retryAfterMs: 1000 }, 'request'),
      now: LATER,
    });
    // A 429 shorter than our own cooldown does not shorten it; once it is over, the retry reuses the value.
    expect(resend(limited, LATER + 1000)).toBe(limited);
    expect(sent(resend(limited, LATER + config.resendCooldownMs)).sendAttempt).toBe(2);
  });
});

describe('send_attempt (phone specifics)', () => {
  it('should start a new session when the same digits are dialled from another country', () => {
    // The host shows the national number only (no E.164 display), so `address` is the same for both.
    const national = (country: string, clientSecret: string, now: number) =>
      ({ type: 'ADDRESS.SUBMIT', address: PHONE.phoneNumber, country, phoneNumber: PHONE.phoneNumber, clientSecret, now }) as const;
    const first = run(started(addPhone), national('GB', SECRET, NOW), { type: 'REQUEST.SUCCESS', sid: SID, now: NOW });
    const next = run(first, { type: 'ADDRESS.CHANGE' }, national('IE', OTHER_SECRET, LATER));
    expect(next.session).toMatchObject({ country: 'IE', phoneNumber: PHONE.phoneNumber, clientSecret: OTHER_SECRET, sendAttempt: 1 });
    expect(next.session?.sid).toBeUndefined();
  });

  it('should start a new session when the shown number stays the same but the national number differs', () => {
    // A host that shows its own label for the number: the label alone does not make two numbers the same.
    const labelled = (phoneNumber: string, clientSecret: string, now: number) =>
      ({ type: 'ADDRESS.SUBMIT', address: 'My work phone', country: 'GB', phoneNumber, clientSecret, now }) as const;
    const first = run(started(addPhone), labelled('7700900123', SECRET, NOW), { type: 'REQUEST.SUCCESS', sid: SID, now: NOW });
    const next = run(first, { type: 'ADDRESS.CHANGE' }, labelled('7700900456', OTHER_SECRET, LATER));
    expect(next.session).toMatchObject({ phoneNumber: '7700900456', clientSecret: OTHER_SECRET, sendAttempt: 1 });
  });

  it('should keep the session of an earlier address apart from a new one after switching back', () => {
    const first = stateAt('awaitingLink', addEmail);
    const other = run(first, { type: 'ADDRESS.CHANGE' }, submitAddress('email', { which: 'other', now: LATER }), { type: 'REQUEST.SUCCESS', sid: 'sid-b', now: LATER });
    // Only the latest session is kept: going back to the first address starts afresh.
    const back = run(other, { type: 'ADDRESS.CHANGE' }, submitAddress('email', { clientSecret: 'thirdSecret', now: LATER * 2 }));
    expect(sent(back)).toEqual({ sendAttempt: 1, clientSecret: 'thirdSecret' });
  });
});
