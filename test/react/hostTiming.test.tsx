// What a host (or the person) does at their own moment, and what the flow must still get right: unmount the flow from
// onComplete or together with reset(), mid-read, a client of the host's that reports an abort the flow never asked
// for, a verdict while the host's sign-in dialog is open, a code echoed back later, a click while a check is on its way.
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreepidClient, ThreepidNetworkError } from '../../src/protocol';
import type { AuthDict, ThreepidClient, UiaInfo } from '../../src/protocol/types';
import { createFakeHomeserver } from '../../src/testing';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { memoryStorage } from './support/memoryStorage';
import { advance, renderFlowHook, sendAndFollowLink, settleToStep, settleUntil, waitForStep } from './support/renderThreepidHook';
import { trackedSetup } from './support/trackedSetup';

failOnConsole();

const ADD_KEY = 'matrix-threepid-kit:add:email';

describe('useThreepidFlow: a host that unmounts the flow at once', () => {
  it('should forget the saved session when the host unmounts the flow from onComplete', async () => {
    const { hs, client } = fakeSetup();
    const storage = memoryStorage();
    let close = (): void => undefined;
    // A dialog that closes itself as soon as the address is added.
    const onComplete = vi.fn(() => close());
    const view = renderFlowHook({ purpose: 'add', medium: 'email', persist: storage, pollIntervalMs: false, onComplete }, { client });
    close = view.unmount;
    await waitForStep(view.result, 'enterAddress');
    act(() => view.result.current.request('new@example.org'));
    await waitForStep(view.result, 'awaitingLink');
    expect(storage.items.has(ADD_KEY)).toBe(true);
    await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    act(() => view.result.current.continue());
    await waitForStep(view.result, 'authenticating');
    act(() => view.result.current.authenticate({ password: ALICE.password }));
    await vi.waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(storage.items.has(ADD_KEY)).toBe(false);
  });

  it('should forget the saved session when the host resets and unmounts the flow in one go', async () => {
    const { client } = fakeSetup();
    const storage = memoryStorage();
    const view = renderFlowHook({ purpose: 'add', medium: 'email', persist: storage, pollIntervalMs: false }, { client });
    await waitForStep(view.result, 'enterAddress');
    act(() => view.result.current.request('new@example.org'));
    await waitForStep(view.result, 'awaitingLink');
    expect(storage.items.has(ADD_KEY)).toBe(true);
    // A "Cancel" button that starts the flow over and closes the dialog in the same click.
    act(() => {
      view.result.current.reset();
      view.unmount();
    });
    expect(storage.items.has(ADD_KEY)).toBe(false);
  });
});

describe('useThreepidFlow: unmounted while a read is on its way', () => {
  it('should end quietly when a reset is unmounted while its server read hangs', async () => {
    const { hs, client, inFlight } = trackedSetup({ preset: 'synapse' });
    hs.faults.inject({ endpoint: 'authMetadata', kind: 'hang' });
    const onError = vi.fn();
    const { result, unmount } = renderFlowHook({ purpose: 'reset', medium: 'email', passwordStep: 'after-link', onError }, { client });
    act(() => result.current.request('alice@example.org'));
    await vi.waitFor(() => expect(inFlight(/auth_metadata$/)).toBeGreaterThan(0));
    unmount();
    await vi.waitFor(() => expect(inFlight(/auth_metadata$/)).toBe(0));
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
    expect(onError).not.toHaveBeenCalled();
  });

  it("should end quietly when the account page's list is unmounted while its read hangs", async () => {
    const { hs, client, inFlight } = trackedSetup({ preset: 'oauth' }, ALICE.accessToken);
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'accountManagement');
    await vi.waitFor(() => expect(result.current.state.accountManagement?.threepids).toBeDefined());
    hs.faults.inject({ endpoint: 'threepids', kind: 'hang' });
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(inFlight(/3pid$/)).toBe(1));
    unmount();
    await vi.waitFor(() => expect(inFlight(/3pid$/)).toBe(0));
  });
});

describe("useThreepidFlow: a host's own client", () => {
  it('should show an error, not stay busy, when the client reports an abort the flow did not ask for', async () => {
    const { client } = fakeSetup();
    // E.g. a host fetch wrapper that gives up on its own and says so with the kit's error type.
    const giving: ThreepidClient = {
      ...client,
      requestToken: () => Promise.reject(new ThreepidNetworkError('aborted')),
    };
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client: giving });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('offline'));
    expect(result.current.state.step).toBe('enterAddress');
    expect(result.current.isBusy).toBe(false);
    expect(result.current.state.draft.address).toBe('new@example.org');
  });
});

