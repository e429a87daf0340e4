// The flows against the fake's default preset, `synapse`: Synapse's real answers (PROTOCOL "How Synapse behaves").
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow } from '../../src';
import { AddPhoneFlow, phoneForm } from '../../src/phone';
import { en } from '../../src/i18n/en';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { bodiesOf, createHarness, enterPhone, findAlert, findStep, renderKit } from '../support/flowHarness';
import { ALICE } from '../support/renderFlow';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

describe('AddEmailFlow on Synapse: the password while waiting, then done once the link is followed', () => {
  it('should reach done by itself with following the link as the last action, in the protocol minimum plus polls', async () => {
    const { hs, client } = createHarness();
    const onComplete = vi.fn();
    const { user } = renderKit(<AddEmailFlow onComplete={onComplete} pollIntervalMs={500} />, client);
    await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'new@example.org{Enter}');

    // Synapse wants the password before it looks at the link: the link screen asks while the person waits.
    await findStep(en['addEmail.link.heading']);
    expect(await screen.findByRole('heading', { name: en['addEmail.link.authHeading'] })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: en['addEmail.link.continue'] })).toBeInTheDocument();
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
    expect(await screen.findByText(en['addEmail.link.autoDetect'])).toBeInTheDocument();
    expect(screen.queryByLabelText(en['auth.password.label'])).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    // The last thing the person does.
    await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    await findStep(en['addEmail.done.heading']);
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: 'new@example.org' });

    // capabilities, requestToken, 3pid/add ×2 (the bare challenge, the password), whoami — then only polls.
    const adds = hs.requests.filter((r) => r.endpoint === 'threepidAdd');
    expect(adds[0]).toMatchObject({ status: 401 });
    expect(adds[0]?.body).not.toHaveProperty('auth');
    expect(adds[1]).toMatchObject({ status: 400, body: { auth: { type: 'm.login.password', password: '[redacted]' } } });
    const polls = adds.slice(2);
    expect(polls.length).toBeGreaterThanOrEqual(1);
    for (const poll of polls) expect(poll.body).toMatchObject({ auth: { session: expect.any(String) } });
    expect(polls.at(-1)?.status).toBe(200);
    // What the kit sent besides: nothing more. (`link` is the person's browser following the link.)
    const endpoints = hs.requests.map((r) => r.endpoint);
    expect(endpoints.filter((e) => e !== 'threepidAdd' && e !== 'link')).toEqual(['capabilities', 'requestToken', 'whoami']);
    expect(endpoints.lastIndexOf('link')).toBe(endpoints.length - 2);
  });

  it('should still finish for a person who clicks "I\'ve opened the link" first', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={500} />, client);
    await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'new@example.org{Enter}');
    await screen.findByRole('heading', { name: en['addEmail.link.authHeading'] });
    await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    expect(screen.getByLabelText(en['auth.password.label'])).toHaveFocus();
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
    await findStep(en['addEmail.done.heading']);
    expect(hs.users.get('alice')?.threepids.map((t) => t.address)).toContain('new@example.org');
    // The protocol minimum: the bare challenge (asked at once) and the password; the click sent nothing.
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);
  });

  it('should keep the prompt on the link screen after a wrong password, saying so', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={500} />, client);
    await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'new@example.org{Enter}');
    await screen.findByRole('heading', { name: en['addEmail.link.authHeading'] });
    await user.type(screen.getByLabelText(en['auth.password.label']), 'wrong horse{Enter}');
    await findAlert(en['errors.wrongPassword']);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(en['addEmail.link.heading']);
    expect(screen.getByLabelText(en['auth.password.label'])).toBeInTheDocument();
  });
});

describe('AddPhoneFlow on Synapse + Sydent: a mistyped code', () => {
  it("should say the code isn't right or has expired, and keep the code field usable and focused", async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow />, client);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', '07400 123456');
    await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));
    await findStep(en['addPhone.code.heading']);
    const token = hs.inbox.latest('+447400123456')?.token ?? '';
    const field = screen.getByRole('textbox', { name: en['code.label'] });
    await user.type(field, `${token === '000000' ? '111111' : '000000'}{Enter}`);

    await findAlert(en['errors.invalidCode']);
    expect(hs.requests.filter((r) => r.endpoint === 'submitToken').at(-1)).toMatchObject({ status: 400 });
    expect(field).toHaveFocus();
    expect(field).not.toHaveAttribute('readonly');
    await user.clear(field);
    await user.type(field, `${token}{Enter}`);
    await findStep(en['auth.heading']);
    expect(bodiesOf(hs, 'submitToken')).toHaveLength(2);
  });
});

describe('ResetPasswordFlow by phone on Synapse', () => {
  it('should say reset by phone is not offered before asking for a new password', async () => {
    const { hs, client } = createHarness({}, { accessToken: null });
    const { user } = renderKit(<ResetPasswordFlow media={['email', 'msisdn']} phoneForm={phoneForm} defaultCountry="GB" />, client);
    await user.click(await screen.findByRole('button', { name: en['reset.medium.phone'] }));
    await enterPhone(user, 'GB', '07400 123456');
    await user.click(screen.getByRole('button', { name: en['reset.submitPhone'] }));
    await findStep(en['unavailable.notOffered.heading']);
    expect(screen.getByText(en['unavailable.notOffered.resetPhone'])).toBeInTheDocument();
    expect(screen.queryByLabelText(en['reset.password.newLabel'])).toBeNull();
    expect(hs.requests.count({ endpoint: 'password' })).toBe(0);
    await user.click(screen.getByRole('button', { name: en['unavailable.useEmail'] }));
    expect(await screen.findByRole('textbox', { name: en['email.label'] })).toBeInTheDocument();
  });
});
