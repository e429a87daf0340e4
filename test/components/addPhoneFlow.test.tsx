import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddPhoneFlow } from '../../src/phone';
import { en } from '../../src/i18n/en';
import type { ThreepidClient } from '../../src/protocol/types';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { bodiesOf, createHarness, enterPhone, expectNoSecretsInDom, findAlert, findStep, renderKit, secretsOf } from '../support/flowHarness';
import { ALICE } from '../support/renderFlow';

failOnConsoleNoise();
// Whole flows with typing; generous because CI machines are often busy.
vi.setConfig({ testTimeout: 20_000 });

// A UK mobile number libphonenumber accepts (07700 900xxx is a drama range it calls invalid).
const NATIONAL = '07400 123456';
const E164 = '+447400123456';
const DISPLAY = '+44 7400 123456';

function phonesOfAlice(hs: ReturnType<typeof createHarness>['hs']): string[] {
  return (hs.users.get('alice')?.threepids ?? []).filter((t) => t.medium === 'msisdn').map((t) => t.address);
}

describe('AddPhoneFlow', () => {
  it('should send the country and the national number, then add the phone with the SMS code and the password', async () => {
    const harness = createHarness();
    const { hs, client } = harness;
    const onComplete = vi.fn();
    const { user } = renderKit(<AddPhoneFlow onComplete={onComplete} />, client);

    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', NATIONAL);
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveAttribute('autocomplete', 'tel');
    await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));

    await findStep(en['addPhone.code.heading']);
    // The caret is in the code field, with the keyboard for digits.
    expect(screen.getByRole('textbox', { name: en['code.label'] })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: en['code.label'] })).toHaveAttribute('inputmode', 'numeric');
    expect(bodiesOf(hs, 'requestToken')).toEqual([
      { client_secret: '[redacted]', country: 'GB', phone_number: '7400123456', send_attempt: 1 },
    ]);
    expect(screen.getByText(/Enter the code we sent by text message to/)).toHaveTextContent(DISPLAY);
    expect(screen.getByRole('status')).toHaveTextContent(`Code sent to ${DISPLAY}`);

    const token = hs.inbox.latest(E164)?.token ?? '';
    // Typed with a space in the middle: once the sixth digit is in, it sends itself.
    await user.type(screen.getByRole('textbox', { name: en['code.label'] }), `${token.slice(0, 3)} ${token.slice(3)}`);
    await findStep(en['auth.heading']);
    expect(screen.getByLabelText(en['auth.password.label'])).toHaveFocus();
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);

    expect(await findStep(en['addPhone.done.heading'])).toHaveFocus();
    expect(screen.getByText(/was added to your account/)).toHaveTextContent(`${DISPLAY} was added to your account.`);
    expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'msisdn', address: E164, display: DISPLAY });
    expect(phonesOfAlice(hs)).toEqual(['447400123456']);
    expectNoSecretsInDom(secretsOf(harness, ALICE.password));
  });

  it('should preselect defaultCountry, limit the list to countries, and never load a flag from the network', async () => {
    const { client } = createHarness();
    renderKit(<AddPhoneFlow defaultCountry="FR" countries={['FR', 'DE', 'GB']} />, client);
    await findStep(en['addPhone.heading']);
    const select = screen.getByRole('combobox', { name: en['phone.countryLabel'] });
    expect(select).toHaveValue('FR');
    const offered = within(select)
      .getAllByRole('option')
      .map((option) => (option as HTMLOptionElement).value);
    expect(offered.filter((value) => value !== 'ZZ').sort()).toEqual(['DE', 'FR', 'GB']);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(document.body.innerHTML).not.toMatch(/https?:\/\/[^"]*\.svg/);
  });

  it('should name the countries in the language the host gives', async () => {
    const { client } = createHarness();
    renderKit(<AddPhoneFlow defaultCountry="GB" countries={['GB', 'DE']} countryLabels={{ GB: 'Royaume-Uni', DE: 'Allemagne', ZZ: 'Autre' }} />, client);
    await findStep(en['addPhone.heading']);
    const select = screen.getByRole('combobox', { name: en['phone.countryLabel'] });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['Autre', 'Allemagne', 'Royaume-Uni']);
  });

  it('should use the country of a number typed in international form', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="US" />, client);
    await findStep(en['addPhone.heading']);
    await user.type(screen.getByRole('textbox', { name: 'Phone number' }), '+33 6 12 34 56 78{Enter}');
    await findStep(en['addPhone.code.heading']);
    expect(bodiesOf(hs, 'requestToken')[0]).toMatchObject({ country: 'FR', phone_number: '612345678' });
  });

  it('should send the country picked in the list with the national number typed for it', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'FR', '06 12 34 56 78');
    await user.keyboard('{Enter}');
    await findStep(en['addPhone.code.heading']);
    expect(bodiesOf(hs, 'requestToken')[0]).toMatchObject({ country: 'FR', phone_number: '612345678' });
  });

  it('should refuse a number no country can be sent for (the spec needs one) instead of doing nothing', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow />, client);
    await findStep(en['addPhone.heading']);
    // International freephone: a valid number, but of no country.
    await user.type(screen.getByRole('textbox', { name: 'Phone number' }), '+800 1234 5678{Enter}');
    expect(await screen.findByText(en['phone.invalid'])).toBeInTheDocument();
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });

  it('should refuse an impossible number before sending, with the error linked to the input', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    const input = screen.getByRole('textbox', { name: 'Phone number' });

    await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));
    expect(await screen.findByText(en['phone.required'])).toBeInTheDocument();
    await user.type(input, '0791');
    await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));
    expect(await screen.findByText(en['phone.invalid'])).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining(en['phone.invalid']));
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });

  it('should say a wrong code is wrong and keep it in the input', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', NATIONAL);
    await user.keyboard('{Enter}');
    await findStep(en['addPhone.code.heading']);

    const wrong = hs.inbox.latest(E164)?.token === '000000' ? '111111' : '000000';
    const code = screen.getByRole('textbox', { name: en['code.label'] });
    await user.type(code, `${wrong}{Enter}`);
    const alert = await findAlert(en['errors.invalidCode']);
    expect(code).toHaveValue(wrong);
    expect(code).toHaveAccessibleDescription(expect.stringContaining(alert.textContent ?? ''));

    await user.clear(code);
    await user.type(code, `${hs.inbox.latest(E164)?.token ?? ''}{Enter}`);
    await findStep(en['auth.heading']);
    expect(screen.getByLabelText(en['auth.password.label'])).toHaveFocus();
  });

  it('should ask for a code again when the field is empty, without calling the server', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', NATIONAL);
    await user.keyboard('{Enter}');
    await findStep(en['addPhone.code.heading']);
    await user.type(screen.getByRole('textbox', { name: en['code.label'] }), ' - {Enter}');
    expect(await screen.findByText(en['code.required'], { selector: '[data-threepid-part="fieldError"]' })).toBeInTheDocument();
    expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(0);
  });

  it('should fall back to the link step when the server gives no submit_url', async () => {
    const { hs, client } = createHarness();
    // A server that texts a link instead of a code.
    const linkOnly: ThreepidClient = {
      ...client,
      requestToken: async (...args) => ({ sid: (await client.requestToken(...args)).sid }),
    };
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" pollIntervalMs={false} />, linkOnly);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', NATIONAL);
    await user.keyboard('{Enter}');
    expect(await findStep(en['addPhone.link.heading'])).toHaveFocus();
    expect(screen.getByText(/We sent a text message with a link to/)).toHaveTextContent(DISPLAY);
    expect(screen.getByRole('button', { name: en['addPhone.link.continue'] })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Resend in \d+s/ })).toHaveAttribute('aria-disabled', 'true');
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });

  it('should keep the number typed when going back to change it', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', NATIONAL);
    await user.keyboard('{Enter}');
    await findStep(en['addPhone.code.heading']);
    await user.click(screen.getByRole('button', { name: en['common.changePhone'] }));
    await findStep(en['addPhone.heading']);
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveFocus();
    expect(screen.getByRole('combobox', { name: en['phone.countryLabel'] })).toHaveValue('GB');
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveValue(NATIONAL);
  });
});
