import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow } from '../../src';
import { AddPhoneFlow } from '../../src/phone';
import { en } from '../../src/i18n/en';
import type { FakeHomeserverOptions, FaultSpec } from '../../src/testing';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, enterPhone, findAlert, findStep, renderKit, sendAttempts, type HarnessClientOptions } from '../support/flowHarness';
import { ALICE } from '../support/renderFlow';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

const EMAIL = 'new@example.org';

/** One way requestToken can fail, as a person meets it on the address form. */
interface RequestError {
  name: string;
  address: string;
  message: string;
  options?: FakeHomeserverOptions;
  fault?: FaultSpec;
  reset?: boolean;
}

const requestErrors: RequestError[] = [
  { name: 'an address already in use', address: 'bob@example.org', message: en['errors.threepidInUse'] },
  {
    name: 'an address the server denies',
    address: 'me@blocked.example',
    options: { threepidAllowed: (_medium, address) => !address.endsWith('@blocked.example') },
    message: en['errors.threepidDenied'],
  },
  // Passes the kit's loose shape check; the server's parser refuses the empty label.
  { name: 'an address the server cannot parse (M_INVALID_PARAM)', address: 'me@example..org', message: en['errors.invalidAddress'] },
  {
    name: 'a legacy identity-server refusal',
    address: EMAIL,
    fault: { endpoint: 'requestToken', kind: 'matrixError', status: 400, errcode: 'M_SERVER_NOT_TRUSTED' },
    message: en['errors.serverNotTrusted'],
  },
  {
    name: '3PID changes refused although capabilities allowed them',
    address: EMAIL,
    fault: { endpoint: 'requestToken', kind: 'matrixError', status: 403, errcode: 'M_FORBIDDEN' },
    message: en['errors.forbidden'],
  },
  {
    name: 'a rate limit, in seconds from Retry-After',
    address: EMAIL,
    fault: { endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 41_200 },
    message: 'Too many attempts. Try again in 42 seconds.',
  },
  {
    name: 'a long rate limit, in minutes',
    address: EMAIL,
    fault: { endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 300_000 },
    message: 'Too many attempts. Try again in 5 minutes.',
  },
  { name: 'an address no account has (reset)', address: 'nobody@example.org', reset: true, message: en['errors.threepidNotFound'] },
  {
    name: 'password resets refused (reset)',
    address: 'alice@example.org',
    reset: true,
    options: { capabilities: { changePassword: false } },
    message: en['errors.forbidden'],
  },
];

