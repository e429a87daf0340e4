// The registration stage inside a host's sign-up: one host that drives UIA itself (demo/SignUpForm), and one that
// lets matrix-js-sdk's InteractiveAuth drive it (its requestEmailToken sends the email, its stages pick the screen).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createClient, InteractiveAuth, type AuthDict, type MatrixClient } from 'matrix-js-sdk';
import { useEffect, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SignUpForm } from '../../demo/SignUpForm';
import { RegistrationThreepidStage, ThreepidProvider, type RequestedToken } from '../../src';
import { fromMatrixClient } from '../../src/adapters/matrixJsSdk';
import { en } from '../../src/i18n/en';
import { createFakeHomeserver, type FakeHomeserver } from '../../src/testing';
import { NEWCOMER } from '../support/signUp';
import { failOnConsole } from './support/failOnConsole';

failOnConsole();
vi.setConfig({ testTimeout: 20_000 });

const BASE_URL = 'http://localhost:8008';

function quietLogger(): NonNullable<Parameters<typeof createClient>[0]['logger']> {
  const noop = (): void => undefined;
  const logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, getChild: () => logger };
  return logger;
}

function emailRequired(): FakeHomeserver {
  return createFakeHomeserver({ baseUrl: BASE_URL, rateLimit: false, registration: { require3pid: ['email'] } });
}

/** The README's InteractiveAuth example: the SDK picks the flow and sends the email; the kit's stage waits for the link. */
function SdkSignUp({ mx, onRegistered }: { mx: MatrixClient; onRegistered: (answer: unknown) => void }): ReactNode {
  const [stage, setStage] = useState<{ type: string; session: string | undefined }>();
  const [requested, setRequested] = useState<RequestedToken>();
  const [auth] = useState(() => {
    let last: Promise<unknown> = Promise.resolve();
    const ia: InteractiveAuth<unknown> = new InteractiveAuth({
      matrixClient: mx,
      inputs: { emailAddress: NEWCOMER.email },
      // Every /register goes through here; the stage reads the answer of the call its own auth started.
      doRequest: (auth) => (last = mx.registerRequest({ username: NEWCOMER.username, password: NEWCOMER.password, auth: auth ?? undefined })),
      requestEmailToken: async (email, clientSecret, sendAttempt) => {
        const { sid, submit_url: submitUrl } = await mx.requestRegisterEmailToken(email, clientSecret, sendAttempt);
        setRequested({ address: email, clientSecret, sid, sendAttempt, submitUrl });
        return { sid };
      },
      stateUpdated: (type) => setStage({ type, session: ia.getSessionId() }),
    });
    const submitAuth = async (dict: AuthDict): Promise<unknown> => {
      await ia.submitAuthDict(dict, true);
      return last;
    };
    return { ia, submitAuth };
  });
  useEffect(() => {
    auth.ia.attemptAuth().then(onRegistered, () => undefined);
  }, [auth, onRegistered]);
  if (stage?.type !== 'm.login.email.identity' || !stage.session || !requested) return <p>Loading…</p>;
  return <RegistrationThreepidStage session={stage.session} requested={requested} submitAuth={auth.submitAuth} pollIntervalMs={500} />;
}

describe('a host sign-up with the registration stage', () => {
  it('should sign up through a form that drives UIA itself, finishing once the emailed link is followed', async () => {
    const hs = emailRequired();
    const client = fromMatrixClient(createClient({ baseUrl: BASE_URL, fetchFn: hs.fetch, logger: quietLogger() }));
    const onRegistered = vi.fn();
    const user = userEvent.setup();
    render(
      <ThreepidProvider client={client}>
        <SignUpForm homeserver={BASE_URL} fetch={hs.fetch} onRegistered={onRegistered} />
      </ThreepidProvider>,
    );
    await user.type(screen.getByLabelText('Username'), NEWCOMER.username);
    await user.type(screen.getByLabelText('Password'), NEWCOMER.password);
    await user.type(screen.getByLabelText('Email'), NEWCOMER.email);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { name: en['registerEmail.link.heading'] })).toBeInTheDocument();
    await hs.followLink(hs.inbox.latest(NEWCOMER.email)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));

    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ user_id: '@newcomer:localhost' })));
    expect(hs.users.get(NEWCOMER.username)?.threepids.map((t) => t.address)).toEqual([NEWCOMER.email]);
    // A poll may have come first on a slow machine; either way the last call is the one that signed up. The stage
    // asked whether accounts live on an OAuth server (a legacy one says no three ways) before sending the email.
    const calls = hs.requests.map((r) => `${r.endpoint}:${r.status}`);
    expect(calls.slice(0, 5)).toEqual(['register:401', 'authMetadata:404', 'authMetadata:404', 'wellKnown:200', 'requestToken:200']);
    expect(calls.slice(-1)).toEqual(['register:200']);
  });

  it('should sign up with matrix-js-sdk InteractiveAuth: its requestEmailToken sends one email, the stage finishes by itself', async () => {
    const hs = emailRequired();
    const mx = createClient({ baseUrl: BASE_URL, fetchFn: hs.fetch, logger: quietLogger() });
    const onRegistered = vi.fn();
    render(
      <ThreepidProvider client={fromMatrixClient(mx)}>
        <SdkSignUp mx={mx} onRegistered={onRegistered} />
      </ThreepidProvider>,
    );
    expect(await screen.findByRole('heading', { name: en['registerEmail.link.heading'] })).toBeInTheDocument();
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    // Polls before the link is followed are answered "not yet" and change nothing on screen.
    await waitFor(() => expect(hs.requests.count({ endpoint: 'register', status: 401 })).toBeGreaterThan(1));
    expect(screen.queryByRole('alert')).toBeNull();

    await hs.followLink(hs.inbox.latest(NEWCOMER.email)?.link ?? '');
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ user_id: '@newcomer:localhost' })));
    expect(await screen.findByRole('heading', { name: en['registerEmail.done.heading'] })).toBeInTheDocument();
    expect(hs.users.get(NEWCOMER.username)?.threepids.map((t) => t.address)).toEqual([NEWCOMER.email]);
    expect(hs.inbox.all()).toHaveLength(1);
  });
});

describe('useRegistrationStage', () => {
  it('should abort the host’s /register call when the stage unmounts, and report nothing after', async () => {
    const hs = emailRequired();
    const client = fromMatrixClient(createClient({ baseUrl: BASE_URL, fetchFn: hs.fetch, logger: quietLogger() }));
    const signals: AbortSignal[] = [];
    const onError = vi.fn();
    const onComplete = vi.fn();
    // A /register that never answers: only the abort can end it.
    const submitAuth = (_auth: unknown, signal: AbortSignal): Promise<unknown> => {
      signals.push(signal);
      return new Promise(() => undefined);
    };
    const user = userEvent.setup();
    const { unmount } = render(
      <ThreepidProvider client={client}>
        <RegistrationThreepidStage session="uia-session" submitAuth={submitAuth} address={NEWCOMER.email} pollIntervalMs={false} onError={onError} onComplete={onComplete} />
      </ThreepidProvider>,
    );
    await user.click(await screen.findByRole('button', { name: en['registerEmail.link.continue'] }));
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(signals[0]?.aborted).toBe(false);
    unmount();
    expect(signals[0]?.aborted).toBe(true);
    expect(onError).not.toHaveBeenCalled();
    expect(onComplete).not.toHaveBeenCalled();
  });
});
