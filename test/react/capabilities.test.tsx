// Add flows read the server's capabilities first and say so when 3PID changes are off.
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAddEmailFlow, useAddPhoneFlow } from '../../src/react';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, renderWithKit, waitForStep } from './support/renderThreepidHook';

failOnConsole();

describe('useThreepidFlow capabilities', () => {
  it('should start on checking and move to the address form when 3PID changes are allowed', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderWithKit(() => useAddEmailFlow(), { client });
    expect(result.current.state.step).toBe('checking');
    expect(result.current.isBusy).toBe(true);
    await waitForStep(result, 'enterAddress');
    expect(result.current.isBusy).toBe(false);
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
  });

  it('should say the flow is unavailable and send no requestToken when m.3pid_changes is disabled', async () => {
    const { hs, client } = fakeSetup({ capabilities: { threepidChanges: false } });
    const { result } = renderWithKit(() => useAddPhoneFlow(), { client });
    await waitForStep(result, 'unavailable');
    expect(result.current.state.unavailable).toBe('threepidChangesDisabled');
    act(() => result.current.request({ country: 'GB', phoneNumber: '7700900123' }));
    expect(result.current.state.step).toBe('unavailable');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });

  it('should ignore request() while the capabilities are still being read', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'enterAddress');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });

  it('should treat a capability the server leaves out as allowed', async () => {
    const { client } = fakeSetup({ capabilities: { threepidChanges: 'absent' } });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
  });

  it('should let the request itself decide when the capabilities cannot be read', async () => {
    const { hs, client } = fakeSetup();
    hs.faults.inject({ endpoint: 'capabilities', kind: 'status500' });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
  });
});
