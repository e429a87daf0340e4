// A host that switches `persistKey` (one key per signed-in account, say) gets the flow saved under the new key
// resumed, and that saved flow is not overwritten by the screen the hook was showing.
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import type { ThreepidFlowOptions } from '../../src/react';
import { createFakeHomeserver } from '../../src/testing';
import { failOnConsole } from './support/failOnConsole';
import { memoryStorage } from './support/memoryStorage';
import { renderFlowHook, waitForStep } from './support/renderThreepidHook';

failOnConsole();

describe('useThreepidFlow persist with a persistKey that changes', () => {
  it('should resume the flow saved under the key the host switches to', async () => {
    const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false });
    const client = createThreepidClient({ baseUrl: 'http://localhost:8008', fetch: hs.fetch });
    const storage = memoryStorage();
    const session = { medium: 'email', address: 'bob@example.org', clientSecret: 'bobsecret', sid: 'bob-sid', sendAttempt: 1, startedAt: Date.now() };
    const bobSaved = JSON.stringify({ v: 1, step: 'awaitingLink', session });
    storage.items.set('my-app:bob', bobSaved);
    const options: ThreepidFlowOptions = { purpose: 'reset', medium: 'email', persist: storage, persistKey: 'my-app:alice', pollIntervalMs: false };

    const { result, rerender } = renderFlowHook(options, { client });
    expect(result.current.state.step).toBe('enterAddress');
    rerender({ ...options, persistKey: 'my-app:bob' });
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.session?.address).toBe('bob@example.org');
    await waitFor(() => expect(storage.items.get('my-app:bob')).toBe(bobSaved));
    expect(storage.items.has('my-app:alice')).toBe(false);
  });
});
