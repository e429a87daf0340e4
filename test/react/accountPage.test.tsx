// The add flows on an OAuth-era server: the account page replaces the form, and the list of the account's addresses
// beside its link is read at once, again when the person comes back to the tab, and kept when a read fails.
import { act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Threepid } from '../../src/protocol/types';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, waitForStep } from './support/renderThreepidHook';

failOnConsole();

const listed = (threepids: readonly Threepid[] | undefined): string[] | undefined => threepids?.map((t) => t.address);

describe('useThreepidFlow on an OAuth-era server', () => {
  it('should read the list again when the person comes back, and keep the last one when a read fails', async () => {
    const { hs, client } = fakeSetup({ preset: 'oauth' });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'accountManagement');
    await vi.waitFor(() => expect(listed(result.current.state.accountManagement?.threepids)).toEqual(['alice@example.org']));

    // Added on the account page meanwhile.
    (hs.users.get('alice')?.threepids as Threepid[]).push({ medium: 'email', address: 'alice.new@example.org', validatedAt: 1, addedAt: 1 });
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(listed(result.current.state.accountManagement?.threepids)).toContain('alice.new@example.org'));

    hs.faults.inject({ endpoint: 'threepids', kind: 'status500' });
    const reads = hs.requests.count({ endpoint: 'threepids' });
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(hs.requests.count({ endpoint: 'threepids' })).toBe(reads + 1));
    await act(async () => {
      await Promise.resolve();
    });
    expect(listed(result.current.state.accountManagement?.threepids)).toEqual(['alice@example.org', 'alice.new@example.org']);
    expect(result.current.state.error).toBeUndefined();
  });
});
