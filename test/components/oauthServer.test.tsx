// The three flows on an OAuth-era homeserver (fake preset `oauth`: Synapse + MAS): no form, no legacy request, the
// account page instead (PROTOCOL "OAuth-era homeservers").
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow } from '../../src/components';
import { AddPhoneFlow } from '../../src/phone';
import { en } from '../../src/i18n/en';
import type { Threepid } from '../../src/protocol/types';
import type { FakeHomeserver } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import { createHarness, findStep, renderKit } from '../support/flowHarness';

const BASE_URL = 'http://localhost:8008';
const ACCOUNT_PAGE = `${BASE_URL}/account/`;

/** Every request to an endpoint the OAuth server took away (the fake logs them as unrecognized). */
const legacyRequests = (hs: FakeHomeserver): string[] =>
  hs.requests
    .filter((r) => ['requestToken', 'submitToken', 'threepidAdd', 'threepidDelete', 'password', 'link', 'unrecognized'].includes(r.endpoint))
    .map((r) => `${r.method} ${r.path}`);

describe('AddEmailFlow on an OAuth-era server', () => {
  it('should list the current addresses and link to the account page at org.matrix.profile, with no form and no legacy request', async () => {
    const { hs, client } = createHarness({ preset: 'oauth' });
    const { container } = renderKit(<AddEmailFlow />, client);
    await findStep(en['addEmail.account.heading']);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(await screen.findByText('alice@example.org')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: en['addEmail.account.link'] });
    expect(link).toHaveAttribute('href', `${ACCOUNT_PAGE}?action=org.matrix.profile`);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(legacyRequests(hs)).toEqual([]);
    await expectNoAxeViolations(container);
  });

  it('should read the list again when the person comes back to the tab', async () => {
    const { hs, client } = createHarness({ preset: 'oauth' });
    renderKit(<AddEmailFlow />, client);
    await screen.findByText('alice@example.org');
    // What the person does on the account page, seen by the homeserver.
    (hs.users.get('alice')?.threepids as Threepid[]).push({ medium: 'email', address: 'alice.new@example.org', validatedAt: 1, addedAt: 1 });
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByText('alice.new@example.org')).toBeInTheDocument();
    expect(legacyRequests(hs)).toEqual([]);
  });

  it('should link to the bare account page when the server offers no profile action', async () => {
    const { client } = createHarness({ preset: 'oauth', authService: { actions: ['org.matrix.sessions_list'] } });
    renderKit(<AddEmailFlow />, client);
    expect(await screen.findByRole('link', { name: en['addEmail.account.link'] })).toHaveAttribute('href', ACCOUNT_PAGE);
  });

  it('should still say "changes are disabled" on a legacy server that turns 3PID changes off', async () => {
    const { hs, client } = createHarness({ capabilities: { threepidChanges: false } });
    renderKit(<AddEmailFlow />, client);
    await findStep(en['unavailable.threepidChangesDisabled.heading']);
    expect(hs.requests.count({ endpoint: 'authMetadata' })).toBe(2);
  });

  it('should ask nothing about OAuth on a legacy server that allows changes', async () => {
    const { hs, client } = createHarness();
    renderKit(<AddEmailFlow />, client);
    await screen.findByRole('textbox', { name: en['email.label'] });
    expect(hs.requests.count((r) => r.endpoint === 'authMetadata' || r.endpoint === 'wellKnown')).toBe(0);
  });
});

describe('AddPhoneFlow on an OAuth-era server', () => {
  it('should show no phone form, list the phone numbers and link to the account page', async () => {
    const { hs, client } = createHarness({ preset: 'oauth' }, { accessToken: 'syt_bob_fakehomeserver00000000002' });
    renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.account.heading']);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(await screen.findByText('+447700900001')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: en['addPhone.account.link'] })).toHaveAttribute('href', `${ACCOUNT_PAGE}?action=org.matrix.profile`);
    expect(legacyRequests(hs)).toEqual([]);
  });

  it('should say when the account has no phone number', async () => {
    const { client } = createHarness({ preset: 'oauth' });
    renderKit(<AddPhoneFlow />, client);
    expect(await screen.findByText(en['addPhone.account.none'])).toBeInTheDocument();
  });
});

describe('ResetPasswordFlow on an OAuth-era server', () => {
  it('should send the person to the account service by its host, with no legacy request even after a submit', async () => {
    const { hs, client } = createHarness({ preset: 'oauth' }, { accessToken: null });
    const { container, user } = renderKit(<ResetPasswordFlow />, client);
    await findStep(en['reset.account.heading']);
    const link = screen.getByRole('link', { name: 'Reset your password on localhost:8008' });
    expect(link).toHaveAttribute('href', ACCOUNT_PAGE);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(legacyRequests(hs)).toEqual([]);
    await user.tab();
    expect(link).toHaveFocus();
    await expectNoAxeViolations(container);
  });

  it("should link to the host's exact recovery page when given", async () => {
    const { client } = createHarness({ preset: 'oauth' }, { accessToken: null });
    renderKit(<ResetPasswordFlow recoveryUrl="https://account.example.org/recover" />, client);
    const link = await screen.findByRole('link', { name: /Reset your password on/ });
    expect(link).toHaveAttribute('href', 'https://account.example.org/recover');
  });

  it('should send no legacy request when the person submits before the server check answered', async () => {
    const { hs, client } = createHarness({ preset: 'oauth', latencyMs: 50 }, { accessToken: null });
    const { user } = renderKit(<ResetPasswordFlow passwordStep="after-link" />, client);
    const email = screen.getByRole('textbox', { name: en['email.label'] });
    await user.type(email, 'alice@example.org{Enter}');
    await findStep(en['reset.account.heading']);
    expect(legacyRequests(hs)).toEqual([]);
  });
});

describe('the account screen', () => {
  it('should keep the cancel button the host asked for', async () => {
    const { client } = createHarness({ preset: 'oauth' });
    let cancelled = 0;
    const { user } = renderKit(<AddEmailFlow onCancel={() => (cancelled += 1)} />, client);
    await findStep(en['addEmail.account.heading']);
    const actions = screen.getByRole('link', { name: en['addEmail.account.link'] }).parentElement as HTMLElement;
    await user.click(within(actions).getByRole('button', { name: en['common.cancel'] }));
    expect(cancelled).toBe(1);
  });
});
