import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import { canResend, resendAvailableAt } from '../../src/flow/selectors';
import type { FlowState } from '../../src/flow/types';
import { flowConfig, flowError, LATER, NOW, run, SECRET, SID, started, stateAt, submitAddress } from './fixtures';

const addEmail = flowConfig();

const rateLimited = (retryAfterMs: number | undefined, now: number) =>
  ({
    type: 'REQUEST.FAILURE',
    error: flowError({ status: 429, errcode: 'M_LIMIT_EXCEEDED', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }, 'request'),
    now,
  }) as const;

/** Waiting for the link after a send at NOW, with the given cooldown. */
function sentAtNow(resendCooldownMs?: number): FlowState {
  return stateAt('awaitingLink', flowConfig(resendCooldownMs === undefined ? {} : { resendCooldownMs }));
}

describe('resend cooldown', () => {
  it('should ignore RESEND before the cooldown ends and say when resend becomes possible', () => {
    const state = sentAtNow();
    const until = NOW + 30_000;
    expect(state.session?.cooldownUntil).toBe(until);
    for (const now of [NOW, NOW + 1, until - 1]) {
      expect(transition(state, { type: 'RESEND', now })).toBe(state);
      expect(canResend(state, now)).toBe(false);
      expect(resendAvailableAt(state, now)).toBe(until);
    }
  });

  it('should allow RESEND from the moment the cooldown ends', () => {
    const state = sentAtNow();
    const until = NOW + 30_000;
    for (const now of [until, until + 1, LATER]) {
      expect(canResend(state, now)).toBe(true);
      expect(resendAvailableAt(state, now)).toBeUndefined();
      expect(transition(state, { type: 'RESEND', now }).step).toBe('requesting');
    }
  });

  it.each([5_000, 120_000])('should use a configured cooldown of %i ms', (ms) => {
    const state = sentAtNow(ms);
    expect(state.session?.cooldownUntil).toBe(NOW + ms);
    expect(canResend(state, NOW + ms - 1)).toBe(false);
    expect(transition(state, { type: 'RESEND', now: NOW + ms - 1 })).toBe(state);
    expect(canResend(state, NOW + ms)).toBe(true);
  });

  it('should allow resend at once with a cooldown of 0', () => {
    const state = sentAtNow(0);
    expect(canResend(state, NOW)).toBe(true);
    expect(transition(state, { type: 'RESEND', now: NOW }).step).toBe('requesting');
  });

  it('should start a new cooldown after each successful resend', () => {
    const resent = run(sentAtNow(), { type: 'RESEND', now: LATER }, { type: 'REQUEST.SUCCESS', sid: SID, now: LATER + 200 });
    expect(resent.session?.cooldownUntil).toBe(LATER + 200 + 30_000);
    expect(canResend(resent, LATER + 200 + 29_999)).toBe(false);
    expect(canResend(resent, LATER + 200 + 30_000)).toBe(true);
  });

  it('should not start a new cooldown when a resend fails, so it can be retried at once', () => {
    const failed = run(sentAtNow(), { type: 'RESEND', now: LATER }, { type: 'REQUEST.FAILURE', error: { kind: 'offline' }, now: LATER });
    expect(canResend(failed, LATER)).toBe(true);
    expect(transition(failed, { type: 'RESEND', now: LATER }).step).toBe('requesting');
  });

  it('should not offer resend outside the waiting steps or before the first answer', () => {
    expect(canResend(stateAt('requesting', addEmail), LATER)).toBe(false);
    expect(canResend(stateAt('completing', addEmail), LATER)).toBe(false);
    expect(canResend(stateAt('done', addEmail), LATER)).toBe(false);
    expect(canResend(started(addEmail), LATER)).toBe(false);
    // A session without sid (e.g. a restored one that never got an answer) cannot be resent.
    const noSid: FlowState = { ...sentAtNow(), session: { medium: 'email', address: 'a@b.c', clientSecret: SECRET, sendAttempt: 1 } };
    expect(canResend(noSid, LATER)).toBe(false);
    expect(transition(noSid, { type: 'RESEND', now: LATER })).toBe(noSid);
  });
});

describe('rate limits (429)', () => {
  it('should wait for retryAfterMs when it is longer than the cooldown', () => {
    const limited = run(sentAtNow(), { type: 'RESEND', now: LATER }, rateLimited(300_000, LATER));
    expect(limited).toMatchObject({ step: 'awaitingLink', error: { kind: 'rateLimited', retryAfterMs: 300_000 } });
    expect(limited.session?.cooldownUntil).toBe(LATER + 300_000);
    expect(canResend(limited, LATER + 299_999)).toBe(false);
    expect(resendAvailableAt(limited, LATER + 1)).toBe(LATER + 300_000);
    expect(transition(limited, { type: 'RESEND', now: LATER + 299_999 })).toBe(limited);
    expect(canResend(limited, LATER + 300_000)).toBe(true);
  });

  it('should wait at least the server asked for when it asked for less than the cooldown', () => {
    const limited = run(sentAtNow(), { type: 'RESEND', now: LATER }, rateLimited(5_000, LATER));
    expect(limited.session?.cooldownUntil).toBeGreaterThanOrEqual(LATER + 5_000);
    expect(canResend(limited, LATER + 4_999)).toBe(false);
  });

  it('should fall back to the configured cooldown when the server gives no wait', () => {
    const limited = run(sentAtNow(45_000), { type: 'RESEND', now: LATER }, rateLimited(undefined, LATER));
    expect(limited.session?.cooldownUntil).toBe(LATER + 45_000);
  });

  it('should not offer an immediate retry on a 429 that says to wait 0 ms', () => {
    const limited = run(sentAtNow(), { type: 'RESEND', now: LATER }, rateLimited(0, LATER));
    expect(canResend(limited, LATER)).toBe(false);
  });

  it('should hold back the same address after a 429 on the first request but let another one through', () => {
    const limited = run(started(addEmail), submitAddress('email'), rateLimited(60_000, NOW));
    expect(limited).toMatchObject({ step: 'enterAddress', error: { kind: 'rateLimited' } });
    expect(resendAvailableAt(limited, NOW + 1)).toBe(NOW + 60_000);
    // Held: nothing is requested, and the click is answered with the wait that is left.
    const held = transition(limited, submitAddress('email', { now: NOW + 59_000 }));
    expect(held).toMatchObject({ step: 'enterAddress', session: limited.session, error: { kind: 'rateLimited', retryAfterMs: 1000 } });
    const retry = transition(limited, submitAddress('email', { now: NOW + 60_000 }));
    expect(retry).toMatchObject({ step: 'requesting', session: { sendAttempt: 1, clientSecret: SECRET } });
    expect(transition(limited, submitAddress('email', { which: 'other', now: NOW + 1 })).step).toBe('requesting');
  });
});

describe('resend on each waiting screen', () => {
  it('should allow a resend from the code screen once its cooldown is over, and say nothing of a wait before a send', () => {
    const code = stateAt('awaitingCode', flowConfig({ medium: 'msisdn' }));
    expect(canResend(code, LATER)).toBe(true);
    expect(resendAvailableAt(started(flowConfig()), NOW)).toBeUndefined();
  });
});
