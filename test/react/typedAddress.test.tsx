// What the person typed is what is sent: only the plain spaces and line breaks around it are trimmed (a paste often
// brings them); nothing inside the address is dropped.
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, waitForStep } from './support/renderThreepidHook';

failOnConsole();

const sentEmails = (hs: ReturnType<typeof fakeSetup>['hs']): unknown[] =>
  hs.requests.filter((r) => r.endpoint === 'requestToken').map((r) => (r.body as { email?: unknown }).email);

describe('useThreepidFlow: the address as typed', () => {
  it('should trim every space, tab and line break around a pasted address', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request(' \tnew@example.org \r\n'));
    await waitForStep(result, 'awaitingLink');
    expect(sentEmails(hs)).toEqual(['new@example.org']);
    expect(result.current.state.session?.address).toBe('new@example.org');
  });

  it('should keep a space inside the address, so the person sees what is wrong with it', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new @example.org'));
    await waitForStep(result, 'enterAddress');
    expect(result.current.state.draft.address).toBe('new @example.org');
    expect(sentEmails(hs).filter((email) => email === 'new@example.org')).toEqual([]);
  });
});
