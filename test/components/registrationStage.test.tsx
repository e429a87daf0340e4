import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RegistrationThreepidStage, ThreepidProvider } from '../../src';
import type { ThreepidClient } from '../../src/protocol/types';
import { en } from '../../src/i18n/en';
import { PhoneAddressForm } from '../../src/components/steps/PhoneAddressForm';
import { expectNoAxeViolations } from '../support/axe';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, enterPhone, expectNoSecretsInDom, findAlert, findStep, renderKit, sendAttempts, statusRegion } from '../support/flowHarness';
import { hostSignUp, NEWCOMER } from '../support/signUp';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

const EMAIL_REQUIRED = { registration: { require3pid: ['email' as const] } };

/** A fake with email-required sign-up, a host that started /register, and its UIA session. */
async function signUpSetup(options: Parameters<typeof createHarness>[0] = EMAIL_REQUIRED) {
  const harness = createHarness(options, { accessToken: null });
  const host = hostSignUp(harness.hs);
  const session = await host.start();
  return { ...harness, host, session };
}

function newcomer(hs: ReturnType<typeof createHarness>['hs']) {
  return hs.users.get(NEWCOMER.username);
}

describe('RegistrationThreepidStage', () => {
  it('should ask for the email, send it, and finish by itself once the link is followed, with the server answer', async () => {
    const { hs, client, host, session, clientSecrets, sentTokens } = await signUpSetup();
    const onComplete = vi.fn();
    const { user } = renderKit(<RegistrationThreepidStage session={session} submitAuth={host.submitAuth} onComplete={onComplete} pollIntervalMs={500} />, client);

    expect(screen.getByRole('heading', { name: en['registerEmail.heading'] })).toBeInTheDocument();
    expect(screen.getByText(en['registerEmail.hint'])).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: en['email.label'] }), NEWCOMER.email);
    await user.click(screen.getByRole('button', { name: en['registerEmail.submit'] }));

    expect(await findStep(en['registerEmail.link.heading'])).toHaveFocus();
    expect(statusRegion()).toHaveTextContent(`Email sent to ${NEWCOMER.email}`);
    expect(screen.getByText(en['registerEmail.link.autoDetect'])).toBeInTheDocument();
    const link = hs.inbox.latest(NEWCOMER.email)?.link ?? '';
    expect(new URL(link).pathname).toBe('/_matrix/client/unstable/registration/email/submit_token');
    await hs.followLink(link);

    expect(await findStep(en['registerEmail.done.heading'])).toHaveFocus();
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith({
      purpose: 'register',
      medium: 'email',
      address: NEWCOMER.email,
      response: expect.objectContaining({ user_id: '@newcomer:localhost', access_token: expect.any(String) }),
    });
    expect(newcomer(hs)?.threepids.map((t) => t.address)).toEqual([NEWCOMER.email]);
    expect(host.auths.at(-1)).toEqual({ type: 'm.login.email.identity', threepid_creds: { sid: expect.any(String), client_secret: expect.any(String) }, session });
    expectNoSecretsInDom([...clientSecrets(), ...sentTokens(), NEWCOMER.password]);
  });

  it('should keep waiting while the server says the stage is not done, and say so when the person clicks', async () => {
    const { hs, client, host, session } = await signUpSetup();
    const onError = vi.fn();
    const { user } = renderKit(
      <RegistrationThreepidStage session={session} submitAuth={host.submitAuth} address={NEWCOMER.email} pollIntervalMs={false} onError={onError} />,
      client,
    );
    await findStep(en['registerEmail.link.heading']);
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findAlert(en['errors.notYetValidated']);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'notYetValidated', status: 401 }));
    expect(screen.getByRole('heading', { name: en['registerEmail.link.heading'] })).toBeInTheDocument();
    expect(newcomer(hs)).toBeUndefined();

    await hs.followLink(hs.inbox.latest(NEWCOMER.email)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findStep(en['registerEmail.done.heading']);
    expect(newcomer(hs)).toBeDefined();
    // Asked once, before the email: accounts are not on an OAuth server (a legacy one says so three ways).
    const discovery = ['authMetadata:404', 'authMetadata:404', 'wellKnown:200'];
    expect(hs.requests.map((r) => `${r.endpoint}:${r.status}`)).toEqual(['register:401', ...discovery, 'requestToken:200', 'register:401', 'link:200', 'register:200']);
  });

  it('should take the code branch when the server gives a submit_url, and refuse a wrong code', async () => {
    const { hs, client, host, session } = await signUpSetup({ ...EMAIL_REQUIRED, emailSubmitUrl: true });
    const onComplete = vi.fn();
    const { user } = renderKit(<RegistrationThreepidStage session={session} submitAuth={host.submitAuth} address={NEWCOMER.email} onComplete={onComplete} />, client);

    await findStep(en['registerEmail.code.heading']);
    const code = screen.getByRole('textbox', { name: en['code.label'] });
    expect(code).toHaveFocus();
    await user.type(code, '000000{Enter}');
    await findAlert(en['errors.invalidCode']);
    expect(hs.requests.count({ endpoint: 'register' })).toBe(1);

    await user.clear(code);
    await user.type(code, `${hs.inbox.latest(NEWCOMER.email)?.token ?? ''}{Enter}`);
    await findStep(en['registerEmail.done.heading']);
    expect(onComplete).toHaveBeenCalledWith(expect.objectContaining({ response: expect.objectContaining({ user_id: '@newcomer:localhost' }) }));
  });

  it('should resend on the same session with send_attempt + 1 once the cooldown is over', async () => {
    const { hs, client, host, session } = await signUpSetup();
    const { user } = renderKit(
      <RegistrationThreepidStage session={session} submitAuth={host.submitAuth} address={NEWCOMER.email} resendCooldownMs={1000} pollIntervalMs={false} />,
      client,
    );
    await findStep(en['registerEmail.link.heading']);
    const resend = await screen.findByRole('button', { name: en['common.resendEmail'] }, { timeout: 3000 });
    await user.click(resend);
    expect(await screen.findByText(en['common.emailResent'])).toBe(statusRegion());
    expect(sendAttempts(hs)).toEqual([1, 2]);
    expect(new Set(hs.inbox.all().map((m) => m.sid)).size).toBe(1);

    await hs.followLink(hs.inbox.latest(NEWCOMER.email)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findStep(en['registerEmail.done.heading']);
  });

  it('should word an address in use for sign-up, keep it typed, and offer sign in and reset', async () => {
    const { client, host, session } = await signUpSetup();
    const onSignIn = vi.fn();
    const onResetPassword = vi.fn();
    const { user } = renderKit(
      <RegistrationThreepidStage session={session} submitAuth={host.submitAuth} onSignIn={onSignIn} onResetPassword={onResetPassword} />,
      client,
    );
    await user.type(screen.getByRole('textbox', { name: en['email.label'] }), 'alice@example.org{Enter}');
    await findAlert(en['register.inUse']);
    expect(screen.getByRole('textbox', { name: en['email.label'] })).toHaveValue('alice@example.org');
    // One main action on the screen: the error's way out sits beside it in the quieter look, not as a second blue button.
    expect(screen.getByRole('button', { name: en['register.signIn'] })).toHaveAttribute('data-variant', 'secondary');
    expect(document.querySelectorAll('[data-variant="primary"]')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: en['register.signIn'] }));
    await user.click(screen.getByRole('button', { name: en['register.resetPassword'] }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
    expect(onResetPassword).toHaveBeenCalledTimes(1);
  });

  it('should take the host’s wording of the sign-up messages', async () => {
    const { client, host, session } = await signUpSetup();
    const { user } = renderKit(
      <RegistrationThreepidStage session={session} submitAuth={host.submitAuth} messages={{ 'registerEmail.heading': 'Your email', 'register.inUse': 'Taken — sign in instead.' }} />,
      client,
    );
    expect(screen.getByRole('heading', { name: 'Your email' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: en['email.label'] }), 'alice@example.org{Enter}');
    await findAlert('Taken — sign in instead.');
  });

  it('should resolve with the next stages when the server asks for more after this one', async () => {
    const { hs, client, host, session } = await signUpSetup({ registration: { require3pid: ['email'], msisdn: false, tokens: ['let-me-in'] } });
    const onComplete = vi.fn();
    const { user } = renderKit(<RegistrationThreepidStage session={session} submitAuth={host.submitAuth} address={NEWCOMER.email} onComplete={onComplete} pollIntervalMs={false} />, client);
    await findStep(en['registerEmail.link.heading']);
    await hs.followLink(hs.inbox.latest(NEWCOMER.email)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findStep(en['registerEmail.done.heading']);
    const [result] = onComplete.mock.calls[0] ?? [];
    expect(result.nextStages).toMatchObject({ session, completed: ['m.login.email.identity'] });
    expect(result.nextStages.flows).toEqual([{ stages: ['m.login.registration_token', 'm.login.email.identity'] }]);
    expect(newcomer(hs)).toBeUndefined();
  });

  it('should keep everything through faults: a failed send retries the same send_attempt, an unreachable /register stays waiting', async () => {
    const { hs, client, host, session } = await signUpSetup();
    hs.faults.inject({ endpoint: 'requestToken', kind: 'status500' });
    const { user } = renderKit(<RegistrationThreepidStage session={session} submitAuth={host.submitAuth} pollIntervalMs={false} />, client);
    await user.type(screen.getByRole('textbox', { name: en['email.label'] }), `${NEWCOMER.email}{Enter}`);
    await findAlert(en['errors.server']);
    expect(screen.getByRole('textbox', { name: en['email.label'] })).toHaveValue(NEWCOMER.email);
    await user.click(screen.getByRole('button', { name: en['registerEmail.submit'] }));
    await findStep(en['registerEmail.link.heading']);
    expect(sendAttempts(hs)).toEqual([1, 1]);

    await hs.followLink(hs.inbox.latest(NEWCOMER.email)?.link ?? '');
    hs.faults.inject({ endpoint: 'register', kind: 'networkError' });
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findAlert(en['errors.offline']);
    hs.faults.inject({ endpoint: 'register', kind: 'html502' });
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findAlert(en['errors.server']);
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findStep(en['registerEmail.done.heading']);
  });

  it('should send one email under StrictMode when the address is given up front', async () => {
    const { hs, client, host, session } = await signUpSetup();
    render(
      <StrictMode>
        <ThreepidProvider client={client}>
          <RegistrationThreepidStage session={session} submitAuth={host.submitAuth} address={NEWCOMER.email} pollIntervalMs={false} />
        </ThreepidProvider>
      </StrictMode>,
    );
    await findStep(en['registerEmail.link.heading']);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.inbox.all()).toHaveLength(1);
  });

  it('should verify a phone number typed into the injected phone form, with its texted code', async () => {
    const { hs, client, host, session } = await signUpSetup({ registration: { require3pid: ['msisdn'] } });
    const { user } = renderKit(<RegistrationThreepidStage medium="msisdn" phoneForm={PhoneAddressForm} defaultCountry="GB" session={session} submitAuth={host.submitAuth} />, client);
    expect(screen.getByRole('heading', { name: en['registerPhone.heading'] })).toBeInTheDocument();
    await enterPhone(user, 'GB', '07400 123456');
    await user.click(screen.getByRole('button', { name: en['registerPhone.submit'] }));
    await findStep(en['registerPhone.code.heading']);
    await user.type(screen.getByRole('textbox', { name: en['code.label'] }), `${hs.inbox.latest('+447400123456')?.token ?? ''}{Enter}`);
    await findStep(en['registerPhone.done.heading']);
    expect(newcomer(hs)?.threepids.map((t) => t.address)).toEqual(['447400123456']);
  });

  it('should tell the host developer, once, that a phone stage asking for the number needs phoneForm', async () => {
    const { client, host, session } = await signUpSetup();
    renderKit(<RegistrationThreepidStage medium="msisdn" session={session} submitAuth={host.submitAuth} />, client);
    expect(screen.getByRole('heading', { name: en['registerPhone.heading'] })).toBeInTheDocument();
    const errors = vi.mocked(console.error);
    await waitFor(() => expect(errors).toHaveBeenCalledTimes(1));
    expect(String(errors.mock.calls[0]?.[0])).toContain('`phoneForm`');
    // Said on purpose: the console guard of this file is only for noise.
    errors.mockClear();
  });

  it('should wait for a token someone else requested, and resend on its session', async () => {
    const { hs, client, host, session } = await signUpSetup();
    const clientSecret = 'handedOverSecret123';
    const { sid } = await client.requestToken('register', { medium: 'email', email: NEWCOMER.email, clientSecret, sendAttempt: 1 });
    const { user } = renderKit(
      <RegistrationThreepidStage
        session={session}
        submitAuth={host.submitAuth}
        requested={{ address: NEWCOMER.email, clientSecret, sid, sendAttempt: 1 }}
        resendCooldownMs={500}
        pollIntervalMs={false}
      />,
      client,
    );
    expect(await screen.findByRole('heading', { name: en['registerEmail.link.heading'] })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: en['common.resendEmail'] }, { timeout: 3000 }));
    await waitFor(() => expect(sendAttempts(hs)).toEqual([1, 2]));
    expect(new Set(hs.inbox.all().map((m) => m.sid))).toEqual(new Set([sid]));
    await hs.followLink(hs.inbox.latest(NEWCOMER.email)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findStep(en['registerEmail.done.heading']);
  });

  it('should send people to the account page of an OAuth-era server instead of signing up here', async () => {
    const { hs, client, host, session } = await signUpSetup();
    hs.requests.clear();
    renderKit(
      <RegistrationThreepidStage session={session} submitAuth={host.submitAuth} address={NEWCOMER.email} accountManagementUrl="https://auth.example.org/account" />,
      client,
    );
    expect(screen.getByRole('heading', { name: en['register.accountService.heading'] })).toBeInTheDocument();
    expect(screen.getByText(en['register.accountService.description'])).toBeInTheDocument();
    expect(screen.getByRole('link', { name: en['register.accountService.link'] })).toHaveAttribute('href', 'https://auth.example.org/account');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hs.requests).toHaveLength(0);
  });

  it('should find an OAuth-era server by itself and send people to its account page, with nothing sent to /register', async () => {
    const { hs, client } = createHarness({ preset: 'oauth' }, { accessToken: null });
    const submitAuth = vi.fn();
    renderKit(
      <StrictMode>
        <RegistrationThreepidStage session="a-host-session" submitAuth={submitAuth} address={NEWCOMER.email} />
      </StrictMode>,
      client,
    );
    const link = await screen.findByRole('link', { name: en['register.accountService.link'] });
    expect(link).toHaveAttribute('href', `${hs.baseUrl}/account/`);
    expect(screen.getByRole('heading', { name: en['register.accountService.heading'] })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hs.requests.map((r) => r.endpoint)).toEqual(['authMetadata']);
    expect(submitAuth).not.toHaveBeenCalled();
  });

  it('should hold an address typed before the server answered, and send nothing once it turns out to be OAuth-era', async () => {
    const { hs, client } = createHarness({ preset: 'oauth' }, { accessToken: null });
    // The server's answer is kept back until the person has submitted.
    let release = (): void => {};
    const answer = new Promise<void>((resolve) => (release = resolve));
    const slow: ThreepidClient = Object.assign(Object.create(client) as ThreepidClient, {
      getAuthMetadata: async (signal?: AbortSignal) => (await answer, client.getAuthMetadata?.(signal) ?? null),
    });
    const { user } = renderKit(<RegistrationThreepidStage session="a-host-session" submitAuth={vi.fn()} />, slow);
    await user.type(screen.getByRole('textbox', { name: en['email.label'] }), `${NEWCOMER.email}{Enter}`);
    release();
    await screen.findByRole('link', { name: en['register.accountService.link'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hs.requests.map((r) => r.endpoint)).toEqual(['authMetadata']);
  });

  it('should ask a legacy server once: a second stage on the same client sends its email with no discovery request', async () => {
    const { hs, client, host, session } = await signUpSetup();
    const first = renderKit(<RegistrationThreepidStage session={session} submitAuth={host.submitAuth} address={NEWCOMER.email} pollIntervalMs={false} />, client);
    await findStep(en['registerEmail.link.heading']);
    first.unmount();
    hs.requests.clear();
    renderKit(<RegistrationThreepidStage session={session} submitAuth={host.submitAuth} address="second@example.org" pollIntervalMs={false} />, client);
    await findStep(en['registerEmail.link.heading']);
    expect(hs.requests.map((r) => r.endpoint)).toEqual(['requestToken']);
  });

  it('should have no axe violations on the address, link, in-use and done screens', async () => {
    const { hs, client, host, session } = await signUpSetup();
    const { container, user } = renderKit(<RegistrationThreepidStage session={session} submitAuth={host.submitAuth} onSignIn={() => {}} pollIntervalMs={false} />, client);
    await expectNoAxeViolations(container, 'address');
    const input = screen.getByRole('textbox', { name: en['email.label'] });
    await user.type(input, 'alice@example.org{Enter}');
    await findAlert(en['register.inUse']);
    await expectNoAxeViolations(container, 'in use');
    await user.clear(input);
    await user.type(input, `${NEWCOMER.email}{Enter}`);
    await findStep(en['registerEmail.link.heading']);
    await expectNoAxeViolations(container, 'link');
    await hs.followLink(hs.inbox.latest(NEWCOMER.email)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['registerEmail.link.continue'] }));
    await findStep(en['registerEmail.done.heading']);
    await expectNoAxeViolations(container, 'done');
  });
});