describe('errors on the address form', () => {
  it.each(requestErrors)('should show $name with its message, linked to the input that keeps the address', async (c) => {
    const { hs, client } = createHarness(c.options, { accessToken: c.reset ? null : undefined });
    if (c.fault) hs.faults.inject(c.fault);
    const onError = vi.fn();
    const ui = c.reset ? (
      <ResetPasswordFlow passwordStep="after-link" onError={onError} />
    ) : (
      <AddEmailFlow onError={onError} />
    );
    const { user } = renderKit(ui, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    await user.type(input, `${c.address}{Enter}`);

    const alert = await findAlert(c.message);
    expect(screen.getByRole('heading', { name: en[c.reset ? 'reset.heading' : 'addEmail.heading'] })).toBeInTheDocument();
    expect(input).toHaveValue(c.address);
    expect(input).toHaveAccessibleDescription(expect.stringContaining(alert.textContent ?? ''));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(hs.inbox.all()).toHaveLength(0);
    // Never the server's raw text or JSON.
    expect(document.body.textContent).not.toMatch(/M_[A-Z_]+|errcode|\{"/);
  });

  it('should not promise an account exists when the server hides unknown addresses (reset)', async () => {
    const { client } = createHarness({ inhibitThreepidErrors: true }, { accessToken: null });
    const { user } = renderKit(<ResetPasswordFlow passwordStep="after-link" />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), 'nobody@example.org{Enter}');
    await findStep(en['reset.link.heading']);
    expect(screen.getByText(/If an account uses/)).toHaveTextContent('If an account uses nobody@example.org, we sent it a link to reset the password.');
  });

  it('should clear the error once a later request succeeds', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    await user.type(input, 'bob@example.org{Enter}');
    await findAlert(en['errors.threepidInUse']);
    await user.clear(input);
    await user.type(input, `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('screens instead of a form that will fail', () => {
  it('should say the server cannot send text messages (medium not supported)', async () => {
    const { hs, client } = createHarness({ msisdnSupported: false });
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', '07400 123456');
    await user.keyboard('{Enter}');
    expect(await findStep(en['unavailable.phoneNotSupported.heading'])).toHaveFocus();
    expect(screen.getByText(en['unavailable.phoneNotSupported.description'])).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(hs.inbox.all()).toHaveLength(0);
  });

  it('should say the server cannot send email (M_THREEPID_MEDIUM_NOT_SUPPORTED)', async () => {
    const { hs, client } = createHarness();
    hs.faults.inject({ endpoint: 'requestToken', kind: 'matrixError', status: 400, errcode: 'M_THREEPID_MEDIUM_NOT_SUPPORTED' });
    const { user } = renderKit(<AddEmailFlow />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    expect(await findStep(en['unavailable.emailNotSupported.heading'])).toHaveFocus();
    expect(screen.getByText(en['unavailable.emailNotSupported.description'])).toBeInTheDocument();
  });

  it('should say the endpoint is not offered (M_UNRECOGNIZED), with Cancel when the host allows it', async () => {
    const { hs, client } = createHarness();
    hs.faults.inject({ endpoint: 'requestToken', kind: 'matrixError', status: 400, errcode: 'M_UNRECOGNIZED' });
    const onCancel = vi.fn();
    const { user } = renderKit(<AddEmailFlow onCancel={onCancel} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    expect(await findStep(en['unavailable.notOffered.heading'])).toHaveFocus();
    expect(screen.getByText(en['unavailable.notOffered.description'])).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: en['common.cancel'] }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

/** Transient failures: the step stays, what was typed stays, and trying again reuses send_attempt. */
const transientFaults: Array<{ name: string; fault: FaultSpec; message: string; client?: HarnessClientOptions }> = [
  { name: 'a 500 from the server', fault: { endpoint: 'requestToken', kind: 'status500' }, message: en['errors.server'] },
  { name: "a proxy's 502 HTML page", fault: { endpoint: 'requestToken', kind: 'html502' }, message: en['errors.server'] },
  { name: 'a truncated JSON answer', fault: { endpoint: 'requestToken', kind: 'malformedJson' }, message: en['errors.server'] },
  { name: 'no network', fault: { endpoint: 'requestToken', kind: 'networkError' }, message: en['errors.offline'] },
  { name: 'a server that never answers', fault: { endpoint: 'requestToken', kind: 'hang' }, message: en['errors.timeout'], client: { timeoutMs: 150 } },
];

describe('transient failures', () => {
  it.each(transientFaults)('should offer a retry after $name that sends one message with the same send_attempt', async ({ fault, message, client: clientOptions }) => {
    const { hs, client } = createHarness({}, clientOptions);
    hs.faults.inject(fault);
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    await user.type(input, `${EMAIL}{Enter}`);
    await findAlert(message);
    expect(input).toHaveValue(EMAIL);
    expect(document.body.textContent).not.toMatch(/<html|nginx|Bad Gateway/);

    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    await findStep(en['addEmail.link.heading']);
    expect(sendAttempts(hs)).toEqual([1, 1]);
    expect(hs.inbox.all()).toHaveLength(1);
  });

  it('should retry a resend that failed with the same send_attempt, so only one new email goes out', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} resendCooldownMs={0} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);

    hs.faults.inject({ endpoint: 'requestToken', kind: 'html502' });
    await user.click(screen.getByRole('button', { name: en['common.resendEmail'] }));
    await findAlert(en['errors.server']);
    expect(screen.getByRole('heading', { name: en['addEmail.link.heading'] })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: en['common.resendEmail'] }));
    expect(await screen.findByRole('status')).toHaveTextContent(en['common.emailResent']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sendAttempts(hs)).toEqual([1, 2, 2]);
    expect(hs.inbox.all()).toHaveLength(2);
  });

  it('should let the person try finishing again after the server failed at the last step', async () => {
    const { hs, client } = createHarness();
    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} onComplete={onComplete} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');

    hs.faults.inject({ endpoint: 'threepidAdd', kind: 'html502' });
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findAlert(en['errors.server']);
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
    await findStep(en['addEmail.done.heading']);
    expect(onComplete).toHaveBeenCalledTimes(1);
  });
});

describe('errors after the address was sent', () => {
  it('should say the person is signed out when the access token is no longer valid (M_UNKNOWN_TOKEN)', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');
    // Signed out elsewhere meanwhile: every token of the account is revoked by a reset with logout_devices.
    hs.faults.inject({ endpoint: 'threepidAdd', kind: 'matrixError', status: 401, errcode: 'M_UNKNOWN_TOKEN' });

    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findAlert(en['errors.loggedOut']);
    expect(screen.getByRole('heading', { name: en['addEmail.link.heading'] })).toBeInTheDocument();
  });

  it('should say the person is signed out when the client has a revoked token from the start', async () => {
    const { hs, client } = createHarness({}, { accessToken: 'syt_revoked_token_000000000000' });
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findAlert(en['errors.loggedOut']);
  });

  it('should say the link was not opened yet on the add flow', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
    await findAlert(en['errors.notYetValidated']);
    // Once the password passed, the next try needs no password again.
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findAlert(en['errors.notYetValidated']);
    expect(screen.queryByLabelText(en['auth.password.label'])).not.toBeInTheDocument();
  });

  it('should say an expired code has expired and keep it typed', async () => {
    const { hs, client } = createHarness({ emailSubmitUrl: true });
    const { user } = renderKit(<AddEmailFlow />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.code.heading']);
    hs.faults.inject({ endpoint: 'submitToken', kind: 'matrixError', status: 400, errcode: 'M_SESSION_EXPIRED' });
    const code = screen.getByRole('textbox', { name: en['code.label'] });
    await user.type(code, '123456{Enter}');
    await findAlert(en['errors.sessionExpired']);
    expect(code).toHaveValue('123456');
  });

  it('should say a wrong code is wrong when the server answers M_TOKEN_INCORRECT', async () => {
    const { hs, client } = createHarness({ emailSubmitUrl: true, tokenIncorrectStyle: 'errcode' });
    const { user } = renderKit(<AddEmailFlow />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.code.heading']);
    const wrong = hs.inbox.latest(EMAIL)?.token === '000000' ? '111111' : '000000';
    const code = screen.getByRole('textbox', { name: en['code.label'] });
    await user.type(code, `${wrong}{Enter}`);
    await findAlert(en['errors.invalidCode']);
    expect(code).toHaveValue(wrong);
  });
});
