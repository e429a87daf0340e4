import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ThreepidProvider } from '../../src';
import { en } from '../../src/i18n/en';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, expectNoSecretsInDom, findAlert, findStep, renderKit, secretsOf, sendAttempts, setupUser, statusRegion } from '../support/flowHarness';
import { ALICE } from '../support/renderFlow';

failOnConsoleNoise();
// Whole flows with typing; generous because CI machines are often busy.
vi.setConfig({ testTimeout: 20_000 });

const NEW_EMAIL = 'new@example.org';

function emailsOfAlice(hs: ReturnType<typeof createHarness>['hs']): string[] {
  return (hs.users.get('alice')?.threepids ?? []).filter((t) => t.medium === 'email').map((t) => t.address);
}

describe('AddEmailFlow', () => {
  it('should add an email through the link and the password step, and show nothing secret', async () => {
    const harness = createHarness();
    const { hs, client } = harness;
    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow onComplete={onComplete} pollIntervalMs={false} />, client);

    const input = await screen.findByRole('textbox', { name: 'Email address' });
    expect(input).toHaveAttribute('type', 'email');
    expect(input).toHaveAttribute('autocomplete', 'email');
    await user.type(input, NEW_EMAIL);
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));

    expect(await findStep(en['addEmail.link.heading'])).toHaveFocus();
    expect(screen.getByText(NEW_EMAIL, { selector: 'bdi' })).toBeInTheDocument();
    expect(statusRegion()).toHaveTextContent(`Email sent to ${NEW_EMAIL}`);
    expect(screen.getByText(en['addEmail.link.instructions'])).toBeInTheDocument();

    const message = hs.inbox.latest(NEW_EMAIL);
    expect(message?.link).toBeDefined();
    await hs.followLink(message?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));

    await findStep(en['auth.heading']);
    expect(screen.getByLabelText(en['auth.password.label'])).toHaveFocus();
    await user.type(screen.getByLabelText(en['auth.password.label']), ALICE.password);
    await user.click(screen.getByRole('button', { name: en['auth.password.submit'] }));

    expect(await findStep(en['addEmail.done.heading'])).toHaveFocus();
    expect(screen.getByText(/was added to your account/)).toHaveTextContent(`${NEW_EMAIL} was added to your account.`);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: NEW_EMAIL });
    expect(emailsOfAlice(hs)).toContain(NEW_EMAIL);
    expectNoSecretsInDom(secretsOf(harness, ALICE.password));
  });

  it('should show a code step when the server returns submit_url, and send a pasted code with dashes by itself', async () => {
    const harness = createHarness({ emailSubmitUrl: true });
    const { hs, client } = harness;
    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow onComplete={onComplete} />, client);

    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), NEW_EMAIL);
    await user.keyboard('{Enter}');

    await findStep(en['addEmail.code.heading']);
    expect(screen.getByText(/Enter the code we sent to/)).toHaveTextContent(`Enter the code we sent to ${NEW_EMAIL}.`);
    const code = screen.getByRole('textbox', { name: en['code.label'] });
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    // An emailed code may hold letters (identity servers mail 32-character tokens): the full keyboard stays.
    expect(code).not.toHaveAttribute('inputmode');
    const token = hs.inbox.latest(NEW_EMAIL)?.token ?? '';
    expect(token).toMatch(/^\d{6}$/);
    await user.click(code);
    await user.paste(` ${token.slice(0, 3)}-${token.slice(3)} `);

    await findStep(en['auth.heading']);
    expect(screen.getByLabelText(en['auth.password.label'])).toHaveFocus();
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);

    expect(await findStep(en['addEmail.done.heading'])).toHaveFocus();
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: NEW_EMAIL });
    expect(hs.requests.count({ endpoint: 'submitToken', status: 200 })).toBe(1);
    expect(emailsOfAlice(hs)).toContain(NEW_EMAIL);
    expectNoSecretsInDom(secretsOf(harness, ALICE.password));
  });

  it('should finish by itself once the link is followed after the password was confirmed', async () => {
    const { hs, client } = createHarness();
    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow onComplete={onComplete} pollIntervalMs={20} />, client);

    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${NEW_EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    expect(screen.queryByText(en['addEmail.link.autoDetect'])).not.toBeInTheDocument();
    // Too early: the server first asks who this is, then says the link was not opened yet.
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
    await findAlert(en['errors.notYetValidated']);
    expect(screen.getByRole('heading', { name: en['addEmail.link.heading'] })).toHaveFocus();
    expect(screen.getByText(en['addEmail.link.autoDetect'])).toBeInTheDocument();

    await hs.followLink(hs.inbox.latest(NEW_EMAIL)?.link ?? '');
    expect(await findStep(en['addEmail.done.heading'])).toHaveFocus();
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(emailsOfAlice(hs)).toContain(NEW_EMAIL);
  });

  it('should go back to the form with the address still typed when the person wants a different address', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${NEW_EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);

    await user.click(screen.getByRole('button', { name: en['common.changeEmail'] }));
    await findStep(en['addEmail.heading']);
    const input = screen.getByRole('textbox', { name: 'Email address' });
    expect(input).toHaveFocus();
    expect(input).toHaveValue(NEW_EMAIL);

    await user.clear(input);
    await user.type(input, 'other@example.org{Enter}');
    await findStep(en['addEmail.link.heading']);
    expect(screen.getByText('other@example.org', { selector: 'bdi' })).toBeInTheDocument();
    expect(hs.inbox.all().map((m) => m.to)).toEqual([NEW_EMAIL, 'other@example.org']);
  });

  it('should check the address before sending anything and link the error to the input', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });

    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    expect(await screen.findByText(en['email.required'])).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(en['email.required']);

    await user.type(input, 'not-an-address');
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    expect(await screen.findByText(en['email.invalid'])).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(en['email.invalid']);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });

  it('should send one requestToken when the submit button is double-clicked', async () => {
    const { hs, client } = createHarness({ latencyMs: 20 });
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), NEW_EMAIL);
    await user.dblClick(screen.getByRole('button', { name: en['addEmail.submit'] }));
    await findStep(en['addEmail.link.heading']);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.inbox.all()).toHaveLength(1);
  });

  it('should say it is sending while the request is on the wire, without losing the typed address', async () => {
    const { hs, client } = createHarness();
    const release = hs.faults.inject({ endpoint: 'requestToken', kind: 'hang' });
    const { user } = renderKit(<AddEmailFlow />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    await user.type(input, `${NEW_EMAIL}{Enter}`);

    const busy = await screen.findByRole('button', { name: en['common.sending'] });
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(input).toHaveValue(NEW_EMAIL);
    expect(input).toHaveAttribute('readonly');
    release();
  });

  it('should fill in defaultValue, show Cancel when onCancel is given, and call it', async () => {
    const { client } = createHarness();
    const onCancel = vi.fn();
    const { user } = renderKit(<AddEmailFlow defaultValue="pre@example.org" onCancel={onCancel} />, client);
    expect(await screen.findByRole('textbox', { name: 'Email address' })).toHaveValue('pre@example.org');
    await user.click(screen.getByRole('button', { name: en['common.cancel'] }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('should work with a client prop and no provider, and send next_link', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow client={client} nextLink="https://app.example.org/done" />, client, { provider: false });
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${NEW_EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    expect(hs.requests.filter((r) => r.endpoint === 'requestToken').map((r) => r.body)).toEqual([
      { client_secret: '[redacted]', email: NEW_EMAIL, send_attempt: 1, next_link: 'https://app.example.org/done' },
    ]);
    expect(sendAttempts(hs)).toEqual([1]);
  });

  it('should read capabilities once and send one email under StrictMode', async () => {
    const { hs, client } = createHarness();
    render(
      <StrictMode>
        <ThreepidProvider client={client}>
          <AddEmailFlow pollIntervalMs={false} />
        </ThreepidProvider>
      </StrictMode>,
    );
    const user = setupUser();
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${NEW_EMAIL}{Enter}`);
    expect(await findStep(en['addEmail.link.heading'])).toHaveFocus();
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
    expect(hs.inbox.all()).toHaveLength(1);
  });

  it('should come back to the link step after a reload with persist, and finish there', async () => {
    const { hs, client } = createHarness();
    const saved = new Map<string, string>();
    const storage = {
      getItem: (key: string) => saved.get(key) ?? null,
      setItem: (key: string, value: string) => void saved.set(key, value),
      removeItem: (key: string) => void saved.delete(key),
    };
    const first = renderKit(<AddEmailFlow persist={storage} pollIntervalMs={false} />, client);
    await first.user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${NEW_EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    first.unmount();

    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow persist={storage} pollIntervalMs={false} onComplete={onComplete} />, client);
    await findStep(en['addEmail.link.heading']);
    expect(screen.getByText(NEW_EMAIL, { selector: 'bdi' })).toBeInTheDocument();
    await hs.followLink(hs.inbox.latest(NEW_EMAIL)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await user.type(await screen.findByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
    await findStep(en['addEmail.done.heading']);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(saved.size).toBe(0);
  });

  it('should say plainly that 3PID changes are off, without making a requestToken', async () => {
    const { hs, client } = createHarness({ capabilities: { threepidChanges: false } });
    renderKit(<AddEmailFlow />, client);
    await findStep(en['unavailable.threepidChangesDisabled.heading']);
    expect(screen.getByText(en['unavailable.threepidChangesDisabled.description'])).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(hs.requests.count({ endpoint: 'capabilities' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });

  it('should show the form when the capabilities cannot be read', async () => {
    const { hs, client } = createHarness();
    hs.faults.inject({ endpoint: 'capabilities', kind: 'status500' });
    renderKit(<AddEmailFlow />, client);
    expect(await screen.findByRole('textbox', { name: 'Email address' })).toBeInTheDocument();
  });
});
