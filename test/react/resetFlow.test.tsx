// Password reset through the hooks: the new password before or after the link/code, both media,
// and other devices kept signed in unless asked.
import { act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import { useResetPasswordFlow } from '../../src/react';
import { createFakeHomeserver, SEED_USERS, type FakeHomeserverOptions } from '../../src/testing';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, renderWithKit, waitForStep } from './support/renderThreepidHook';

failOnConsole();

const NEW_PASSWORD = 'a much longer passphrase';
const BOB = { userId: '@bob:localhost', phone: { country: 'GB', phoneNumber: '7700900001', display: '+447700900001' } };
const BOB_TOKEN = SEED_USERS.find((u) => u.userId === 'bob')?.accessToken ?? '';

/** A signed-out client, as on a login page: reset sends no access token. */
function resetSetup(options: FakeHomeserverOptions = {}): ReturnType<typeof fakeSetup> {
  const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false, ...options });
  return { hs, client: createThreepidClient({ baseUrl: 'http://localhost:8008', fetch: hs.fetch }) };
}

const passwordBodies = (hs: ReturnType<typeof fakeSetup>['hs']): unknown[] =>
  hs.requests.filter((r) => r.endpoint === 'password').map((r) => r.body);

describe('useThreepidFlow reset by email', () => {
  it('should send no legacy request to an OAuth-era server, even when the address is sent before the server was read', async () => {
    const { hs, client } = resetSetup({ preset: 'oauth' });
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', passwordStep: 'after-link', pollIntervalMs: false }, { client });
    // At once: the background read of the server has not answered yet.
    act(() => result.current.request('alice@example.org'));
    await waitForStep(result, 'accountManagement');
    expect(result.current.state.accountManagement?.issuer).toBe(`${hs.baseUrl}/`);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
    expect(result.current.state.error).toBeUndefined();
  });

  it('should send one request when the new password is submitted twice in a row (double click)', async () => {
    const { hs, client } = resetSetup();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: false }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => {
      result.current.setNewPassword(NEW_PASSWORD);
      result.current.setNewPassword(NEW_PASSWORD);
    });
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.error).toBeUndefined();
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.inbox.all()).toHaveLength(1);
  });

  it('should ask the password before the link by default, then finish on continue once the link is followed', async () => {
    const { hs, client } = resetSetup();
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: false, onComplete }, { client });
    expect(result.current.state.step).toBe('enterAddress');
    act(() => result.current.request('alice@example.org'));
    expect(result.current.state.step).toBe('choosePassword');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);

    act(() => result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(result, 'awaitingLink');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);

    // Too early: the server has not seen the link yet.
    act(() => result.current.continue());
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('notYetValidated'));
    expect(result.current.state.step).toBe('awaitingLink');

    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    act(() => result.current.continue());
    await waitForStep(result, 'done');

    expect(onComplete).toHaveBeenCalledWith({ purpose: 'reset', medium: 'email', address: 'alice@example.org', logoutDevices: false });
    expect(hs.users.get('alice')?.password).toBe(NEW_PASSWORD);
    expect(hs.users.isTokenValid(ALICE.accessToken)).toBe(true);
    const bodies = passwordBodies(hs);
    expect(bodies.at(-1)).toMatchObject({
      new_password: '[redacted]',
      logout_devices: false,
      auth: { type: 'm.login.email.identity', threepid_creds: { sid: result.current.state.session?.sid, client_secret: '[redacted]' } },
    });
    // Reset flows do not read capabilities: they run signed out.
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(0);
  });

  it('should ask the password after the link with passwordStep after-link', async () => {
    const { hs, client } = resetSetup();
    const { result } = renderWithKit(() => useResetPasswordFlow({ passwordStep: 'after-link', pollIntervalMs: false }), { client });
    act(() => result.current.request('alice@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.newPassword).toBeUndefined();

    act(() => result.current.continue());
    expect(result.current.state.step).toBe('choosePassword');
    expect(hs.requests.count({ endpoint: 'password' })).toBe(0);

    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    act(() => result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(result, 'done');
    expect(hs.requests.count({ endpoint: 'password' })).toBe(1);
    expect(hs.users.get('alice')?.password).toBe(NEW_PASSWORD);
  });

  it('should sign out other devices only when asked', async () => {
    const { hs, client } = resetSetup();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: false }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => result.current.setNewPassword(NEW_PASSWORD, { logoutDevices: true }));
    await waitForStep(result, 'awaitingLink');
    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    act(() => result.current.continue());
    await waitForStep(result, 'done');
    expect(passwordBodies(hs).at(-1)).toMatchObject({ logout_devices: true });
    expect(hs.users.isTokenValid(ALICE.accessToken)).toBe(false);
  });

  it('should go back to the password step, without the password, when the server finds it weak', async () => {
    const { hs, client } = resetSetup();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: false }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => result.current.setNewPassword('short'));
    await waitForStep(result, 'awaitingLink');
    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    act(() => result.current.continue());
    await waitForStep(result, 'choosePassword');
    expect(result.current.state.error?.kind).toBe('weakPassword');
    expect(result.current.state.newPassword).toBeUndefined();

    act(() => result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(result, 'done');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });

  it('should say the address is unknown and keep it typed', async () => {
    const { hs, client } = resetSetup();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', passwordStep: 'after-link' }, { client });
    act(() => result.current.request('nobody@example.org'));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('threepidNotFound'));
    expect(result.current.state.step).toBe('enterAddress');
    expect(result.current.state.draft.address).toBe('nobody@example.org');
    expect(hs.inbox.all()).toHaveLength(0);
  });
});

