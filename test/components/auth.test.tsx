import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddEmailFlow } from '../../src';
import { en } from '../../src/i18n/en';
import type { AuthDict, UiaInfo } from '../../src/protocol/types';
import { SEED_USERS } from '../../src/testing';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, expectNoSecretsInDom, findAlert, findStep, renderKit, secretsOf, type Harness } from '../support/flowHarness';
import { ALICE } from '../support/renderFlow';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

const EMAIL = 'new@example.org';
const CAROL_TOKEN = SEED_USERS.find((u) => u.userId === 'carol')?.accessToken ?? '';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Sends the email, follows its link and presses continue: the server then asks who this is. */
async function reachAuth(harness: Harness, user: ReturnType<typeof renderKit>['user']): Promise<void> {
  await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
  await findStep(en['addEmail.link.heading']);
  await harness.hs.followLink(harness.hs.inbox.latest(EMAIL)?.link ?? '');
  await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
}

/** A stand-in for the popup window: what `window.open` returns. */
function stubPopup(): { popup: Window; open: ReturnType<typeof vi.spyOn> } {
  const popup = { closed: false, close: vi.fn(), focus: vi.fn() } as unknown as Window;
  const open = vi.spyOn(window, 'open').mockReturnValue(popup);
  return { popup, open };
}

/** What the fallback page does when it is done: post `authDone` to its opener. */
function postAuthDone(source: Window): void {
  const event = new MessageEvent('message', { data: 'authDone', origin: 'http://localhost:8008' });
  Object.defineProperty(event, 'source', { value: source });
  act(() => {
    window.dispatchEvent(event);
  });
}

