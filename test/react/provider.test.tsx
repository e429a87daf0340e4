// Where the hook finds its protocol client and its react-query client.
import { onlineManager, QueryClient, useQueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import { ThreepidProvider, useAddEmailFlow, useThreepidContext, useThreepidFlow } from '../../src/react';
import { createFakeHomeserver } from '../../src/testing';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { advance, hostQueryClient, renderFlowHook, renderWithKit, settleToStep, settleUntil, waitForStep } from './support/renderThreepidHook';

failOnConsole();

/** A minute on the fake clock: longer than any retry a host default could schedule. */
const A_MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

/** How many mutations ran on this QueryClient (ours carry no key, so count them all). */
function mutationCount(queryClient: QueryClient): number {
  return queryClient.getMutationCache().getAll().length;
}

describe('ThreepidProvider', () => {
  it("should run the flow's mutations and queries on the host's QueryClient when inside its QueryClientProvider", async () => {
    const { client } = fakeSetup();
    const host = hostQueryClient();
    // No polling: its first check for the link (which asks for auth while waiting) would be a second mutation.
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client, hostQueryClient: host });
    await waitForStep(result, 'enterAddress');
    expect(host.getQueryCache().getAll().map((q) => q.queryKey[1])).toContain('capabilities');
    expect(mutationCount(host)).toBe(0);
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    const mutations = host.getMutationCache().getAll();
    expect(mutations).toHaveLength(1);
    expect(mutations[0]?.state.status).toBe('success');
    expect(mutations[0]?.state.data).toEqual({ sid: result.current.state.session?.sid });
  });

  it('should give the flows below it its client and message overrides', () => {
    const { client } = fakeSetup();
    const messages = { 'email.label': 'E-mail' } as const;
    const { result } = renderHook(() => useThreepidContext(), {
      wrapper: ({ children }) => (
        <ThreepidProvider client={client} messages={messages}>
          {children}
        </ThreepidProvider>
      ),
    });
    expect(result.current?.client).toBe(client);
    expect(result.current?.messages).toBe(messages);
  });

  it('should create its own QueryClient when there is none', async () => {
    const { client } = fakeSetup();
    const { result } = renderWithKit(
      () => ({ flow: useAddEmailFlow({ pollIntervalMs: false }), queryClient: useQueryClient() }),
      { client },
    );
    await waitForStep({ get current() { return result.current.flow; } }, 'enterAddress');
    act(() => result.current.flow.request('new@example.org'));
    await waitForStep({ get current() { return result.current.flow; } }, 'awaitingLink');
    expect(mutationCount(result.current.queryClient)).toBe(1);
  });

  it('should prefer its queryClient prop over the host QueryClientProvider', async () => {
    const { client } = fakeSetup();
    const host = hostQueryClient();
    const own = hostQueryClient();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client, hostQueryClient: host, providerQueryClient: own });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(mutationCount(own)).toBe(1);
    expect(mutationCount(host)).toBe(0);
  });

  it("should use the hook's client option instead of the provider's", async () => {
    const provided = fakeSetup();
    const explicit = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', client: explicit.client }, { client: provided.client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(explicit.hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(explicit.hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
    expect(provided.hs.requests.length).toBe(0);
  });

  it("should read each client's own capabilities, even with one shared QueryClient", async () => {
    const enabled = fakeSetup();
    const disabled = fakeSetup({ capabilities: { threepidChanges: false } });
    const shared = hostQueryClient();
    const first = renderFlowHook({ purpose: 'add', medium: 'email' }, { client: enabled.client, hostQueryClient: shared });
    await waitForStep(first.result, 'enterAddress');
    const second = renderFlowHook({ purpose: 'add', medium: 'email', client: disabled.client }, { client: enabled.client, hostQueryClient: shared });
    await waitForStep(second.result, 'unavailable');
    expect(disabled.hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
  });

  it('should settle when the host passes a new client object on every render', async () => {
    vi.useFakeTimers();
    const { hs, client } = fakeSetup();
    const { result } = renderWithKit(() => useAddEmailFlow({ client: { ...client } }), { client });
    await settleToStep(result, 'enterAddress');
    await advance(A_MINUTE);
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
    act(() => result.current.request('new@example.org'));
    await settleToStep(result, 'awaitingLink');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });

  it('should work with a client option under a host QueryClientProvider alone', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', client }, { hostQueryClient: hostQueryClient() });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });
});

