// After an error other than "not yet validated" the link screen must not promise to notice the followed link: the
// hook says it does not, and no poll goes out, not even when the person comes back to the tab.
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import { createFakeHomeserver } from '../../src/testing';
import { failOnConsole } from './support/failOnConsole';
import { advance, renderFlowHook, settleToStep, settleUntil } from './support/renderThreepidHook';

failOnConsole();

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useThreepidFlow after a failed check for the followed link', () => {
  it('should stop saying it detects the link, and send no poll when the person comes back', async () => {
    const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false });
    const client = createThreepidClient({ baseUrl: 'http://localhost:8008', fetch: hs.fetch });
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email' }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => result.current.setNewPassword('a much longer passphrase'));
    await settleToStep(result, 'awaitingLink');
    expect(result.current.autoDetects).toBe(true);

    hs.faults.inject({ endpoint: 'password', kind: 'status500' });
    await advance(3_000);
    await settleUntil(() => expect(result.current.state.error?.kind).toBe('server'));
    expect(result.current.state.step).toBe('awaitingLink');
    expect(result.current.autoDetects).toBe(false);

    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await advance(5 * 60_000);
    expect(hs.requests.count({ endpoint: 'password' })).toBe(1);
  });
});