describe('confirming it is you (UIA)', () => {
  it('should say a wrong password is wrong, keep the step, and finish with the right one', async () => {
    const harness = createHarness();
    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow onComplete={onComplete} pollIntervalMs={false} />, harness.client);
    await reachAuth(harness, user);

    await findStep(en['auth.heading']);
    expect(screen.getByLabelText(en['auth.password.label'])).toHaveFocus();
    expect(screen.getByText(en['auth.password.description'])).toBeInTheDocument();
    const password = screen.getByLabelText(en['auth.password.label']);
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    await user.click(screen.getByRole('button', { name: en['auth.password.submit'] }));
    expect(await screen.findByText(en['auth.password.required'])).toBeInTheDocument();

    await user.type(password, 'wrong horse{Enter}');
    const alert = await findAlert(en['errors.wrongPassword']);
    expect(screen.getByRole('heading', { name: en['auth.heading'] })).toBeInTheDocument();
    expect(password).toHaveAccessibleDescription(expect.stringContaining(alert.textContent ?? ''));

    await user.clear(password);
    await user.type(password, `${ALICE.password}{Enter}`);
    expect(await findStep(en['addEmail.done.heading'])).toHaveFocus();
    expect(onComplete).toHaveBeenCalledTimes(1);
    // The user ID for the password stage is asked once, not per attempt.
    expect(harness.hs.requests.count({ endpoint: 'whoami' })).toBe(1);
    expectNoSecretsInDom(secretsOf(harness, ALICE.password, 'wrong horse'));
  });

  it('should go back to waiting with a message when the person cancels', async () => {
    const harness = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, harness.client);
    await reachAuth(harness, user);
    await findStep(en['auth.heading']);
    await user.click(screen.getByRole('button', { name: en['common.cancel'] }));
    expect(await findStep(en['addEmail.link.heading'])).toHaveFocus();
    await findAlert(en['errors.authCancelled']);
  });

  it('should finish single sign-on in the server page opened in a popup (SSO-only account)', async () => {
    const harness = createHarness({}, { accessToken: CAROL_TOKEN });
    const { popup, open } = stubPopup();
    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow onComplete={onComplete} pollIntervalMs={false} />, harness.client);
    await reachAuth(harness, user);

    expect(await findStep(en['auth.heading'])).toHaveFocus();
    expect(screen.queryByLabelText(en['auth.password.label'])).not.toBeInTheDocument();
    expect(screen.getByText(en['auth.sso.description'])).toBeInTheDocument();
    expect(screen.getByText(en['auth.window.hint'])).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: en['auth.sso.button'] }));

    expect(open).toHaveBeenCalledTimes(1);
    const url = new URL(String(open.mock.calls[0]?.[0]));
    expect(url.pathname).toBe('/_matrix/client/v3/auth/m.login.sso/fallback/web');
    const session = url.searchParams.get('session') ?? '';
    expect(session).not.toBe('');
    expect(screen.getByText(en['auth.window.waiting'])).toBeInTheDocument();
    expect(screen.getByRole('button', { name: en['auth.window.reopen'] })).toBeInTheDocument();

    // A message from anywhere but the popup is ignored.
    expect(harness.hs.completeFallback(session)).toBe(true);
    postAuthDone(window);
    expect(screen.getByRole('heading', { name: en['auth.heading'] })).toBeInTheDocument();

    postAuthDone(popup);
    expect(await findStep(en['addEmail.done.heading'])).toHaveFocus();
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: EMAIL });
    expect(harness.hs.users.get('carol')?.threepids.map((t) => t.address)).toContain(EMAIL);
  });

  it('should open the window again after the person closed it without finishing', async () => {
    const harness = createHarness({}, { accessToken: CAROL_TOKEN });
    const { popup, open } = stubPopup();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, harness.client);
    await reachAuth(harness, user);
    await findStep(en['auth.heading']);
    await user.click(screen.getByRole('button', { name: en['auth.sso.button'] }));
    expect(open).toHaveBeenCalledTimes(1);

    Object.defineProperty(popup, 'closed', { value: true });
    // The kit notices a closed window within half a second.
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    await findAlert(en['errors.authCancelled']);
    await user.click(screen.getByRole('button', { name: en['auth.sso.button'] }));
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('should say the browser blocked the window when window.open returns nothing', async () => {
    const harness = createHarness({}, { accessToken: CAROL_TOKEN });
    vi.spyOn(window, 'open').mockReturnValue(null);
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, harness.client);
    await reachAuth(harness, user);
    await findStep(en['auth.heading']);
    await user.click(screen.getByRole('button', { name: en['auth.sso.button'] }));
    await findAlert(en['errors.popupBlocked']);
    expect(screen.getByRole('button', { name: en['auth.sso.button'] })).toBeInTheDocument();
    expect(screen.getByText(en['auth.window.hint'])).toBeInTheDocument();
  });

  it("should use the host's onAuthRequired instead of the kit's password form", async () => {
    const harness = createHarness();
    let answer: (auth: AuthDict | null) => void = () => {};
    const onAuthRequired = vi.fn(
      (_uia: UiaInfo) =>
        new Promise<AuthDict | null>((resolve) => {
          answer = resolve;
        }),
    );
    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow onAuthRequired={onAuthRequired} onComplete={onComplete} pollIntervalMs={false} />, harness.client);
    await reachAuth(harness, user);

    expect(await findStep(en['auth.heading'])).toHaveFocus();
    expect(screen.getByText(en['auth.host.waiting'])).toBeInTheDocument();
    expect(screen.queryByLabelText(en['auth.password.label'])).not.toBeInTheDocument();
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    expect(onAuthRequired.mock.calls[0]?.[0].flows).toEqual([{ stages: ['m.login.password'] }]);

    act(() => answer({ type: 'm.login.password', identifier: { type: 'm.id.user', user: ALICE.userId }, password: ALICE.password }));
    expect(await findStep(en['addEmail.done.heading'])).toHaveFocus();
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(screen.queryByLabelText(en['auth.password.label'])).not.toBeInTheDocument();
    expectNoSecretsInDom(secretsOf(harness, ALICE.password));
  });

  it('should go back to waiting when the host gives up (onAuthRequired resolves null)', async () => {
    const harness = createHarness();
    const { user } = renderKit(<AddEmailFlow onAuthRequired={async () => null} pollIntervalMs={false} />, harness.client);
    await reachAuth(harness, user);
    await findAlert(en['errors.authCancelled']);
    expect(screen.getByRole('heading', { name: en['addEmail.link.heading'] })).toBeInTheDocument();
  });
});

describe('a verdict after confirming it is you', () => {
  it('should say the address is taken on the waiting screen, not ask for the password again', async () => {
    const harness = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, harness.client);
    await reachAuth(harness, user);
    await findStep(en['auth.heading']);
    // Someone else adds the address while the person types their password.
    harness.hs.faults.inject({ endpoint: 'threepidAdd', kind: 'matrixError', status: 400, errcode: 'M_THREEPID_IN_USE' });
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);

    await findAlert(en['errors.threepidInUse']);
    expect(screen.getByRole('heading', { name: en['addEmail.link.heading'] })).toBeInTheDocument();
    expect(screen.queryByLabelText(en['auth.password.label'])).not.toBeInTheDocument();
    expect(harness.hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);
  });
});
