// The hook renders its host component again when resend becomes available, once, and never for a cooldown that no
// longer exists: counted on a fake clock, as a host would see them with React's Profiler.
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThreepidFlow } from '../../src/react';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { advance, harness, settleToStep, settleUntil } from './support/renderThreepidHook';

failOnConsole();

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

/** An add flow waiting for the link (no polling), its renders counted. */
async function awaitingLink() {
  const { client } = fakeSetup();
  const counted = { renders: 0 };
  const { result } = renderHook(
    () => {
      counted.renders += 1;
      return useThreepidFlow({ purpose: 'add', medium: 'email', pollIntervalMs: false });
    },
    { wrapper: harness({ client }) },
  );
  await settleToStep(result, 'enterAddress');
  act(() => result.current.request('new@example.org'));
  await settleToStep(result, 'awaitingLink');
  await settleUntil(() => expect(result.current.resendAvailableAt).toBe(Date.now() + 30_000));
  return { result, counted };
}

describe('useThreepidFlow renders around the resend cooldown', () => {
  it('should render once when resend becomes available, and not again while nothing changes', async () => {
    const { result, counted } = await awaitingLink();
    const before = counted.renders;
    await advance(30_000);
    expect(result.current.canResend).toBe(true);
    await advance(5 * 60_000);
    expect(counted.renders - before).toBe(1);
  });

  it('should not render when a cooldown dropped by reset() would have ended', async () => {
    const { result, counted } = await awaitingLink();
    act(() => result.current.reset());
    await settleToStep(result, 'enterAddress');
    expect(result.current.resendAvailableAt).toBeUndefined();
    const before = counted.renders;
    await advance(5 * 60_000);
    expect(counted.renders - before).toBe(0);
  });
});
