// useRegistrationStage on its own (issue 16, mutation run on src/react/useRegistrationStage.ts): a token handed over,
// the host's storage and client, and when the address is sent — or never is.
import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import type { AuthMetadata, ThreepidClient } from '../../src/protocol/types';
import { ThreepidProvider, useRegistrationStage, type RegistrationStage, type RegistrationStageOptions, type StorageLike } from '../../src/react';
import { createFakeHomeserver, type FakeHomeserver } from '../../src/testing';
import { hostSignUp, NEWCOMER } from '../support/signUp';
import { failOnConsole } from './support/failOnConsole';
import { advance, renderWithKit, settleUntil, waitForStep } from './support/renderThreepidHook';

failOnConsole();

afterEach(() => {
  vi.useRealTimers();
});

/** A legacy server whose sign-up asks for an email, a signed-out client on it, and a host that started /register. */
async function signUp(options: { emailSubmitUrl?: boolean } = {}) {
  const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false, registration: { require3pid: ['email'] }, ...options });
  const client = createThreepidClient({ baseUrl: hs.baseUrl, fetch: hs.fetch });
  const host = hostSignUp(hs);
  const session = await host.start();
  return { hs, client, host, session };
}

/** The same client without `getAuthMetadata`: a host's own client that cannot tell, so the stage sends at once. */
const withoutDiscovery = (client: ThreepidClient): ThreepidClient =>
  Object.assign(Object.create(client) as ThreepidClient, { getAuthMetadata: undefined });

const tokenRequests = (hs: FakeHomeserver): number => hs.requests.count({ endpoint: 'requestToken' });

function renderStage(options: RegistrationStageOptions, client: ThreepidClient) {
  return renderWithKit((props: RegistrationStageOptions) => useRegistrationStage(props), { client, initialProps: options });
}

describe('useRegistrationStage with a token asked for elsewhere', () => {
  it('should wait on the code step for a handed-over token with a submit_url, and pass the stage with its code', async () => {
    const { hs, client, host, session } = await signUp({ emailSubmitUrl: true });
    const clientSecret = 'handedOverSecret123';
    const { sid, submitUrl } = await client.requestToken('register', { medium: 'email', email: NEWCOMER.email, clientSecret, sendAttempt: 1 });
    expect(submitUrl).toBeDefined();
    const onComplete = vi.fn();
    const requested = { address: NEWCOMER.email, clientSecret, sid, sendAttempt: 1, submitUrl };
    const { result } = renderStage({ session, submitAuth: host.submitAuth, requested, onComplete, pollIntervalMs: false }, client);

    await waitForStep(result, 'awaitingCode');
    act(() => result.current.submitCode(hs.inbox.latest(NEWCOMER.email)?.token ?? ''));
    await waitForStep(result, 'done');
    expect(onComplete).toHaveBeenCalledWith(expect.objectContaining({ response: expect.objectContaining({ user_id: '@newcomer:localhost' }) }));
    expect(tokenRequests(hs)).toBe(1);
  });

  it('should hold off a resend of a handed-over token until the cooldown after the hand-over is over', async () => {
    const { client, host, session } = await signUp();
    const { sid } = await client.requestToken('register', { medium: 'email', email: NEWCOMER.email, clientSecret: 'handedOverSecret123', sendAttempt: 1 });
    const handedOverAt = Date.now();
    const requested = { address: NEWCOMER.email, clientSecret: 'handedOverSecret123', sid, sendAttempt: 1 };
    const { result } = renderStage({ session, submitAuth: host.submitAuth, requested, resendCooldownMs: 60_000, pollIntervalMs: false }, client);

    await waitForStep(result, 'awaitingLink');
    expect(result.current.canResend).toBe(false);
    expect(result.current.resendAvailableAt).toBeGreaterThanOrEqual(handedOverAt + 60_000);
  });
});