describe("useThreepidFlow under a host's QueryClient defaults", () => {
  afterEach(() => {
    onlineManager.setOnline(true);
  });

  it('should not let a host default of mutation retries resend a refused request', async () => {
    const { hs, client } = fakeSetup();
    vi.useFakeTimers();
    const host = new QueryClient({ defaultOptions: { mutations: { retry: 3, retryDelay: 1 }, queries: { retry: 3, retryDelay: 1 } } });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client, hostQueryClient: host });
    await settleToStep(result, 'enterAddress');
    act(() => result.current.request('alice@example.org'));
    await settleUntil(() => expect(result.current.state.error?.kind).toBe('threepidInUse'));
    await advance(A_MINUTE);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);

    act(() => result.current.request('new@example.org'));
    await settleToStep(result, 'awaitingLink');
    act(() => result.current.continue());
    await settleToStep(result, 'authenticating');
    await advance(A_MINUTE);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);
  });

  it('should not read capabilities again when a host default would retry a failed read', async () => {
    const { hs, client } = fakeSetup();
    hs.faults.inject({ endpoint: 'capabilities', kind: 'status500', times: 5 });
    vi.useFakeTimers();
    const host = new QueryClient({ defaultOptions: { queries: { retry: 3, retryDelay: 1 } } });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client, hostQueryClient: host });
    await settleToStep(result, 'enterAddress');
    await advance(A_MINUTE);
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
  });

  it('should still talk to the server when react-query believes the browser is offline', async () => {
    const { hs, client } = fakeSetup();
    onlineManager.setOnline(false);
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client, hostQueryClient: hostQueryClient() });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });
});

describe('useThreepidFlow without a provider', () => {
  it('should throw an error that says what to wrap it in when there is no client at all', () => {
    expect(() => renderHook(() => useThreepidFlow({ purpose: 'add', medium: 'email' }))).toThrow(
      /wrap the flow in <ThreepidProvider client=\{…\}> or pass a `client`/,
    );
  });

  it('should throw an error that names the provider when a client is given but no QueryClient exists', () => {
    const hs = createFakeHomeserver({ rateLimit: false });
    const client = createThreepidClient({ baseUrl: 'http://localhost:8008', accessToken: ALICE.accessToken, fetch: hs.fetch });
    expect(() => renderHook(() => useThreepidFlow({ purpose: 'add', medium: 'email', client }))).toThrow(/ThreepidProvider/);
  });
});

describe('ThreepidProvider when the host changes its props', () => {
  it('should give the flows below it the client and messages the host passes now', () => {
    const first = fakeSetup();
    const second = fakeSetup();
    let props = { client: first.client, messages: { 'email.label': 'E-mail' } };
    const { result, rerender } = renderHook(() => useThreepidContext(), {
      wrapper: ({ children }) => <ThreepidProvider {...props}>{children}</ThreepidProvider>,
    });
    props = { client: second.client, messages: { 'email.label': 'Courriel' } };
    rerender();
    expect(result.current?.client).toBe(second.client);
    expect(result.current?.messages).toEqual({ 'email.label': 'Courriel' });
  });

  it('should keep the flow working when the host stops passing its queryClient', async () => {
    const { hs, client } = fakeSetup();
    let queryClient: QueryClient | undefined = hostQueryClient();
    const { result, rerender } = renderHook(() => useAddEmailFlow({ pollIntervalMs: false }), {
      wrapper: ({ children }) => (
        <ThreepidProvider client={client} queryClient={queryClient}>
          {children}
        </ThreepidProvider>
      ),
    });
    await waitForStep(result, 'enterAddress');
    queryClient = undefined;
    rerender();
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });
});