describe('useThreepidFlow reset by phone', () => {
  it('should send the SMS before asking the new password, even with before-link, and reset with the code', async () => {
    // Reset by phone is spec-only: Synapse refuses it, so the flow finds out before the person types a password.
    const { hs, client } = resetSetup({ resetByPhone: true });
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'msisdn' }, { client });
    act(() => result.current.request(BOB.phone));
    await waitForStep(result, 'awaitingCode');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    act(() => result.current.submitCode(hs.inbox.latest('+447700900001')?.token ?? ''));
    await waitForStep(result, 'choosePassword');
    expect(hs.requests.count({ endpoint: 'password' })).toBe(0);
    act(() => result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(result, 'done');
    expect(hs.users.get('bob')?.password).toBe(NEW_PASSWORD);
    expect(hs.users.isTokenValid(BOB_TOKEN)).toBe(true);
    expect(passwordBodies(hs).at(-1)).toMatchObject({ logout_devices: false, auth: { type: 'm.login.msisdn' } });
  });

  it('should reset with the SMS code, password asked after the code (after-link)', async () => {
    const { hs, client } = resetSetup({ resetByPhone: true });
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'msisdn', passwordStep: 'after-link' }, { client });
    act(() => result.current.request(BOB.phone));
    await waitForStep(result, 'awaitingCode');
    act(() => result.current.submitCode(hs.inbox.latest('+447700900001')?.token ?? ''));
    await waitForStep(result, 'choosePassword');
    expect(hs.requests.count({ endpoint: 'password' })).toBe(0);
    act(() => result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(result, 'done');
    expect(hs.users.get('bob')?.password).toBe(NEW_PASSWORD);
  });

  it('should say reset by phone is not offered on Synapse (the default) before any password is asked', async () => {
    const { hs, client } = resetSetup();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'msisdn' }, { client });
    act(() => result.current.request(BOB.phone));
    await waitForStep(result, 'unavailable');
    expect(result.current.state.unavailable).toBe('notOffered');
    expect(result.current.state.newPassword).toBeUndefined();
    expect(hs.requests.count({ endpoint: 'password' })).toBe(0);
  });

  it('should say reset by phone is not offered when the server does not know the endpoint', async () => {
    const { client } = resetSetup({ resetByPhone: false });
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'msisdn', passwordStep: 'after-link' }, { client });
    act(() => result.current.request(BOB.phone));
    await waitForStep(result, 'unavailable');
    expect(result.current.state.unavailable).toBe('notOffered');
    act(() => result.current.switchMedium('email'));
    expect(result.current.state.step).toBe('enterAddress');
    expect(result.current.state.config.medium).toBe('email');
  });
});

describe('useThreepidFlow reset: the UIA session', () => {
  it('should finish in the UIA session the server opened when "I\'ve opened the link" came too early', async () => {
    const { hs, client } = resetSetup();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', pollIntervalMs: false }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(result, 'awaitingLink');
    act(() => result.current.continue());
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('notYetValidated'));
    const opened = result.current.state.session?.uiaSession;
    expect(opened).toEqual(expect.any(String));

    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    act(() => result.current.continue());
    await waitForStep(result, 'done');
    expect(passwordBodies(hs)).toEqual([
      expect.objectContaining({ auth: expect.not.objectContaining({ session: expect.anything() }) }),
      expect.objectContaining({ auth: expect.objectContaining({ session: opened }) }),
    ]);
  });
});
