// The add flows end to end against the fake homeserver: both media, with and without submit_url, and every way
// through User-Interactive Auth (password, fallback popup, the host's own dialog).
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowError } from '../../src/flow/types';
import type { AuthDict, ThreepidClient, UiaInfo } from '../../src/protocol/types';
import { createThreepidClient } from '../../src/protocol';
import { SEED_USERS } from '../../src/testing';
import { ALICE, fakeSetup } from '../support/renderFlow';
import { failOnConsole } from './support/failOnConsole';
import { renderFlowHook, sendAndFollowLink, waitForStep } from './support/renderThreepidHook';

failOnConsole();

const PHONE = { country: 'GB', phoneNumber: '7700900123', display: '+447700900123' };
const CAROL_TOKEN = SEED_USERS.find((u) => u.userId === 'carol')?.accessToken;

/** A client whose requestToken drops submit_url, as a server validating out of band would answer. */
function withoutSubmitUrl(client: ThreepidClient): ThreepidClient {
  return {
    ...client,
    async requestToken(purpose, params, signal) {
      const { sid } = await client.requestToken(purpose, params, signal);
      return { sid };
    },
  };
}

describe('useThreepidFlow add flows', () => {
  it('should add an email by link: request, link followed, continue, password stage', async () => {
    const { hs, client } = fakeSetup();
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onComplete }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    expect(result.current.state.session?.submitUrl).toBeUndefined();
    const message = hs.inbox.latest('new@example.org');
    await hs.followLink(message?.link ?? '');

    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    expect(result.current.state.uia?.flows).toEqual([{ stages: ['m.login.password'] }]);
    expect(result.current.state.error).toBeUndefined();
    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');

    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: 'new@example.org' });
    expect(hs.users.get(ALICE.userId)?.threepids.map((t) => t.address)).toContain('new@example.org');
  });

  it('should add an email by code when the server gives a submit_url', async () => {
    const { hs, client } = fakeSetup({ emailSubmitUrl: true });
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', onComplete }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('  code@example.org '));
    await waitForStep(result, 'awaitingCode');
    expect(result.current.state.session?.address).toBe('code@example.org');
    const code = hs.inbox.latest('code@example.org')?.token ?? '';
    expect(code).toMatch(/^\d{6}$/);

    // What people paste: grouped digits.
    act(() => result.current.submitCode(`${code.slice(0, 3)} ${code.slice(3)}`));
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');

    expect(hs.requests.count({ endpoint: 'submitToken', status: 200 })).toBe(1);
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: 'code@example.org' });
    expect(hs.users.get(ALICE.userId)?.threepids.map((t) => t.address)).toContain('code@example.org');
  });

  it('should keep the code step with an error when the code is wrong', async () => {
    const { hs, client } = fakeSetup({ emailSubmitUrl: true });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('code@example.org'));
    await waitForStep(result, 'awaitingCode');
    const code = hs.inbox.latest('code@example.org')?.token ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    act(() => result.current.submitCode(wrong));
    await waitForStep(result, 'awaitingCode');
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('invalidCode'));
    expect(result.current.state.draft.code).toBe(wrong);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(0);
  });

  it('should add a phone number by code (submit_url)', async () => {
    const { hs, client } = fakeSetup();
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'msisdn', onComplete }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request({ ...PHONE, country: 'gb' }));
    await waitForStep(result, 'awaitingCode');
    const sent = hs.requests.filter((r) => r.endpoint === 'requestToken');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ country: 'GB', phone_number: '7700900123', send_attempt: 1 });
    const code = hs.inbox.latest('+447700900123')?.token ?? '';
    act(() => result.current.submitCode(code));
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'msisdn', address: '+447700900123', display: '+447700900123' });
    expect(hs.users.get(ALICE.userId)?.threepids).toContainEqual(expect.objectContaining({ medium: 'msisdn', address: '447700900123' }));
  });

  it.each([
    ['in spaced international form, as E.164', '+44 7700 900123', '+447700900123'],
    ['in national form only, as given (no country code to add)', '07700 900123', '07700 900123'],
  ])('should report a number shown %s', async (_how, display, address) => {
    const { hs, client } = fakeSetup();
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'msisdn', onComplete }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request({ ...PHONE, display }));
    await waitForStep(result, 'awaitingCode');
    act(() => result.current.submitCode(hs.inbox.latest('+447700900123')?.token ?? ''));
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'msisdn', address, display });
  });

  it("should stop when the host's dialog keeps answering without moving anything, back on the link screen with authLoop", async () => {
    const { hs, client } = fakeSetup();
    // A dialog that answers at once with a stage this server does not offer: every answer meets the same prompt.
    const onAuthRequired = vi.fn(async (): Promise<AuthDict> => ({ type: 'm.login.dummy' }));
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onAuthRequired }, { client });
    await sendAndFollowLink(result, hs, 'loop@example.org');
    act(() => result.current.continue());
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('authLoop'));
    expect(result.current.state.step).toBe('awaitingLink');
    // The first request meets the challenge, and each of the host's answers is sent: the first answer starts the count,
    // three more that change nothing end it.
    expect(onAuthRequired).toHaveBeenCalledTimes(4);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(5);
  });

  it('should send nothing and tell the host when its nextLink is not an http(s) URL', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', nextLink: 'javascript:alert(1)' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await vi.waitFor(() => expect(result.current.state.error).toEqual({ kind: 'misconfigured', prop: 'nextLink' }));
    expect(result.current.state.step).toBe('enterAddress');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
    const logged = vi.mocked(console.error);
    expect(logged.mock.calls.map(String)).toEqual([expect.stringContaining('the `nextLink` prop must be an http(s) URL')]);
    // Said once, where the host looks: not console noise this file should fail on.
    logged.mockClear();
  });

  it('should keep the client_secret out of an error that echoes it', async () => {
    const { hs } = fakeSetup();
    let secret = '';
    // A server that repeats what it was sent in its error text.
    const echoing: typeof fetch = async (input, init) => {
      if (!String(input).endsWith('/requestToken')) return hs.fetch(input, init);
      secret = (JSON.parse(String(init?.body)) as { client_secret: string }).client_secret;
      return new Response(JSON.stringify({ errcode: 'M_UNKNOWN', error: `Bad client_secret ${secret}` }), { status: 400 });
    };
    const client = createThreepidClient({ baseUrl: hs.baseUrl, accessToken: ALICE.accessToken, fetch: echoing });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await vi.waitFor(() => expect(result.current.state.error?.serverMessage).toBeDefined());
    expect(secret).not.toBe('');
    expect(result.current.state.error?.serverMessage).not.toContain(secret);
  });

  it('should add a phone number validated out of band when the server gives no submit_url', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'msisdn', pollIntervalMs: false }, { client: withoutSubmitUrl(client) });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request(PHONE));
    await waitForStep(result, 'awaitingLink');
    const session = result.current.state.session;
    const message = hs.inbox.latest('+447700900123');
    // The person validates elsewhere (here: the code posted to the server's own submit URL).
    await client.submitToken(`${hs.baseUrl}/_matrix/client/unstable/add_threepid/msisdn/submit_token`, {
      sid: session?.sid ?? '',
      clientSecret: session?.clientSecret ?? '',
      token: message?.token ?? '',
    });
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');
    expect(hs.users.get(ALICE.userId)?.threepids.map((t) => t.address)).toContain('447700900123');
  });
});

