// What reaches the server, counted from the fake homeserver's request log: double clicks, StrictMode, resend
// and retry must never send an extra email or SMS.
import { act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ThreepidClient } from '../../src/protocol/types';
import { createThreepidClient } from '../../src/protocol';
import { createFakeHomeserver } from '../../src/testing';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, sendAndFollowLink, waitForStep } from './support/renderThreepidHook';

failOnConsole();

const sendAttempts = (hs: ReturnType<typeof fakeSetup>['hs']): unknown[] =>
  hs.requests.filter((r) => r.endpoint === 'requestToken').map((r) => (r.body as { send_attempt?: unknown }).send_attempt);

/** A homeserver whose answers can be lost on the way back: the server acted, the client sees a network error. */
function lossySetup(): { hs: ReturnType<typeof createFakeHomeserver>; client: ThreepidClient; loseNextAnswer: () => void } {
  const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false });
  let lose = false;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await hs.fetch(input, init);
    if (!lose) return response;
    lose = false;
    throw new TypeError('fetch failed');
  };
  const client = createThreepidClient({ baseUrl: 'http://localhost:8008', accessToken: ALICE.accessToken, fetch });
  return { hs, client, loseNextAnswer: () => (lose = true) };
}

describe('useThreepidFlow request counts', () => {
  it('should send one requestToken when request() is called twice in a row (double click)', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => {
      result.current.request('new@example.org');
      result.current.request('new@example.org');
    });
    await waitForStep(result, 'awaitingLink');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.inbox.all()).toHaveLength(1);
  });

  it('should send one addThreepid when continue() is called twice in a row', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    act(() => {
      result.current.continue();
      result.current.continue();
    });
    await waitForStep(result, 'authenticating');
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);
  });

  it('should send one submitToken when the code is submitted twice in a row', async () => {
    const { hs, client } = fakeSetup({ emailSubmitUrl: true });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingCode');
    const code = hs.inbox.latest('new@example.org')?.token ?? '';
    act(() => {
      result.current.submitCode(code);
      result.current.submitCode(code);
    });
    await waitForStep(result, 'authenticating');
    expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);
  });

  it('should send one addThreepid when the password is submitted twice in a row', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await sendAndFollowLink(result, hs, 'new@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    act(() => {
      result.current.authenticate({ password: ALICE.password });
      result.current.authenticate({ password: ALICE.password });
    });
    await waitForStep(result, 'done');
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(1);
    expect(hs.requests.filter((r) => r.endpoint === 'threepidAdd').map((r) => r.status)).toEqual([401, 200]);
  });

  it('should send one requestToken and read capabilities once under StrictMode', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client, strict: true });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });

  it('should finish a whole add flow under StrictMode with one request per step', async () => {
    const { hs, client } = fakeSetup();
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onComplete }, { client, strict: true });
    await sendAndFollowLink(result, hs, 'new@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);
  });

  it('should resend with the same client_secret and send_attempt + 1', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', resendCooldownMs: 0 }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    const { sid, clientSecret } = result.current.state.session ?? {};
    await vi.waitFor(() => expect(result.current.canResend).toBe(true));
    act(() => result.current.resend());
    await vi.waitFor(() => expect(result.current.state.resendCount).toBe(1));
    expect(result.current.state.step).toBe('awaitingLink');
    expect(sendAttempts(hs)).toEqual([1, 2]);
    expect(result.current.state.session).toMatchObject({ sid, clientSecret, sendAttempt: 2 });
    expect(hs.inbox.all()).toHaveLength(2);
    expect(new Set(hs.inbox.all().map((m) => m.sid))).toEqual(new Set([sid]));
  });

  it('should send one requestToken when resend() is called twice in a row', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', resendCooldownMs: 0 }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    await vi.waitFor(() => expect(result.current.canResend).toBe(true));
    act(() => {
      result.current.resend();
      result.current.resend();
    });
    await vi.waitFor(() => expect(result.current.state.resendCount).toBe(1));
    expect(sendAttempts(hs)).toEqual([1, 2]);
  });

  it('should retry a request whose answer was lost with the same send_attempt, and the server sends no second message', async () => {
    const { hs, client, loseNextAnswer } = lossySetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    loseNextAnswer();
    act(() => result.current.request('new@example.org'));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('offline'));
    expect(result.current.state.step).toBe('enterAddress');
    expect(result.current.state.draft.address).toBe('new@example.org');
    expect(hs.inbox.all()).toHaveLength(1);
    const secret = result.current.state.session?.clientSecret;

    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(sendAttempts(hs)).toEqual([1, 1]);
    expect(result.current.state.session?.clientSecret).toBe(secret);
    expect(hs.inbox.all()).toHaveLength(1);
  });

  it('should retry a failed resend with the same send_attempt, and the server sends no extra message', async () => {
    const { hs, client, loseNextAnswer } = lossySetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', resendCooldownMs: 0 }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    await vi.waitFor(() => expect(result.current.canResend).toBe(true));

    loseNextAnswer();
    act(() => result.current.resend());
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('offline'));
    expect(result.current.state.step).toBe('awaitingLink');
    expect(hs.inbox.all()).toHaveLength(2);

    act(() => result.current.resend());
    await vi.waitFor(() => expect(result.current.state.resendCount).toBe(1));
    expect(sendAttempts(hs)).toEqual([1, 2, 2]);
    expect(hs.inbox.all()).toHaveLength(2);
  });

  it('should start a new session (new client_secret, send_attempt 1) for a different address', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('first@example.org'));
    await waitForStep(result, 'awaitingLink');
    const first = result.current.state.session?.clientSecret;
    act(() => result.current.changeAddress());
    expect(result.current.state.step).toBe('enterAddress');
    expect(result.current.state.draft.address).toBe('first@example.org');
    act(() => result.current.request('second@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.session?.clientSecret).not.toBe(first);
    expect(sendAttempts(hs)).toEqual([1, 1]);
  });
});
