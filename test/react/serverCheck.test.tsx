// What an add flow makes of a server check that says less than usual: a host's client that cannot ask about OAuth,
// and OAuth metadata that lists account actions without an account page. (What is read, when: serverReads.test.tsx.)
import { describe, expect, it } from 'vitest';
import type { ThreepidClient } from '../../src/protocol/types';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, waitForStep } from './support/renderThreepidHook';

failOnConsole();

describe('useThreepidFlow add: a partial server check', () => {
  it('should say 3PID changes are off when the client has no way to ask about OAuth', async () => {
    const { client } = fakeSetup({ capabilities: { threepidChanges: false } });
    const { getAuthMetadata: _cannotAsk, ...legacyClient } = client;
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client: legacyClient });
    await waitForStep(result, 'unavailable');
    expect(result.current.state.unavailable).toBe('threepidChangesDisabled');
  });

  it('should send the person to the issuer when the server lists account actions but no account page', async () => {
    const { client } = fakeSetup({ preset: 'oauth' });
    const issuer = 'https://auth.example.org/';
    const withoutAccountPage: ThreepidClient = {
      ...client,
      getAuthMetadata: async () => ({ issuer, accountManagementActions: ['org.matrix.profile'] }),
    };
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client: withoutAccountPage });
    await waitForStep(result, 'accountManagement');
    expect(result.current.state.accountManagement).toMatchObject({ issuer, url: issuer });
  });
});