describe('useThreepidFlow add: flags, callbacks and starting again', () => {
  it('should report busy only while a request the person waits on is in flight', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await waitForStep(result, 'enterAddress');
    expect(result.current.isBusy).toBe(false);
    hs.faults.inject({ endpoint: 'requestToken', kind: 'latency', ms: 30 });
    act(() => result.current.request('new@example.org'));
    expect(result.current.state.step).toBe('requesting');
    expect(result.current.isBusy).toBe(true);
    await waitForStep(result, 'awaitingLink');
    expect(result.current.isBusy).toBe(false);
  });

  it('should refuse a phone flow given a bare string, without a request, and keep what was typed', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'msisdn' }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('+447700900123'));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('invalidAddress'));
    expect(result.current.state.step).toBe('enterAddress');
    expect(result.current.state.draft.address).toBe('+447700900123');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });

  it('should send a full auth dict given to authenticate() as is, with the UIA session, and skip whoami', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await sendAndFollowLink(result, hs, 'new@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    const session = result.current.state.uia?.session;
    act(() =>
      result.current.authenticate({ type: 'm.login.password', identifier: { type: 'm.id.user', user: 'alice' }, password: ALICE.password }),
    );
    await waitForStep(result, 'done');
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(0);
    expect(hs.requests.filter((r) => r.endpoint === 'threepidAdd').at(-1)?.body).toMatchObject({
      auth: { type: 'm.login.password', identifier: { user: 'alice' }, session },
    });
  });

  it('should send nextLink as next_link on every requestToken', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', nextLink: 'https://app.example.org/settings', resendCooldownMs: 0 }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    await vi.waitFor(() => expect(result.current.canResend).toBe(true));
    act(() => result.current.resend());
    await vi.waitFor(() => expect(result.current.state.resendCount).toBe(1));
    const bodies = hs.requests.filter((r) => r.endpoint === 'requestToken').map((r) => r.body);
    expect(bodies).toEqual([
      expect.objectContaining({ next_link: 'https://app.example.org/settings', send_attempt: 1 }),
      expect.objectContaining({ next_link: 'https://app.example.org/settings', send_attempt: 2 }),
    ]);
  });

  it('should call onError once per error shown', async () => {
    const { client } = fakeSetup();
    const onError = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', onError }, { client, strict: true });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('alice@example.org'));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('threepidInUse'));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'threepidInUse', errcode: 'M_THREEPID_IN_USE' }));
    act(() => result.current.dismissError());
    expect(result.current.state.error).toBeUndefined();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('should start a second addition after reset() once the first is done', async () => {
    const { hs, client } = fakeSetup({ emailSubmitUrl: true });
    const onComplete = vi.fn();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', onComplete }, { client });
    for (const address of ['one@example.org', 'two@example.org']) {
      await waitForStep(result, 'enterAddress');
      expect(result.current.state.draft.address).toBe('');
      act(() => result.current.request(address));
      await waitForStep(result, 'awaitingCode');
      act(() => result.current.submitCode(hs.inbox.latest(address)?.token ?? ''));
      await waitForStep(result, 'authenticating');
      act(() => result.current.authenticate({ password: ALICE.password }));
      await waitForStep(result, 'done');
      act(() => result.current.reset());
    }
    expect(onComplete).toHaveBeenCalledTimes(2);
    expect(hs.users.get(ALICE.userId)?.threepids.map((t) => t.address)).toEqual(expect.arrayContaining(['one@example.org', 'two@example.org']));
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(1);
  });
});