describe("useThreepidFlow: the host's sign-in dialog", () => {
  it('should not open the dialog again for a verdict that signing in cannot change', async () => {
    const { hs, client } = fakeSetup();
    const onAuthRequired = vi.fn(async (uia: UiaInfo): Promise<AuthDict | null> => {
      // Someone else claims the address while the person signs in.
      hs.faults.inject({ endpoint: 'threepidAdd', kind: 'matrixError', status: 400, errcode: 'M_THREEPID_IN_USE' });
      return { type: 'm.login.password', identifier: { type: 'm.id.user', user: ALICE.userId }, password: ALICE.password, session: uia.session };
    });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onAuthRequired }, { client });
    await sendAndFollowLink(result, hs, 'new@example.org');
    act(() => result.current.continue());
    await vi.waitFor(() => expect(result.current.state.error?.errcode).toBe('M_THREEPID_IN_USE'));
    // Shown where the person can change the address; signing in again could not change the answer.
    expect(result.current.state.step).toBe('awaitingLink');
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
  });
});

describe('useThreepidFlow: secrets echoed back later', () => {
  it('should keep a code typed earlier out of the error of a later request that repeats it', async () => {
    const { hs } = fakeSetup({ emailSubmitUrl: true });
    let wrong = '';
    let sent = 0;
    // A server that answers the resend with an error naming the code the person typed before.
    const echoing: typeof fetch = async (input, init) => {
      if (!String(input).endsWith('/requestToken') || (sent += 1) === 1) return hs.fetch(input, init);
      return new Response(JSON.stringify({ errcode: 'M_UNKNOWN', error: `Cannot resend after code ${wrong}` }), { status: 400 });
    };
    const client = createThreepidClient({ baseUrl: hs.baseUrl, accessToken: ALICE.accessToken, fetch: echoing });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', resendCooldownMs: 0 }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('code@example.org'));
    await waitForStep(result, 'awaitingCode');
    const code = hs.inbox.latest('code@example.org')?.token ?? '';
    wrong = code === '135790' ? '246801' : '135790';
    act(() => result.current.submitCode(wrong));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('invalidCode'));
    act(() => result.current.resend());
    await vi.waitFor(() => expect(result.current.state.error?.serverMessage).toMatch(/^Cannot resend after code /));
    expect(result.current.state.error?.serverMessage).not.toContain(wrong);
  });
});

