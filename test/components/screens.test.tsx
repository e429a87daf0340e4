import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow } from '../../src';
import { en } from '../../src/i18n/en';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, findAlert, findStep, renderKit, statusRegion } from '../support/flowHarness';
import { ALICE } from '../support/renderFlow';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

const EMAIL = 'new@example.org';

describe('screens that say only what is true', () => {
  it('should show a quiet placeholder, not the form, while it asks the server what it supports', async () => {
    const { client } = createHarness({ latencyMs: 50 });
    const { container } = renderKit(<AddEmailFlow />, client);
    expect(container.querySelector('[data-threepid-part="skeleton"]')).toHaveAttribute('aria-hidden', 'true');
    await screen.findByRole('textbox', { name: 'Email address' });
    expect(container.querySelector('[data-threepid-part="skeleton"]')).toBeNull();
  });

  it('should stop saying the page updates by itself once confirming was cancelled, and say the cancel quietly', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await user.click(screen.getByRole('button', { name: en['common.cancel'] }));

    await findStep(en['addEmail.link.heading']);
    const notice = await findAlert(en['errors.authCancelled']);
    expect(notice).toHaveAttribute('data-threepid-part', 'hint');
    expect(screen.queryByText(en['addEmail.link.autoDetect'])).not.toBeInTheDocument();
  });

  it('should not tell a person who pressed "I\'ve opened the link" too early to try again while the page watches for it', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);

    const alert = await findAlert(en['errors.notYetValidated']);
    expect(alert).not.toHaveTextContent(/try again/);
    expect(screen.getByText(en['addEmail.link.autoDetect'])).toBeInTheDocument();
    // The alert says what to do: the instructions are not said a second time beside it.
    expect(screen.queryByText(en['addEmail.link.instructions'])).not.toBeInTheDocument();
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBeGreaterThan(0);
  });

  it('should offer Cancel while waiting for the link, and the webmail of a well-known address', async () => {
    const onCancel = vi.fn();
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow onCancel={onCancel} pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), 'someone@gmail.com{Enter}');
    await findStep(en['addEmail.link.heading']);
    const open = screen.getByRole('link', { name: 'Open Gmail' });
    expect(open).toHaveAttribute('href', 'https://mail.google.com');
    expect(open).toHaveAttribute('target', '_blank');
    expect(open.getAttribute('rel')).toContain('noreferrer');
    await user.click(screen.getByRole('button', { name: en['common.cancel'] }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('should show no webmail link for an address at an unknown domain', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('should end on a success mark and the host action, the news said once for the eyes and once for the ears', async () => {
    const onClick = vi.fn();
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} doneAction={{ label: 'Back to settings', onClick }} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    expect(screen.queryByRole('button', { name: 'Back to settings' })).toBeNull();
    await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);

    const heading = await findStep(en['addEmail.done.heading']);
    expect(heading.parentElement?.querySelector('[data-threepid-part="success"]')).toHaveAttribute('aria-hidden', 'true');
    expect(statusRegion()).toHaveTextContent(en['addEmail.done.heading']);
    expect(screen.getAllByText(en['addEmail.done.heading'])).toEqual([heading, statusRegion()]);
    await user.click(screen.getByRole('button', { name: 'Back to settings' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe('email typo suggestion', () => {
  it('should offer a one-tap fix for a mistyped well-known domain when the field is left, and fix it', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    await user.type(input, 'someone@gmial.com');
    expect(screen.queryByRole('button', { name: /Did you mean/ })).toBeNull();
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Did you mean someone@gmail.com?' }));
    expect(input).toHaveValue('someone@gmail.com');
    expect(screen.queryByRole('button', { name: /Did you mean/ })).toBeNull();
  });

  it('should never block sending the address as typed', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    await user.type(input, 'someone@hotmial.com');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Did you mean someone@hotmail.com?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    await findStep(en['addEmail.link.heading']);
    expect(hs.inbox.latest('someone@hotmial.com')).toBeDefined();
  });

  it.each(['someone@example.org', 'someone@gmail.com', 'someone@me.co', 'someone@yahoo.co.uk'])('should suggest nothing for %s', async (address) => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), address);
    await user.tab();
    expect(screen.queryByRole('button', { name: /Did you mean/ })).toBeNull();
  });
});