describe('useThreepidFlow add: password stage', () => {
  it('should name the user from whoami, ask whoami once, and recover from a wrong password', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await sendAndFollowLink(result, hs, 'new@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');

    act(() => result.current.authenticate({ password: 'wrong horse' }));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('wrongPassword'));
    expect(result.current.state.step).toBe('authenticating');

    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');

    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(1);
    const adds = hs.requests.filter((r) => r.endpoint === 'threepidAdd');
    expect(adds.map((r) => r.status)).toEqual([401, 401, 200]);
    const uiaSession = result.current.state.session?.uiaSession;
    for (const attempt of adds.slice(1)) {
      expect(attempt.body).toMatchObject({
        auth: { type: 'm.login.password', identifier: { type: 'm.id.user', user: ALICE.userId }, password: '[redacted]', session: uiaSession },
      });
    }
  });

  it('should go back to waiting, with a message, when the password passes before the link was followed', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticate({ password: ALICE.password }));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('notYetValidated'));
    expect(result.current.state.step).toBe('awaitingLink');

    // UIA passed once: the next try sends only the session, and the password is not asked again.
    await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    act(() => result.current.continue());
    await waitForStep(result, 'done');
    const last = hs.requests.filter((r) => r.endpoint === 'threepidAdd').at(-1);
    expect(last?.body).toMatchObject({ auth: { session: expect.any(String) } });
    expect(last?.body).not.toHaveProperty('auth.password');
  });

  it('should stay on the password stage with the error when whoami fails, and ask it again next time', async () => {
    const { hs, client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await sendAndFollowLink(result, hs, 'new@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    hs.faults.inject({ endpoint: 'whoami', kind: 'status500' });
    act(() => result.current.authenticate({ password: ALICE.password }));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('server'));
    expect(result.current.state.step).toBe('authenticating');
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);

    act(() => result.current.authenticate({ password: ALICE.password }));
    await waitForStep(result, 'done');
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(2);
  });

  it('should go back to waiting with authCancelled when the person gives up UIA', async () => {
    const { client } = fakeSetup();
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    act(() => result.current.cancelAuth());
    expect(result.current.state.step).toBe('awaitingLink');
    expect(result.current.state.error?.kind).toBe('authCancelled');
  });
});

