// Leaving mid-request: every request in flight is aborted (the fake homeserver logs it unanswered, status 0),
// nothing updates afterwards, and React has nothing to warn about (any console output fails the test).
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthDict } from '../../src/protocol/types';
import type { FakeHomeserver, FaultEndpoint } from '../../src/testing';
import { ALICE } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { advance, renderFlowHook, sendAndFollowLink, settleToStep, settleUntil, waitForStep } from './support/renderThreepidHook';
import { trackedSetup } from './support/trackedSetup';

failOnConsole();

/** True once the fake saw the request to `endpoint` end without an answer (aborted by the client). */
const aborted = (hs: FakeHomeserver, endpoint: Exclude<FaultEndpoint, '*'>): boolean =>
  hs.requests.some((r) => r.endpoint === endpoint && r.status === 0 && r.fault === 'hang');

/** A minute on the fake clock: longer than any retry, poll or cooldown that could still send something. */
const A_MINUTE = 60_000;

describe('useThreepidFlow unmount and cancellation', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should abort a hanging requestToken on unmount', async () => {
    const { hs, client, inFlight } = trackedSetup({}, ALICE.accessToken);
    const onError = vi.fn();
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email', onError }, { client });
    await waitForStep(result, 'enterAddress');
    hs.faults.inject({ endpoint: 'requestToken', kind: 'hang' });
    act(() => result.current.request('new@example.org'));
    expect(result.current.state.step).toBe('requesting');
    await vi.waitFor(() => expect(inFlight(/requestToken$/)).toBe(1));
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);

    unmount();
    await vi.waitFor(() => expect(aborted(hs, 'requestToken')).toBe(true));
    expect(onError).not.toHaveBeenCalled();
  });

  it('should send nothing when unmounted in the same tick as request()', async () => {
    vi.useFakeTimers();
    const { hs, client } = trackedSetup({}, ALICE.accessToken);
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await settleToStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    unmount();
    await advance(A_MINUTE);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
    expect(hs.inbox.all()).toHaveLength(0);
  });

  it('should abort a hanging capabilities read on unmount', async () => {
    const { hs, client, inFlight } = trackedSetup({}, ALICE.accessToken);
    hs.faults.inject({ endpoint: 'capabilities', kind: 'hang' });
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    expect(result.current.state.step).toBe('checking');
    await vi.waitFor(() => expect(inFlight(/capabilities$/)).toBe(1));
    unmount();
    await vi.waitFor(() => expect(aborted(hs, 'capabilities')).toBe(true));
  });

  it('should abort a hanging completion on unmount and never call onComplete', async () => {
    const { hs, client, inFlight } = trackedSetup({}, ALICE.accessToken);
    const onComplete = vi.fn();
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onComplete }, { client });
    await sendAndFollowLink(result, hs, 'new@example.org');
    hs.faults.inject({ endpoint: 'threepidAdd', kind: 'hang' });
    act(() => result.current.continue());
    expect(result.current.state.step).toBe('completing');
    await vi.waitFor(() => expect(inFlight(/3pid\/add$/)).toBe(1));
    unmount();
    await vi.waitFor(() => expect(aborted(hs, 'threepidAdd')).toBe(true));
    expect(onComplete).not.toHaveBeenCalled();
  });

  it('should abort a hanging whoami on unmount and send no password afterwards', async () => {
    const { hs, client, inFlight } = trackedSetup({}, ALICE.accessToken);
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    hs.faults.inject({ endpoint: 'whoami', kind: 'hang' });
    act(() => result.current.authenticate({ password: ALICE.password }));
    await vi.waitFor(() => expect(inFlight(/whoami$/)).toBe(1));
    unmount();
    await vi.waitFor(() => expect(aborted(hs, 'whoami')).toBe(true));
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);
  });

  it('should abort a hanging code submission on unmount', async () => {
    const { hs, client, inFlight } = trackedSetup({ emailSubmitUrl: true }, ALICE.accessToken);
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingCode');
    hs.faults.inject({ endpoint: 'submitToken', kind: 'hang' });
    act(() => result.current.submitCode(hs.inbox.latest('new@example.org')?.token ?? ''));
    await vi.waitFor(() => expect(inFlight(/submit_token$/)).toBe(1));
    unmount();
    await vi.waitFor(() => expect(aborted(hs, 'submitToken')).toBe(true));
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(0);
  });

  it('should abort a hanging poll on unmount', async () => {
    const { hs, client, inFlight } = trackedSetup();
    const { result, unmount } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: 10 }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => result.current.setNewPassword('a much longer passphrase'));
    await waitForStep(result, 'awaitingLink');
    hs.faults.inject({ endpoint: 'password', kind: 'hang' });
    await vi.waitFor(() => expect(inFlight(/account\/password$/)).toBe(1));
    unmount();
    await vi.waitFor(() => expect(aborted(hs, 'password')).toBe(true));
  });

  it('should do nothing when the host resolves onAuthRequired after unmount', async () => {
    const { hs, client, inFlight } = trackedSetup({}, ALICE.accessToken);
    let answer: ((auth: AuthDict | null) => void) | undefined;
    const onAuthRequired = vi.fn(
      () =>
        new Promise<AuthDict | null>((resolve) => {
          answer = resolve;
        }),
    );
    vi.useFakeTimers();
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onAuthRequired }, { client });
    await settleToStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await settleToStep(result, 'awaitingLink');
    act(() => result.current.continue());
    await settleUntil(() => expect(onAuthRequired).toHaveBeenCalledTimes(1));
    unmount();
    answer?.({ type: 'm.login.password', identifier: { type: 'm.id.user', user: ALICE.userId }, password: ALICE.password });
    await advance(A_MINUTE);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);
  });

  it('should abort the request in flight on reset() and on changeAddress(), keeping the flow usable', async () => {
    const { hs, client, inFlight } = trackedSetup({}, ALICE.accessToken);
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');

    hs.faults.inject({ endpoint: 'requestToken', kind: 'hang' });
    act(() => result.current.request('first@example.org'));
    await vi.waitFor(() => expect(inFlight(/requestToken$/)).toBe(1));
    act(() => result.current.reset());
    expect(result.current.state.step).toBe('enterAddress');
    await vi.waitFor(() => expect(hs.requests.count({ endpoint: 'requestToken', status: 0 })).toBe(1));

    hs.faults.inject({ endpoint: 'requestToken', kind: 'hang' });
    act(() => result.current.request('second@example.org'));
    await vi.waitFor(() => expect(inFlight(/requestToken$/)).toBe(1));
    act(() => result.current.changeAddress());
    expect(result.current.state.step).toBe('enterAddress');
    expect(result.current.state.draft.address).toBe('second@example.org');
    await vi.waitFor(() => expect(hs.requests.count({ endpoint: 'requestToken', status: 0 })).toBe(2));

    act(() => result.current.request('third@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.error).toBeUndefined();
    expect(result.current.state.session?.address).toBe('third@example.org');
    expect(hs.inbox.all().map((m) => m.to)).toEqual(['third@example.org']);
  });

  it('should keep the answer to an abandoned request away from the next one, however fast the person is', async () => {
    const { hs, client, inFlight } = trackedSetup({}, ALICE.accessToken);
    const onError = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', onError }, { client });
    await waitForStep(result, 'enterAddress');

    hs.faults.inject({ endpoint: 'requestToken', kind: 'hang' });
    act(() => result.current.request('first@example.org'));
    await vi.waitFor(() => expect(inFlight(/requestToken$/)).toBe(1));
    // The abandoned request's abort lands while the new one is on its way: it must not read as the new one failing.
    act(() => {
      result.current.changeAddress();
      result.current.request('second@example.org');
    });
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.error).toBeUndefined();
    expect(result.current.state.session?.address).toBe('second@example.org');
    expect(onError).not.toHaveBeenCalled();
    expect(hs.inbox.all().map((m) => m.to)).toEqual(['second@example.org']);
  });
});
