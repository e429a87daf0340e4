// Answering auth at its edges: authenticateWithFallback with no stage left to open a page for, authenticate() with an
// auth dict that is no password, and either called while no sign-in is asked for.
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_USERS } from '../../src/testing';
import { fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, waitForStep } from './support/renderThreepidHook';

failOnConsole();

// Carol signs in by SSO only: her UIA stage is a fallback page.
const CAROL_TOKEN = SEED_USERS.find((u) => u.userId === 'carol')?.accessToken;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Carol adds an address: sent and waiting for the link, or (`toAuth`) the link followed and the server asking who she is. */
async function carolAdding(toAuth: boolean) {
  const { hs, client } = fakeSetup({}, CAROL_TOKEN);
  const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
  await waitForStep(result, 'enterAddress');
  act(() => result.current.request('carol2@example.org'));
  await waitForStep(result, 'awaitingLink');
  if (!toAuth) return { hs, result };
  await hs.followLink(hs.inbox.latest('carol2@example.org')?.link ?? '');
  act(() => result.current.continue());
  await waitForStep(result, 'authenticating');
  return { hs, result };
}

describe('useThreepidFlow add: authenticateWithFallback edges', () => {
  it('should ask the server again in the same UIA session, with no popup, when no stage is left to open', async () => {
    const open = vi.fn(() => null);
    vi.stubGlobal('open', open);
    const { hs, result } = await carolAdding(true);
    const session = result.current.state.uia?.session ?? '';
    // Signed in on another device's page meanwhile: the server holds the stage as passed.
    expect(hs.completeFallback(session)).toBe(true);

    act(() => result.current.authenticateWithFallback(''));
    await waitForStep(result, 'done');
    expect(open).not.toHaveBeenCalled();
    expect(hs.requests.filter((r) => r.endpoint === 'threepidAdd').at(-1)?.body).toMatchObject({ auth: { session } });
    expect(hs.users.get('carol')?.threepids.map((t) => t.address)).toContain('carol2@example.org');
  });

  it('should do nothing, and throw nothing at the host, when called while no sign-in is asked for', async () => {
    const open = vi.fn(() => null);
    vi.stubGlobal('open', open);
    const { hs, result } = await carolAdding(false);

    act(() => result.current.authenticateWithFallback('m.login.sso'));
    expect(open).not.toHaveBeenCalled();
    expect(result.current.state.step).toBe('awaitingLink');
    expect(result.current.state.error).toBeUndefined();
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(0);
  });

  it('should ignore authenticate() too while no sign-in is asked for', async () => {
    const { hs, result } = await carolAdding(false);

    act(() => result.current.authenticate({ password: 'typed too early' }));
    expect(result.current.state.step).toBe('awaitingLink');
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(0);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(0);
  });
});

describe('useThreepidFlow add: authenticate() with an auth dict of the host', () => {
  it('should send an auth dict without a type as given, in the UIA session, and ask no whoami', async () => {
    const { hs, result } = await carolAdding(true);
    const session = result.current.state.uia?.session ?? '';
    // The host had the person sign in on the server's page itself: "check again" is the session alone.
    expect(hs.completeFallback(session)).toBe(true);

    act(() => result.current.authenticate({}));
    await waitForStep(result, 'done');
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(0);
    expect(hs.requests.filter((r) => r.endpoint === 'threepidAdd').at(-1)?.body).toMatchObject({ auth: { session } });
  });
});
