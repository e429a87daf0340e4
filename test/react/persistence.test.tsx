// Resuming after a reload through a sessionStorage-like object: what is kept, what never is, and when it goes.
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import type { StorageLike, ThreepidFlowOptions } from '../../src/react';
import { createFakeHomeserver } from '../../src/testing';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, waitForStep } from './support/renderThreepidHook';

failOnConsole();

const NEW_PASSWORD = 'never stored passphrase';
const RESET_KEY = 'matrix-threepid-kit:reset:email';
const ADD_KEY = 'matrix-threepid-kit:add:email';

/** An in-memory Storage that remembers every value ever written. */
class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  readonly writes: string[] = [];
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes.push(value);
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function signedOut() {
  // Reset by phone is spec-only (Synapse refuses it): on here so a reset can switch to a phone.
  const hs = createFakeHomeserver({ baseUrl: 'http://localhost:8008', rateLimit: false, resetByPhone: true });
  return { hs, client: createThreepidClient({ baseUrl: 'http://localhost:8008', fetch: hs.fetch }) };
}

afterEach(() => {
  vi.useRealTimers();
});

/** A stored reset session that would resume, with `changes` made to its version or session fields. */
function saved(changes: Record<string, unknown>): string {
  const { v = 1, ...session } = changes;
  const valid = { medium: 'email', address: 'a@b.c', clientSecret: 'x', sid: 's', sendAttempt: 1, startedAt: Date.now() };
  return JSON.stringify({ v, step: 'awaitingLink', session: { ...valid, ...session } });
}

