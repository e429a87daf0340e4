// Finishing by itself once the link is followed: polling with backoff on a fake clock, paused while the page
// is hidden, at once when the person comes back, and never after unmount or a real error.
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import type { ThreepidFlowOptions } from '../../src/react';
import { createFakeHomeserver, type FakeHomeserver } from '../../src/testing';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { advance, renderFlowHook, settleToStep, settleUntil } from './support/renderThreepidHook';

failOnConsole();

let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
afterEach(() => {
  vi.useRealTimers();
  // Back to jsdom's own getter on the prototype.
  Reflect.deleteProperty(document, 'visibilityState');
});

function setVisibility(next: DocumentVisibilityState): void {
  visibility = next;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const polls = (hs: FakeHomeserver): number => hs.requests.count({ endpoint: 'password' });

/** A reset flow waiting for the link with its new password known, so it may poll. */
async function resetAwaitingLink(options: Partial<ThreepidFlowOptions> = {}, strict = false) {
  const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false });
  const client = createThreepidClient({ baseUrl: 'http://localhost:8008', fetch: hs.fetch });
  const onComplete = vi.fn();
  const rendered = renderFlowHook({ purpose: 'reset', medium: 'email', onComplete, ...options }, { client, strict });
  act(() => rendered.result.current.request('alice@example.org'));
  act(() => rendered.result.current.setNewPassword('a much longer passphrase'));
  await settleToStep(rendered.result, 'awaitingLink');
  const link = hs.inbox.latest('alice@example.org')?.link ?? '';
  return { hs, onComplete, link, ...rendered };
}

describe('useThreepidFlow polling for the followed link (reset)', () => {
  it('should poll every 3 s at first and finish by itself once the link was followed', async () => {
    const { hs, result, onComplete, link } = await resetAwaitingLink();
    expect(polls(hs)).toBe(0);
    await advance(2_999);
    expect(polls(hs)).toBe(0);
    await advance(1);
    expect(polls(hs)).toBe(1);
    // Not yet: silent, nothing on screen changes.
    expect(result.current.state.step).toBe('awaitingLink');
    expect(result.current.state.error).toBeUndefined();
    expect(result.current.isBusy).toBe(false);

    await act(async () => {
      await hs.followLink(link);
    });
    await advance(4_500);
    await settleToStep(result, 'done');
    expect(polls(hs)).toBe(2);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(hs.users.get('alice')?.password).toBe('a much longer passphrase');

    await advance(120_000);
    expect(polls(hs)).toBe(2);
  });

  it('should poll on the same schedule under StrictMode, and finish once', async () => {
    const { hs, result, onComplete, link } = await resetAwaitingLink({}, true);
    await advance(3_000);
    expect(polls(hs)).toBe(1);
    await advance(4_500);
    expect(polls(hs)).toBe(2);
    await act(async () => {
      await hs.followLink(link);
    });
    await advance(6_750);
    await settleToStep(result, 'done');
    expect(polls(hs)).toBe(3);
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('should back off ×1.5 between polls, up to 30 s', async () => {
    const { hs } = await resetAwaitingLink();
    // Polls at 3 000, 7 500, 14 250, 24 375, ≈39 562, ≈62 343, then every 30 000: counted just before and after.
    const pollTimes = [3_000, 7_500, 14_250, 24_375, 39_562, 62_343, 92_343, 122_343, 152_343];
    const expected: Array<[number, number]> = pollTimes.flatMap((at, i): Array<[number, number]> => [
      [at - 10, i],
      [at + 10, i + 1],
    ]);
    let elapsed = 0;
    for (const [at, count] of expected) {
      await advance(at - elapsed);
      elapsed = at;
      expect(polls(hs), `polls after ${at} ms`).toBe(count);
    }
  });

  it('should not poll while the page is hidden and poll at once when it becomes visible', async () => {
    const { hs, result, link } = await resetAwaitingLink();
    setVisibility('hidden');
    await advance(120_000);
    expect(polls(hs)).toBe(0);

    await act(async () => {
      await hs.followLink(link);
    });
    setVisibility('visible');
    await settleToStep(result, 'done');
    expect(polls(hs)).toBe(1);
  });

  it('should poll at once when the window regains focus, and start the backoff again', async () => {
    const { hs } = await resetAwaitingLink();
    await advance(3_000 + 4_500 + 6_750);
    expect(polls(hs)).toBe(3);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await settleUntil(() => expect(polls(hs)).toBe(4));
    // Backoff restarted: the next poll comes 4.5 s later, not 15 s.
    await advance(4_500);
    expect(polls(hs)).toBe(5);
  });

  it('should poll once when the tab comes back with both visibilitychange and focus', async () => {
    const { hs } = await resetAwaitingLink();
    setVisibility('hidden');
    await advance(10_000);
    expect(polls(hs)).toBe(0);
    act(() => {
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('focus'));
    });
    await settleUntil(() => expect(polls(hs)).toBe(1));
    await advance(0);
    expect(polls(hs)).toBe(1);
    await advance(4_499);
    expect(polls(hs)).toBe(1);
    await advance(1);
    expect(polls(hs)).toBe(2);
  });

  it('should poll on the new interval only, when pollIntervalMs changes while a poll is under way', async () => {
    const { hs, rerender } = await resetAwaitingLink();
    await advance(2_999);
    act(() => {
      vi.advanceTimersByTime(1);
      rerender({ purpose: 'reset', medium: 'email', pollIntervalMs: 10_000 });
    });
    await settleUntil(() => expect(polls(hs)).toBe(1));
    // The first schedule's backoff (4.5 s) must not send another poll beside the new one.
    await advance(9_999);
    expect(polls(hs)).toBe(1);
    await advance(1);
    expect(polls(hs)).toBe(2);
  });

  it('should stop polling on unmount', async () => {
    const { hs, unmount } = await resetAwaitingLink();
    await advance(7_500);
    expect(polls(hs)).toBe(2);
    unmount();
    await advance(300_000);
    expect(polls(hs)).toBe(2);
  });

  it('should stop polling, and show the error, on any error other than not-yet-validated', async () => {
    const { hs, result } = await resetAwaitingLink();
    hs.faults.inject({ endpoint: 'password', kind: 'status500' });
    await advance(3_000);
    await settleUntil(() => expect(result.current.state.error?.kind).toBe('server'));
    expect(result.current.state.step).toBe('awaitingLink');
    await advance(300_000);
    expect(polls(hs)).toBe(1);
  });

  it('should not poll with pollIntervalMs: false', async () => {
    const { hs, result } = await resetAwaitingLink({ pollIntervalMs: false });
    expect(result.current.autoDetects).toBe(false);
    await advance(300_000);
    expect(polls(hs)).toBe(0);
  });

  it('should use a configured pollIntervalMs', async () => {
    const { hs } = await resetAwaitingLink({ pollIntervalMs: 1_000 });
    await advance(1_000);
    expect(polls(hs)).toBe(1);
    await advance(1_500);
    expect(polls(hs)).toBe(2);
  });

  it('should poll no more often than every half second, even when asked for 0 ms', async () => {
    const { hs } = await resetAwaitingLink({ pollIntervalMs: 0 });
    await advance(499);
    expect(polls(hs)).toBe(0);
    await advance(1);
    expect(polls(hs)).toBe(1);
  });

  it('should not poll before the new password is known (after-link)', async () => {
    const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false });
    const client = createThreepidClient({ baseUrl: 'http://localhost:8008', fetch: hs.fetch });
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', passwordStep: 'after-link' }, { client });
    act(() => result.current.request('alice@example.org'));
    await settleToStep(result, 'awaitingLink');
    await advance(300_000);
    expect(polls(hs)).toBe(0);
  });
});

