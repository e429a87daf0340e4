// Resend cooldowns on a fake clock: the default wait, a configured one, and a 429 that asks for longer.
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { advance, renderFlowHook, settleToStep, settleUntil } from './support/renderThreepidHook';

failOnConsole();

const T0 = Date.UTC(2030, 0, 1);

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function awaitingLink(options: { resendCooldownMs?: number } = {}) {
  const setup = fakeSetup();
  const rendered = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, ...options }, { client: setup.client });
  await settleToStep(rendered.result, 'enterAddress');
  act(() => rendered.result.current.request('new@example.org'));
  await settleToStep(rendered.result, 'awaitingLink');
  return { ...setup, ...rendered, sentAt: Date.now() };
}

describe('useThreepidFlow resend cooldown', () => {
  it('should offer resend only once the default 30 s cooldown is over', async () => {
    const { result, sentAt } = await awaitingLink();
    expect(result.current.canResend).toBe(false);
    expect(result.current.resendAvailableAt).toBe(sentAt + 30_000);

    await advance(29_999);
    expect(result.current.canResend).toBe(false);
    await advance(1);
    expect(result.current.canResend).toBe(true);
    expect(result.current.resendAvailableAt).toBeUndefined();
  });

  it('should ignore resend() while cooling down', async () => {
    const { hs, result } = await awaitingLink();
    act(() => result.current.resend());
    await advance(0);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(result.current.state.step).toBe('awaitingLink');
  });

  it('should use a configured cooldown and start it again after each resend', async () => {
    const { hs, result } = await awaitingLink({ resendCooldownMs: 5_000 });
    await advance(5_000);
    expect(result.current.canResend).toBe(true);
    act(() => result.current.resend());
    await settleUntil(() => expect(result.current.state.resendCount).toBe(1));
    expect(result.current.canResend).toBe(false);
    expect(result.current.resendAvailableAt).toBe(Date.now() + 5_000);
    await advance(5_000);
    expect(result.current.canResend).toBe(true);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(2);
  });

  it('should wait as long as a 429 on resend asks when that is longer than the cooldown', async () => {
    const { hs, result } = await awaitingLink();
    await advance(30_000);
    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 120_000 });
    act(() => result.current.resend());
    await settleUntil(() => expect(result.current.state.error?.kind).toBe('rateLimited'));
    const failedAt = Date.now();
    expect(result.current.state.step).toBe('awaitingLink');
    expect(result.current.canResend).toBe(false);
    expect(result.current.resendAvailableAt).toBe(failedAt + 120_000);

    await advance(119_999);
    expect(result.current.canResend).toBe(false);
    await advance(1);
    expect(result.current.canResend).toBe(true);

    // The retry reuses send_attempt 2: the 429 means nothing was sent.
    act(() => result.current.resend());
    await settleUntil(() => expect(result.current.state.resendCount).toBe(1));
    expect(hs.requests.filter((r) => r.endpoint === 'requestToken').map((r) => (r.body as { send_attempt: number }).send_attempt)).toEqual([1, 2, 2]);
  });

  it('should hold back a new request for the same address until a 429 on the first request has passed', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await settleToStep(result, 'enterAddress');
    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 90_000 });
    act(() => result.current.request('new@example.org'));
    await settleUntil(() => expect(result.current.state.error?.kind).toBe('rateLimited'));
    expect(result.current.state.step).toBe('enterAddress');
    expect(result.current.resendAvailableAt).toBe(Date.now() + 90_000);

    act(() => result.current.request('new@example.org'));
    await advance(0);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);

    await advance(90_000);
    act(() => result.current.request('new@example.org'));
    await settleToStep(result, 'awaitingLink');
    expect(hs.requests.filter((r) => r.endpoint === 'requestToken').map((r) => (r.body as { send_attempt: number }).send_attempt)).toEqual([1, 1]);
  });
});