describe('useThreepidFlow persist', () => {
  it('should resume a reset waiting for the link after a remount, and finish it', async () => {
    const { hs, client } = signedOut();
    const storage = new MemoryStorage();
    const options: ThreepidFlowOptions = { purpose: 'reset', medium: 'email', persist: storage, pollIntervalMs: false };
    const first = renderFlowHook(options, { client });
    act(() => first.result.current.request('alice@example.org'));
    act(() => first.result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(first.result, 'awaitingLink');
    const session = first.result.current.state.session;
    expect(storage.items.has(RESET_KEY)).toBe(true);
    first.unmount();

    const second = renderFlowHook(options, { client });
    await waitForStep(second.result, 'awaitingLink');
    expect(second.result.current.state.session).toMatchObject({ sid: session?.sid, clientSecret: session?.clientSecret, address: 'alice@example.org' });
    expect(second.result.current.state.draft.address).toBe('alice@example.org');

    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    // The password was not kept, so it is asked again before finishing.
    act(() => second.result.current.continue());
    expect(second.result.current.state.step).toBe('choosePassword');
    act(() => second.result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(second.result, 'done');
    expect(hs.users.get('alice')?.password).toBe(NEW_PASSWORD);
    expect(storage.items.has(RESET_KEY)).toBe(false);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });

  it('should resume a reset that switched to a phone number after a remount, on the phone, and finish it', async () => {
    const { hs, client } = signedOut();
    const storage = new MemoryStorage();
    const options: ThreepidFlowOptions = { purpose: 'reset', medium: 'email', persist: storage, pollIntervalMs: false };
    const first = renderFlowHook(options, { client });
    act(() => first.result.current.switchMedium('msisdn'));
    // A phone reset sends first (the password comes after the code).
    act(() => first.result.current.request({ country: 'GB', phoneNumber: '7700900001', display: '+447700900001' }));
    await waitForStep(first.result, 'awaitingCode');
    const session = first.result.current.state.session;
    first.unmount();

    const second = renderFlowHook(options, { client });
    await waitForStep(second.result, 'awaitingCode');
    expect(second.result.current.state.config.medium).toBe('msisdn');
    expect(second.result.current.state.session).toMatchObject({ sid: session?.sid, medium: 'msisdn', country: 'GB', phoneNumber: '7700900001' });
    act(() => second.result.current.submitCode(hs.inbox.latest('+447700900001')?.token ?? ''));
    await waitForStep(second.result, 'choosePassword');
    act(() => second.result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(second.result, 'done');
    expect(hs.users.get('bob')?.password).toBe(NEW_PASSWORD);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });

  it('should not resume an add flow from a saved session of the other medium', async () => {
    const { client } = fakeSetup();
    const storage = new MemoryStorage();
    const saved = { medium: 'msisdn', address: '+447700900123', clientSecret: 'x', sid: 's', sendAttempt: 1, startedAt: Date.now() };
    storage.setItem(ADD_KEY, JSON.stringify({ v: 1, session: saved }));
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', persist: storage }, { client });
    await waitForStep(result, 'enterAddress');
    expect(result.current.state.session).toBeUndefined();
    expect(storage.items.has(ADD_KEY)).toBe(false);
  });

  it('should resume an add flow waiting for the link after a remount, and finish it', async () => {
    const { hs, client } = fakeSetup();
    const storage = new MemoryStorage();
    const options: ThreepidFlowOptions = { purpose: 'add', medium: 'email', persist: storage, pollIntervalMs: false };
    const first = renderFlowHook(options, { client });
    await waitForStep(first.result, 'enterAddress');
    act(() => first.result.current.request('new@example.org'));
    await waitForStep(first.result, 'awaitingLink');
    first.unmount();

    const second = renderFlowHook(options, { client, strict: true });
    await waitForStep(second.result, 'awaitingLink');
    await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    act(() => second.result.current.continue());
    await waitForStep(second.result, 'authenticating');
    act(() => second.result.current.authenticate({ password: ALICE.password }));
    await waitForStep(second.result, 'done');
    expect(hs.users.get(ALICE.userId)?.threepids.map((t) => t.address)).toContain('new@example.org');
    expect(storage.items.has(ADD_KEY)).toBe(false);
  });

  it('should resume a code step and accept the code after a remount', async () => {
    const { hs, client } = fakeSetup({ emailSubmitUrl: true });
    const storage = new MemoryStorage();
    const options: ThreepidFlowOptions = { purpose: 'add', medium: 'email', persist: storage };
    const first = renderFlowHook(options, { client });
    await waitForStep(first.result, 'enterAddress');
    act(() => first.result.current.request('new@example.org'));
    await waitForStep(first.result, 'awaitingCode');
    first.unmount();

    const second = renderFlowHook(options, { client });
    await waitForStep(second.result, 'awaitingCode');
    act(() => second.result.current.submitCode(hs.inbox.latest('new@example.org')?.token ?? ''));
    await waitForStep(second.result, 'authenticating');
    expect(hs.requests.count({ endpoint: 'submitToken', status: 200 })).toBe(1);
  });

  it('should never store a password: not the new one, not the UIA one', async () => {
    const reset = signedOut();
    const storage = new MemoryStorage();
    const resetFlow = renderFlowHook({ purpose: 'reset', medium: 'email', persist: storage, pollIntervalMs: false }, { client: reset.client });
    act(() => resetFlow.result.current.request('alice@example.org'));
    act(() => resetFlow.result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(resetFlow.result, 'awaitingLink');
    act(() => resetFlow.result.current.continue());
    await vi.waitFor(() => expect(resetFlow.result.current.state.error?.kind).toBe('notYetValidated'));

    const add = fakeSetup();
    const addFlow = renderFlowHook({ purpose: 'add', medium: 'email', persist: storage, pollIntervalMs: false }, { client: add.client });
    await waitForStep(addFlow.result, 'enterAddress');
    act(() => addFlow.result.current.request('new@example.org'));
    await waitForStep(addFlow.result, 'awaitingLink');
    act(() => addFlow.result.current.continue());
    await waitForStep(addFlow.result, 'authenticating');
    act(() => addFlow.result.current.authenticate({ password: ALICE.password }));
    await vi.waitFor(() => expect(addFlow.result.current.state.error?.kind).toBe('notYetValidated'));

    expect(storage.writes.length).toBeGreaterThan(0);
    for (const written of storage.writes) {
      expect(written).not.toContain(NEW_PASSWORD);
      expect(written).not.toContain(ALICE.password);
      expect(written).not.toMatch(/password/i);
      const parsed: unknown = JSON.parse(written);
      expect(parsed).toMatchObject({ v: 1, session: { sid: expect.any(String) } });
      expect(parsed).not.toHaveProperty('session.uiaSession');
    }
  });

  it('should forget the saved flow on reset()', async () => {
    const { client } = signedOut();
    const storage = new MemoryStorage();
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', persist: storage, passwordStep: 'after-link' }, { client });
    act(() => result.current.request('alice@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(storage.items.has(RESET_KEY)).toBe(true);
    act(() => result.current.reset());
    expect(result.current.state.step).toBe('enterAddress');
    expect(storage.items.has(RESET_KEY)).toBe(false);
  });

  it('should not resume a session older than tokenLifetimeMs, and drop it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1) });
    const { client } = signedOut();
    const storage = new MemoryStorage();
    const options: ThreepidFlowOptions = { purpose: 'reset', medium: 'email', persist: storage, passwordStep: 'after-link', tokenLifetimeMs: 600_000 };
    const first = renderFlowHook(options, { client });
    act(() => first.result.current.request('alice@example.org'));
    await waitForStep(first.result, 'awaitingLink');
    first.unmount();

    vi.setSystemTime(Date.now() + 599_000);
    const fresh = renderFlowHook(options, { client });
    await waitForStep(fresh.result, 'awaitingLink');
    fresh.unmount();

    vi.setSystemTime(Date.now() + 2_000);
    const stale = renderFlowHook(options, { client });
    expect(stale.result.current.state.step).toBe('enterAddress');
    expect(stale.result.current.state.session).toBeUndefined();
    expect(storage.items.has(RESET_KEY)).toBe(false);
  });

  it('should expire after one hour by default', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1) });
    const { client } = signedOut();
    const storage = new MemoryStorage();
    const options: ThreepidFlowOptions = { purpose: 'reset', medium: 'email', persist: storage, passwordStep: 'after-link' };
    const first = renderFlowHook(options, { client });
    act(() => first.result.current.request('alice@example.org'));
    await waitForStep(first.result, 'awaitingLink');
    first.unmount();
    vi.setSystemTime(Date.now() + 3_600_001);
    const stale = renderFlowHook(options, { client });
    expect(stale.result.current.state.step).toBe('enterAddress');
  });

  it.each([
    ['garbage JSON', '{not json'],
    ['JSON of another shape', JSON.stringify({ hello: 'world' })],
    ['a session without a sid', JSON.stringify({ v: 1, step: 'awaitingLink', session: { medium: 'email', address: 'a@b.c', clientSecret: 'x', sendAttempt: 1, startedAt: Date.now() } })],
    // (A session of the other medium is a reset that switched medium: resumed, see above; an add flow refuses it.)
    ['a session of no known medium', JSON.stringify({ v: 1, session: { medium: 'fax', address: '+447700900123', clientSecret: 'x', sid: 's', sendAttempt: 1, startedAt: Date.now() } })],
    ['JSON null', 'null'],
    ['a session saved by another version of the kit', saved({ v: 2 })],
    ['a session whose address is not a string', saved({ address: 447700900123 })],
    ['a session without its client_secret', saved({ clientSecret: undefined })],
    ['a session whose send attempt is not a number', saved({ sendAttempt: '1' })],
  ])('should ignore %s in storage and start fresh', (_label, stored) => expectFreshStartFrom(stored));

  it('should use persistKey when given', async () => {
    const { client } = signedOut();
    const storage = new MemoryStorage();
    const { result } = renderFlowHook(
      { purpose: 'reset', medium: 'email', persist: storage, persistKey: 'my-app:reset', passwordStep: 'after-link' },
      { client },
    );
    act(() => result.current.request('alice@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect([...storage.items.keys()]).toEqual(['my-app:reset']);
  });

  it('should keep working when the storage refuses to be used', async () => {
    const { hs, client } = signedOut();
    const broken: StorageLike = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', persist: broken, pollIntervalMs: false }, { client });
    act(() => result.current.request('alice@example.org'));
    act(() => result.current.setNewPassword(NEW_PASSWORD));
    await waitForStep(result, 'awaitingLink');
    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    act(() => result.current.continue());
    await waitForStep(result, 'done');
    act(() => result.current.reset());
    expect(result.current.state.step).toBe('enterAddress');
  });
});

/** A reset flow that finds `stored` under its key starts on the address form, with nothing kept and the entry dropped. */
function expectFreshStartFrom(stored: string): void {
  const { client } = signedOut();
  const storage = new MemoryStorage();
  storage.items.set(RESET_KEY, stored);
  const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', persist: storage }, { client });
  expect(result.current.state.step).toBe('enterAddress');
  expect(result.current.state.session).toBeUndefined();
  expect(storage.items.has(RESET_KEY)).toBe(false);
}

// Issue 16 (mutation run on savedSession.ts, second pass): each field checked exactly as the kit writes it. The
// tampering property test of test/components/hostileServer.test.tsx draws such cases at random; these always run.
describe('useThreepidFlow persist: fields that are almost right', () => {
  /** The longest cooldown a server may ask for (PROTOCOL: Retry-After is capped at a day). */
  const LONGEST_WAIT_MS = 86_400_000;
  const phoneSaved = (changes: Record<string, unknown>) =>
    saved({ medium: 'msisdn', address: '+447700900123', country: 'GB', phoneNumber: '7700900123', ...changes });

  it('should resume the well-formed phone session the cases below each change one field of', async () => {
    const { client } = signedOut();
    const storage = new MemoryStorage();
    storage.items.set(RESET_KEY, phoneSaved({}));
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', persist: storage }, { client });
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.session).toMatchObject({ medium: 'msisdn', country: 'GB', phoneNumber: '7700900123' });
  });

  it.each([
    ['a session started a minute in the future', saved({ startedAt: Date.now() + 60_000 })],
    ['a session whose start time is written as a string', saved({ startedAt: String(Date.now()) })],
    ['a cooldown a minute longer than the longest wait', saved({ cooldownUntil: Date.now() + LONGEST_WAIT_MS + 60_000 })],
    ['a cooldown of null', saved({ cooldownUntil: null })],
    ['a phone session of a three-letter country code', phoneSaved({ country: 'GBR' })],
    ['a phone session whose national number has 21 digits', phoneSaved({ phoneNumber: '774009001234567890123' })],
    ['a phone session whose national number starts with +', phoneSaved({ phoneNumber: '+447700900123' })],
    ['a phone session whose national number ends in letters', phoneSaved({ phoneNumber: '7700900123ext' })],
  ])('should ignore %s and start fresh', (_label, stored) => expectFreshStartFrom(stored));

  it('should drop an expired session on an OAuth-era server, where the flow never reaches the address form', async () => {
    const { client } = fakeSetup({ preset: 'oauth' });
    const storage = new MemoryStorage();
    storage.items.set(ADD_KEY, saved({ startedAt: Date.now() - 2 * 3_600_000 }));
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', persist: storage }, { client });
    await waitForStep(result, 'accountManagement');
    expect(storage.items.has(ADD_KEY)).toBe(false);
  });
});

// Issue 16 (mutation run on src/react/persistence.ts and savedSession.ts): the edges of what a saved session may hold.
describe('useThreepidFlow persist: what a saved session may hold', () => {
  const NOW = Date.UTC(2030, 0, 1);
  /** The longest cooldown a server may ask for (PROTOCOL: Retry-After is capped at a day). */
  const LONGEST_WAIT_MS = 86_400_000;
  const phone = (changes: Record<string, unknown>) =>
    saved({ medium: 'msisdn', address: '+447700900123', country: 'GB', phoneNumber: '7700900123', ...changes });

  it.each([
    ['an empty address', saved({ address: '' })],
    ['a send attempt of 0', saved({ sendAttempt: 0 })],
    ['a submit_url that is not a string', saved({ submitUrl: ['https://matrix.example.org/submit'] })],
    ['an email session that names a dialling country', saved({ country: 'GB' })],
    ['a phone session whose country is not a string', phone({ country: ['GB'] })],
    ['a phone session of a user-assigned country code', phone({ country: 'QZ' })],
    ['a phone session whose national number is not a string', phone({ phoneNumber: [7700900123] })],
  ])('should ignore %s in storage and start fresh', (_label, stored) => expectFreshStartFrom(stored));

  it.each([
    ['saved this very millisecond, without a cooldown', {}],
    ['with a cooldown of exactly the longest wait', { cooldownUntil: NOW + LONGEST_WAIT_MS }],
  ])('should resume a session %s', async (_label, changes) => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { client } = signedOut();
    const storage = new MemoryStorage();
    storage.items.set(RESET_KEY, saved({ startedAt: NOW, ...changes }));
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', persist: storage }, { client });
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.session).toMatchObject({ sid: 's', address: 'a@b.c' });
  });

  it('should not resume a session exactly tokenLifetimeMs old', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { client } = signedOut();
    const storage = new MemoryStorage();
    storage.items.set(RESET_KEY, saved({ startedAt: NOW - 600_000 }));
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', persist: storage, tokenLifetimeMs: 600_000 }, { client });
    expect(result.current.state.step).toBe('enterAddress');
    expect(storage.items.has(RESET_KEY)).toBe(false);
  });

  it('should not resume an add email flow from a well-formed phone session', async () => {
    const { client } = fakeSetup();
    const storage = new MemoryStorage();
    storage.items.set(ADD_KEY, phone({}));
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', persist: storage }, { client });
    await waitForStep(result, 'enterAddress');
    expect(result.current.state.session).toBeUndefined();
    expect(storage.items.has(ADD_KEY)).toBe(false);
  });

  it.each([
    ['whose last request failed, with the same send_attempt', true, 3],
    ['whose last request went through, with the next send_attempt', undefined, 4],
  ])('should resend a resumed session %s', async (_label, lastRequestFailed, expected) => {
    const { hs, client } = signedOut();
    const storage = new MemoryStorage();
    const session = { address: 'alice@example.org', sendAttempt: 3, startedAt: Date.now() - 120_000, cooldownUntil: Date.now() - 1000, lastRequestFailed };
    storage.items.set(RESET_KEY, saved(session));
    const { result } = renderFlowHook({ purpose: 'reset', medium: 'email', persist: storage, pollIntervalMs: false }, { client });
    await waitForStep(result, 'awaitingLink');
    act(() => result.current.resend());
    await vi.waitFor(() => expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1));
    expect(hs.requests.filter((r) => r.endpoint === 'requestToken')[0]?.body).toMatchObject({ email: 'alice@example.org', send_attempt: expected });
  });

  /** An add flow that sent a link to `address` and waits for it, saving to a fresh storage. */
  async function addWaitingForLink(address: string) {
    const { client } = fakeSetup();
    const storage = new MemoryStorage();
    const options: ThreepidFlowOptions = { purpose: 'add', medium: 'email', persist: storage, pollIntervalMs: false };
    const first = renderFlowHook(options, { client });
    await waitForStep(first.result, 'enterAddress');
    act(() => first.result.current.request(address));
    await waitForStep(first.result, 'awaitingLink');
    return { client, storage, options, first };
  }

  it('should resume the wait after a reload during the password prompt', async () => {
    const { client, options, first } = await addWaitingForLink('new@example.org');
    act(() => first.result.current.continue());
    await waitForStep(first.result, 'authenticating');
    first.unmount();

    const second = renderFlowHook(options, { client });
    await waitForStep(second.result, 'awaitingLink');
    expect(second.result.current.state.session?.address).toBe('new@example.org');
  });

  it('should not resume an address the person changed away from', async () => {
    const { client, storage, options, first } = await addWaitingForLink('typo@example.org');
    act(() => first.result.current.changeAddress());
    expect(first.result.current.state.step).toBe('enterAddress');
    first.unmount();

    expect(storage.items.has(ADD_KEY)).toBe(false);
    const second = renderFlowHook(options, { client });
    await waitForStep(second.result, 'enterAddress');
    expect(second.result.current.state.session).toBeUndefined();
  });
});