describe('useThreepidFlow polling for the followed link (add)', () => {
  it('should ask for auth at once while waiting, poll only once it passed, then finish by itself', async () => {
    const { hs, client } = fakeSetup();
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', onComplete }, { client });
    await settleToStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await settleToStep(result, 'awaitingLink');
    // Synapse checks UIA before the link: the first check goes at once and meets the password prompt.
    await settleUntil(() => expect(result.current.state.earlyAuth).toBe(true));
    expect(result.current.state.step).toBe('awaitingLink');
    expect(result.current.state.uia?.flows).toEqual([{ stages: ['m.login.password'] }]);
    expect(result.current.autoDetects).toBe(false);
    // No polling while the prompt waits for the person.
    await advance(300_000);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);

    act(() => result.current.authenticate({ password: ALICE.password }));
    await settleUntil(() => expect(result.current.state.earlyAuth).toBeUndefined());
    // Auth passed before the link: nothing to tell the person, the flow waits quietly.
    expect(result.current.state.step).toBe('awaitingLink');
    expect(result.current.state.error).toBeUndefined();
    expect(result.current.autoDetects).toBe(true);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);

    await advance(3_000);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(3);
    await act(async () => {
      await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    });
    await advance(4_500);
    await settleToStep(result, 'done');
    expect(onComplete).toHaveBeenCalledTimes(1);
    const last = hs.requests.filter((r) => r.endpoint === 'threepidAdd').at(-1);
    expect(last?.status).toBe(200);
    expect(last?.body).toMatchObject({ auth: { session: expect.any(String) } });
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(1);
  });

  it("should still take \"I've opened the link\" first: auth on its own screen, then finish by itself", async () => {
    const { hs, client } = fakeSetup();
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', onComplete }, { client });
    await settleToStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await settleToStep(result, 'awaitingLink');
    await settleUntil(() => expect(result.current.state.earlyAuth).toBe(true));

    act(() => result.current.continue());
    await settleToStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: ALICE.password }));
    await settleUntil(() => expect(result.current.state.error?.kind).toBe('notYetValidated'));
    expect(result.current.autoDetects).toBe(true);
    // The check at once, the password: the click itself sends nothing (the prompt was already known).
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);

    await advance(3_000);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(3);
    await act(async () => {
      await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    });
    await advance(4_500);
    await settleToStep(result, 'done');
    expect(onComplete).toHaveBeenCalledTimes(1);
    const last = hs.requests.filter((r) => r.endpoint === 'threepidAdd').at(-1);
    expect(last?.status).toBe(200);
    expect(last?.body).toMatchObject({ auth: { session: expect.any(String) } });
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(1);
  });
});