describe('useThreepidFlow: the person and the check for the link at once', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** A reset waiting for the followed link, its next check for it 5 s slow to come back. */
  async function checkOnItsWay() {
    vi.useFakeTimers();
    const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false });
    const client = createThreepidClient({ baseUrl: 'http://localhost:8008', fetch: hs.fetch });
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: 3_000, onComplete }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => result.current.setNewPassword('a much longer passphrase'));
    await settleToStep(result, 'awaitingLink');
    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    hs.faults.inject({ endpoint: 'password', kind: 'latency', ms: 5_000 });
    await advance(3_000);
    expect(hs.requests.count({ endpoint: 'password' })).toBe(0);
    return { hs, result, onComplete };
  }

  it('should finish once when the person\'s click is answered before the check', async () => {
    const { hs, result, onComplete } = await checkOnItsWay();
    act(() => result.current.continue());
    await settleToStep(result, 'done');
    await advance(5_000);
    // The check's late answer (the session is spent by then) changes nothing.
    expect(hs.requests.filter((r) => r.endpoint === 'password').map((r) => r.status)).toEqual([200, 401]);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(result.current.state.step).toBe('done');
    expect(result.current.state.error).toBeUndefined();
  });

  it('should finish on the check\'s success when it is answered before the person\'s click', async () => {
    const { hs, result, onComplete } = await checkOnItsWay();
    hs.faults.inject({ endpoint: 'password', kind: 'latency', ms: 10_000 });
    act(() => result.current.continue());
    expect(result.current.state.step).toBe('completing');
    await advance(5_000);
    await settleToStep(result, 'done');
    expect(onComplete).toHaveBeenCalledTimes(1);
    await advance(10_000);
    // The click's own answer comes after, refused (the session is spent): the person still sees the reset done.
    expect(hs.requests.filter((r) => r.endpoint === 'password').map((r) => r.status)).toEqual([200, 401]);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(result.current.state.step).toBe('done');
    expect(result.current.state.error).toBeUndefined();
  });

  /**
   * A reset whose password requests (the checks and the person's click) each take `plan[i].ms` to answer and may be
   * answered otherwise: `status500`, or `accept` (a server that takes the spent session once more).
   */
  async function slowServer(plan: Array<{ ms: number; answer?: 'status500' | 'accept' }>, followLink: boolean) {
    vi.useFakeTimers();
    const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false });
    let sent = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (!String(input).endsWith('/account/password')) return hs.fetch(input, init);
      const { ms = 0, answer } = plan[sent] ?? {};
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (answer === 'status500') return new Response(JSON.stringify({ errcode: 'M_UNKNOWN', error: 'Internal error' }), { status: 500 });
      const response = await hs.fetch(input, init);
      return answer === 'accept' ? new Response('{}', { status: 200 }) : response;
    };
    const client = createThreepidClient({ baseUrl: 'http://localhost:8008', fetch });
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: 3_000, onComplete }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => result.current.setNewPassword('a much longer passphrase'));
    await settleToStep(result, 'awaitingLink');
    if (followLink) await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    // The check goes at 3 s; the person clicks just after.
    await advance(3_000);
    act(() => result.current.continue());
    expect(result.current.state.step).toBe('completing');
    return { result, onComplete };
  }

  it("should not take a check's 'not yet' for the person's answer while their click is on its way", async () => {
    const { result, onComplete } = await slowServer([{ ms: 5_000 }, { ms: 10_000 }], false);
    await advance(5_000);
    expect(result.current.state.step).toBe('completing');
    await advance(10_000);
    await settleToStep(result, 'awaitingLink');
    expect(result.current.state.error?.kind).toBe('notYetValidated');
    expect(onComplete).not.toHaveBeenCalled();
  });

  it("should leave a check's server error unseen while the person's click is on its way, and finish on the click", async () => {
    const { result, onComplete } = await slowServer([{ ms: 5_000, answer: 'status500' }, { ms: 10_000 }], true);
    await advance(5_000);
    expect(result.current.state.step).toBe('completing');
    expect(result.current.state.error).toBeUndefined();
    await advance(10_000);
    await settleToStep(result, 'done');
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('should tell the host once when the server takes the spent session again for the click after the check', async () => {
    const { result, onComplete } = await slowServer([{ ms: 5_000 }, { ms: 10_000, answer: 'accept' }], true);
    await advance(5_000);
    await settleToStep(result, 'done');
    await advance(10_000);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(result.current.state.step).toBe('done');
  });

  it("should finish on a check's success that comes after the person's click met a new prompt", async () => {
    vi.useFakeTimers();
    const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false });
    // Once the link is followed: the check sent first is answered 5 s later, by the server; the person's click 1 s
    // after it is sent, with a fresh password prompt (a server that started a new UIA session for it).
    let raced = 0;
    let racing = false;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (!racing || !String(input).endsWith('/account/3pid/add')) return hs.fetch(input, init);
      raced += 1;
      if (raced === 1) {
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        return hs.fetch(input, init);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return new Response(JSON.stringify({ session: 'another', flows: [{ stages: ['m.login.password'] }], params: {} }), { status: 401 });
    };
    const client = createThreepidClient({ baseUrl: 'http://localhost:8008', accessToken: ALICE.accessToken, fetch });
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: 3_000, onComplete }, { client });
    await settleToStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await settleToStep(result, 'awaitingLink');
    await settleUntil(() => expect(result.current.state.earlyAuth).toBe(true));
    act(() => result.current.authenticate({ password: ALICE.password }));
    await settleUntil(() => expect(result.current.state.earlyAuth).toBeUndefined());
    await act(async () => {
      await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    });
    racing = true;
    await advance(3_000);
    expect(raced).toBe(1);
    act(() => result.current.continue());
    await advance(1_000);
    await settleToStep(result, 'authenticating');
    // The person opens the server's sign-in window for the new prompt.
    const popup = { closed: false, close: vi.fn() };
    vi.stubGlobal('open', vi.fn(() => popup));
    act(() => result.current.authenticateWithFallback('m.login.password'));
    await advance(4_000);
    // The address was added by the check: the prompt is moot, its window closed, and the person sees it done.
    await settleToStep(result, 'done');
    expect(popup.close).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(hs.users.get(ALICE.userId)?.threepids).toContainEqual(expect.objectContaining({ address: 'new@example.org' }));
    expect(result.current.state.uia).toBeUndefined();
  });
});