describe('useThreepidFlow add: fallback auth popup', () => {
  interface FakePopup {
    closed: boolean;
    close: () => void;
  }
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function stubPopup(): { open: ReturnType<typeof vi.fn>; popup: FakePopup } {
    const popup: FakePopup = {
      closed: false,
      close() {
        popup.closed = true;
      },
    };
    const open = vi.fn(() => popup);
    vi.stubGlobal('open', open);
    return { open, popup };
  }

  async function reachSsoStage(): Promise<{ hs: ReturnType<typeof fakeSetup>['hs']; result: { current: ReturnType<typeof renderFlowHook>['result']['current'] } }> {
    const { hs, client } = fakeSetup({}, CAROL_TOKEN);
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await sendAndFollowLink(result, hs, 'carol2@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    expect(result.current.state.uia?.flows).toEqual([{ stages: ['m.login.sso'] }]);
    return { hs, result };
  }

  it('should open the fallback page in a popup and finish once it signals authDone', async () => {
    const { open } = stubPopup();
    const { hs, result } = await reachSsoStage();
    const session = result.current.state.uia?.session ?? '';

    act(() => result.current.authenticateWithFallback('m.login.sso'));
    expect(open).toHaveBeenCalledTimes(1);
    // A named popup: opening it again (after a close, say) reuses that one window instead of stacking another.
    expect(open).toHaveBeenCalledWith(expect.any(String), 'threepid-fallback-auth', expect.stringContaining('popup'));
    const url = new URL(String(open.mock.calls[0]?.[0]));
    expect(url.pathname).toBe('/_matrix/client/v3/auth/m.login.sso/fallback/web');
    expect(url.searchParams.get('session')).toBe(session);

    // The person signs in on the page; the page calls window.onAuthDone() on its opener.
    expect(hs.completeFallback(session)).toBe(true);
    const host = window as Window & { onAuthDone?: () => void };
    act(() => host.onAuthDone?.());
    await waitForStep(result, 'done');
    expect(hs.requests.filter((r) => r.endpoint === 'threepidAdd').at(-1)?.body).toMatchObject({ auth: { session } });
    expect(hs.users.get('carol')?.threepids.map((t) => t.address)).toContain('carol2@example.org');
    expect(host.onAuthDone).toBeUndefined();
  });

  it('should finish only on authDone from the popup it opened', async () => {
    const { popup } = stubPopup();
    const { hs, result } = await reachSsoStage();
    expect(hs.completeFallback(result.current.state.uia?.session ?? '')).toBe(true);
    act(() => result.current.authenticateWithFallback('m.login.sso'));
    const post = async (source: unknown, data: unknown): Promise<void> => {
      const event = new MessageEvent('message', { data });
      Object.defineProperty(event, 'source', { value: source });
      // Async act: whatever the message set off has run when it returns.
      await act(async () => {
        window.dispatchEvent(event);
      });
    };
    await post(window, 'authDone');
    await post(popup, 'authStarted');
    expect(result.current.state.step).toBe('authenticating');
    expect(hs.requests.count({ endpoint: 'threepidAdd', status: 200 })).toBe(0);

    await post(popup, 'authDone');
    await waitForStep(result, 'done');
  });

  it('should say the popup was blocked when window.open returns null', async () => {
    vi.stubGlobal('open', vi.fn(() => null));
    const { result } = await reachSsoStage();
    act(() => result.current.authenticateWithFallback('m.login.sso'));
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('popupBlocked'));
    expect(result.current.state.step).toBe('authenticating');
  });

  it('should open one popup for two clicks, and close it when the person cancels', async () => {
    const { open, popup } = stubPopup();
    const { result } = await reachSsoStage();
    act(() => {
      result.current.authenticateWithFallback('m.login.sso');
      result.current.authenticateWithFallback('m.login.sso');
    });
    expect(open).toHaveBeenCalledTimes(1);
    act(() => result.current.cancelAuth());
    expect(popup.closed).toBe(true);
    expect(result.current.state.step).toBe('awaitingLink');
    expect(result.current.state.error?.kind).toBe('authCancelled');
  });

  it('should stay on the auth step, without a request, when the person closes the popup', async () => {
    const { popup } = stubPopup();
    const { hs, result } = await reachSsoStage();
    // Only the popup's closed-check interval is faked; installed after the waits above, which poll on intervals.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const before = hs.requests.length;
      act(() => result.current.authenticateWithFallback('m.login.sso'));
      // Still open after a while: the flow keeps waiting for it, without an error.
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      expect(result.current.state.error).toBeUndefined();
      popup.closed = true;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      expect(result.current.state.step).toBe('authenticating');
      // Closed unfinished: said as given up, not as a blocked window.
      expect(result.current.state.error?.kind).toBe('authCancelled');
      expect(hs.requests.length).toBe(before);
      // Closed, so a new click opens a new popup.
      const again = stubPopup();
      act(() => result.current.authenticateWithFallback('m.login.sso'));
      expect(again.open).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('should close the popup when the flow unmounts while it is open', async () => {
    const { popup } = stubPopup();
    const { hs, client } = fakeSetup({}, CAROL_TOKEN);
    const { result, unmount } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false }, { client });
    await sendAndFollowLink(result, hs, 'carol2@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'authenticating');
    act(() => result.current.authenticateWithFallback('m.login.sso'));
    unmount();
    expect(popup.closed).toBe(true);
    expect((window as Window & { onAuthDone?: () => void }).onAuthDone).toBeUndefined();
  });
});

describe('useThreepidFlow add: onAuthRequired', () => {
  it('should send the auth dict the host resolves and finish without showing the kit step', async () => {
    const { hs, client } = fakeSetup();
    const onAuthRequired = vi.fn(async (uia: { session?: string }): Promise<AuthDict | null> => ({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: ALICE.userId },
      password: ALICE.password,
      session: uia.session,
    }));
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onAuthRequired }, { client });
    await sendAndFollowLink(result, hs, 'new@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'done');
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    expect(onAuthRequired.mock.calls[0]?.[0]).toMatchObject({ flows: [{ stages: ['m.login.password'] }], session: expect.any(String) });
    expect(hs.requests.count({ endpoint: 'whoami' })).toBe(0);
    expect(hs.requests.filter((r) => r.endpoint === 'threepidAdd').map((r) => r.status)).toEqual([401, 200]);
  });

  it('should cancel back to waiting when the host resolves null', async () => {
    const { hs, client } = fakeSetup();
    const onAuthRequired = vi.fn(async (): Promise<AuthDict | null> => null);
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onAuthRequired }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    act(() => result.current.continue());
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('authCancelled'));
    expect(result.current.state.step).toBe('awaitingLink');
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);
  });

  it('should ask the host again, with the error, when the auth it gave was wrong', async () => {
    const { hs, client } = fakeSetup();
    const passwords = ['wrong horse', ALICE.password];
    const onAuthRequired = vi.fn(async (uia: UiaInfo, _error?: FlowError): Promise<AuthDict | null> => ({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: ALICE.userId },
      password: passwords.shift(),
      session: uia.session,
    }));
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onAuthRequired }, { client });
    await sendAndFollowLink(result, hs, 'new@example.org');
    act(() => result.current.continue());
    await waitForStep(result, 'done');
    expect(onAuthRequired).toHaveBeenCalledTimes(2);
    expect(onAuthRequired.mock.calls[0]?.[1]).toBeUndefined();
    expect(onAuthRequired.mock.calls[1]?.[1]).toMatchObject({ kind: 'wrongPassword' });
    expect(hs.requests.filter((r) => r.endpoint === 'threepidAdd').map((r) => r.status)).toEqual([401, 401, 200]);
  });

  it('should cancel back to waiting when the host handler rejects', async () => {
    const { hs, client } = fakeSetup();
    const onAuthRequired = vi.fn(async (): Promise<AuthDict | null> => {
      throw new Error('dialog crashed');
    });
    const { result } = renderFlowHook({ purpose: 'add', medium: 'email', pollIntervalMs: false, onAuthRequired }, { client });
    await waitForStep(result, 'enterAddress');
    act(() => result.current.request('new@example.org'));
    await waitForStep(result, 'awaitingLink');
    act(() => result.current.continue());
    await vi.waitFor(() => expect(result.current.state.error?.kind).toBe('authCancelled'));
    expect(result.current.state.step).toBe('awaitingLink');
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(1);
  });
});
