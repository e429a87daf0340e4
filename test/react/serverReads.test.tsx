// What a flow reads about the server before its form: the add flows' capabilities (once, under a key the host can
// watch), a reset's background look for an account page, and the account page screen's list of addresses.
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import { createFakeHomeserver, type FakeHomeserverOptions } from '../../src/testing';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { advance, hostQueryClient, renderFlowHook, settleToStep, settleUntil, waitForStep } from './support/renderThreepidHook';

failOnConsole();

afterEach(() => {
  vi.useRealTimers();
});

/** A signed-out client, as a reset runs on a login page. */
function signedOut(options: FakeHomeserverOptions = {}) {
  const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false, ...options });
  return { hs, client: createThreepidClient({ baseUrl: 'http://localhost:8008', fetch: hs.fetch }) };
}

/** The person comes back to the tab: react-query refetches stale queries that are still enabled. */
function comeBack(): void {
  act(() => {
    window.dispatchEvent(new Event('visibilitychange'));
  });
}

describe('useThreepidFlow reading the server before the form', () => {
  it("should keep the capabilities read in the host's query cache under ['matrix-threepid-kit', 'capabilities']", async () => {
    const { client } = fakeSetup();
    const host = hostQueryClient();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client, hostQueryClient: host });
    await waitForStep(result, 'enterAddress');
    const reads = host.getQueryCache().findAll({ queryKey: ['matrix-threepid-kit', 'capabilities'] });
    expect(reads).toHaveLength(1);
    expect(reads[0]?.state.status).toBe('success');
  });

  it('should not read the capabilities again once the form is shown, even when the person comes back much later', async () => {
    vi.useFakeTimers();
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client, hostQueryClient: hostQueryClient() });
    await settleToStep(result, 'enterAddress');
    // Well past the read's staleTime, when react-query would refetch a query that is still enabled.
    await advance(5 * 60_000);
    comeBack();
    await advance(0);
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
    expect(result.current.state.step).toBe('enterAddress');
  });

  it('should keep a slow answer under StrictMode: one read, and the form follows what it said', async () => {
    const { hs, client } = fakeSetup({ capabilities: { threepidChanges: false } });
    // Slower than the tick in which StrictMode unmounts and mounts again.
    hs.faults.inject({ endpoint: 'capabilities', kind: 'latency', ms: 50 });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client, strict: true });
    await waitForStep(result, 'unavailable');
    expect(result.current.state.unavailable).toBe('threepidChangesDisabled');
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
  });

  it("should show a reset's account page on an OAuth-era server before the person sends anything", async () => {
    const { hs, client } = signedOut({ preset: 'oauth' });
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: false }, { client });
    expect(result.current.state.step).toBe('enterAddress');
    await waitForStep(result, 'accountManagement');
    expect(result.current.state.accountManagement?.issuer).toBe(`${hs.baseUrl}/`);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });
});

describe("useThreepidFlow on the account page screen: the account's addresses", () => {
  it('should read the addresses as soon as the account page shows, without waiting for the next refresh', async () => {
    vi.useFakeTimers();
    const { hs, client } = fakeSetup({ preset: 'oauth' });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await settleToStep(result, 'accountManagement');
    // Zero-delay turns only: the clock stays where it is.
    await settleUntil(() => expect(result.current.state.accountManagement?.threepids?.map((t) => t.address)).toEqual(['alice@example.org']));
    expect(hs.requests.count({ endpoint: 'threepids' })).toBe(1);
  });

  it("should read no addresses on a reset's account page: the person is signed out", async () => {
    vi.useFakeTimers();
    const { hs, client } = signedOut({ preset: 'oauth' });
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: false }, { client });
    await settleToStep(result, 'accountManagement');
    await advance(2 * 60_000);
    comeBack();
    await advance(0);
    expect(hs.requests.count({ endpoint: 'threepids' })).toBe(0);
    expect(result.current.state.accountManagement?.threepids).toBeUndefined();
    expect(result.current.state.error).toBeUndefined();
  });
});
