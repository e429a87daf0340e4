// The host's mutation cache lets go of the kit's network steps as it does of its own: once a step has settled and
// its gcTime has passed, the host's useMutationState and the devtools no longer list it.
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { advance, hostQueryClient, renderFlowHook, settleToStep } from './support/renderThreepidHook';

failOnConsole();

afterEach(() => {
  vi.useRealTimers();
});

/** react-query's default gcTime for mutations. */
const FIVE_MINUTES = 5 * 60_000;

describe("useThreepidFlow steps in the host's mutation cache", () => {
  it('should let the host’s cache forget a settled step once its gcTime has passed', async () => {
    vi.useFakeTimers();
    const { client } = fakeSetup();
    const host = hostQueryClient();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client, hostQueryClient: host });
    await settleToStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await settleToStep(result, 'awaitingLink');
    expect(host.getMutationCache().findAll({ mutationKey: ['matrix-threepid-kit', 'requestToken'] })).toHaveLength(1);

    await advance(FIVE_MINUTES);
    expect(host.getMutationCache().findAll({ mutationKey: ['matrix-threepid-kit'] })).toEqual([]);
    // Forgetting the step changes nothing on screen.
    expect(result.current.state.step).toBe('awaitingLink');
  });
});
