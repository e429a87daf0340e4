// The preset hooks run their own purpose and medium: what the server is asked for, and what the host is told at the
// end, show which.
import { act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAddPhoneFlow } from '../../src/react';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderWithKit, waitForStep } from './support/renderThreepidHook';

failOnConsole();

describe('useAddPhoneFlow', () => {
  it('should text a code to the number given and tell the host a phone number was added', async () => {
    const { hs, client } = fakeSetup();
    const onComplete = vi.fn();
    const { result } = renderWithKit(() => useAddPhoneFlow({ pollIntervalMs: false, onComplete }), { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request({ country: 'GB', phoneNumber: '7700900123', display: '+44 7700 900123' }));
    await waitForStep(result, 'awaitingCode');
    expect(hs.requests.filter((r) => r.endpoint === 'requestToken').map((r) => r.path)).toEqual(['/_matrix/client/v3/account/3pid/msisdn/requestToken']);
    act(() => result.current.submitCode(hs.inbox.latest('+447700900123')?.token ?? ''));
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'msisdn', address: '+447700900123', display: '+44 7700 900123' });
  });
});