describe('useRegistrationStage and what the host gives it', () => {
  it("should keep the waiting stage in the host's storage under the register key of its medium", async () => {
    const { client, host, session } = await signUp();
    const items = new Map<string, string>();
    const storage: StorageLike = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
    const { result } = renderStage({ session, submitAuth: host.submitAuth, address: NEWCOMER.email, persist: storage, pollIntervalMs: false }, client);

    await waitForStep(result, 'awaitingLink');
    expect([...items.keys()]).toEqual(['matrix-threepid-kit:register:email']);
  });

  it('should send through the client the host gives it now, not the one it mounted with', async () => {
    const first = await signUp();
    const second = await signUp();
    const options: RegistrationStageOptions = { session: second.session, submitAuth: second.host.submitAuth, pollIntervalMs: false };
    const { result, rerender } = renderStage({ ...options, client: first.client }, first.client);
    rerender({ ...options, client: second.client });

    act(() => result.current.request(NEWCOMER.email));
    await waitForStep(result, 'awaitingLink');
    expect(tokenRequests(second.hs)).toBe(1);
    expect(tokenRequests(first.hs)).toBe(0);
  });

  it("should take a client whose discovery fails for a legacy server's and send the address", async () => {
    const { hs, client, host, session } = await signUp();
    const failing = Object.assign(Object.create(client) as ThreepidClient, { getAuthMetadata: () => Promise.reject(new Error('discovery failed')) });
    const { result } = renderStage({ session, submitAuth: host.submitAuth, address: NEWCOMER.email, pollIntervalMs: false }, failing);

    await waitForStep(result, 'awaitingLink');
    expect(tokenRequests(hs)).toBe(1);
  });
});

describe('useRegistrationStage sending nothing', () => {
  it("should send nothing when the host calls request() on an OAuth-era server's stage", async () => {
    const { hs, client, host, session } = await signUp();
    hs.requests.clear();
    const { result } = renderStage({ session, submitAuth: host.submitAuth, accountManagementUrl: 'https://auth.example.org/account' }, client);
    const step = result.current.state.step;

    act(() => result.current.request(NEWCOMER.email));
    await act(async () => {
      await Promise.resolve();
    });
    expect(result.current.state.step).toBe(step);
    expect(result.current.isBusy).toBe(false);
    expect(hs.requests).toHaveLength(0);
  });

  it('should send nothing when the stage unmounts before the address given up front goes out', async () => {
    const { hs, client, host, session } = await signUp();
    vi.useFakeTimers();
    const { unmount } = renderStage({ session, submitAuth: host.submitAuth, address: NEWCOMER.email, pollIntervalMs: false }, withoutDiscovery(client));
    unmount();
    await advance(1000);
    expect(tokenRequests(hs)).toBe(0);
  });

  it("should go by the discovery of StrictMode's kept run, not of its discarded trial run", async () => {
    const { hs, client, host, session } = await signUp();
    // A host's own client that asks the server each time: the trial run hears "legacy", the kept run "OAuth-era".
    const metadata: AuthMetadata = { issuer: 'https://auth.example.org/', accountManagementUri: 'https://auth.example.org/account', accountManagementActions: [] };
    let answer = (_found: AuthMetadata): void => {};
    const answers = [Promise.resolve(null), new Promise<AuthMetadata>((resolve) => (answer = resolve))];
    let calls = 0;
    const asking = Object.assign(Object.create(client) as ThreepidClient, { getAuthMetadata: () => answers[calls++] ?? Promise.resolve(null) });
    let stage: RegistrationStage | undefined;
    function Stage(): null {
      stage = useRegistrationStage({ session, submitAuth: host.submitAuth, address: NEWCOMER.email, pollIntervalMs: false });
      return null;
    }
    vi.useFakeTimers();
    render(
      <StrictMode>
        <ThreepidProvider client={asking}>
          <Stage />
        </ThreepidProvider>
      </StrictMode>,
    );
    await settleUntil(() => expect(calls).toBe(2));
    // Time for an address released by the trial run's answer to go out.
    await advance(1000);
    answer(metadata);

    await settleUntil(() => expect(stage?.accountManagementUrl).toBe('https://auth.example.org/account'));
    expect(stage?.state.step).toBe('enterAddress');
    expect(tokenRequests(hs)).toBe(0);
  });
});

describe('useRegistrationStage when the host switches its medium', () => {
  it('should not bring back a handed-over token the person changed away from when the stage comes back to its medium', async () => {
    const { client, host, session } = await signUp();
    const { sid } = await client.requestToken('register', { medium: 'email', email: NEWCOMER.email, clientSecret: 'handedOverSecret123', sendAttempt: 1 });
    const requested = { address: NEWCOMER.email, clientSecret: 'handedOverSecret123', sid, sendAttempt: 1 };
    const options: RegistrationStageOptions = { session, submitAuth: host.submitAuth, requested, pollIntervalMs: false };
    const { result, rerender } = renderStage(options, client);
    await waitForStep(result, 'awaitingLink');
    act(() => result.current.changeAddress());
    expect(result.current.state.step).toBe('enterAddress');

    // A sign-up that offers email or phone, on one stage element: the person looks at the phone, then comes back.
    rerender({ ...options, medium: 'msisdn' });
    rerender(options);
    await act(async () => {
      await Promise.resolve();
    });
    expect(result.current.state.step).toBe('enterAddress');
  });
});
