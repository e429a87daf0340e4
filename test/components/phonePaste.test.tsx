import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ResetPasswordFlow } from '../../src';
import { en } from '../../src/i18n/en';
import { AddPhoneFlow, phoneForm } from '../../src/phone';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { bodiesOf, createHarness, findStep, renderKit } from '../support/flowHarness';

failOnConsoleNoise();
// Whole flows with typing; generous because CI machines are often busy.
vi.setConfig({ testTimeout: 20_000 });

const countrySelect = (): HTMLElement => screen.getByRole('combobox', { name: en['phone.countryLabel'] });
const numberInput = (): HTMLElement => screen.getByRole('textbox', { name: en['phone.label'] });
const dialCode = (): string | null | undefined => document.querySelector('[data-threepid-part="dialCode"]')?.textContent;

describe('a number given in international form', () => {
  it('should pick the country of a pasted +44 number and keep the national number in the field', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="US" />, client);
    await findStep(en['addPhone.heading']);
    await user.click(numberInput());
    await user.paste('+44 20 7946 0958');

    expect(countrySelect()).toHaveValue('GB');
    expect(dialCode()).toBe('+44');
    expect(numberInput()).toHaveValue('020 7946 0958');
    // The caret stays in the field, at the end, so the person can go on (or press Enter).
    expect(numberInput()).toHaveFocus();
    await user.keyboard('{Enter}');
    await findStep(en['addPhone.code.heading']);
    expect(bodiesOf(hs, 'requestToken')[0]).toMatchObject({ country: 'GB', phone_number: '2079460958' });
  });

  it('should pick the country of a typed +33 number and show it in national form once the field is left', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    await user.type(numberInput(), '+33 6 12 34 56 78');
    expect(countrySelect()).toHaveValue('FR');
    expect(dialCode()).toBe('+33');

    await user.tab();
    expect(numberInput()).toHaveValue('06 12 34 56 78');
    await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));
    await findStep(en['addPhone.code.heading']);
    expect(bodiesOf(hs, 'requestToken')[0]).toMatchObject({ country: 'FR', phone_number: '612345678' });
  });

  it('should clear the field error once a whole number is pasted over a wrong one', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    await user.type(numberInput(), '0791{Enter}');
    expect(await screen.findByText(en['phone.invalid'])).toBeInTheDocument();

    await user.tripleClick(numberInput());
    await user.paste('+49 30 901820');
    expect(countrySelect()).toHaveValue('DE');
    expect(numberInput()).toHaveValue('030 901820');
    expect(screen.queryByText(en['phone.invalid'])).toBeNull();
    expect(numberInput()).not.toHaveAttribute('aria-invalid');
  });

  it('should leave a pasted number of a country not on offer as it was pasted', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" countries={['GB', 'IE']} />, client);
    await findStep(en['addPhone.heading']);
    await user.click(numberInput());
    await user.paste('+33 6 12 34 56 78');
    expect(numberInput()).toHaveValue('+33 6 12 34 56 78');
    expect(countrySelect()).not.toHaveValue('FR');
  });

  it('should pick the country of a pasted number in the phone form of a password reset too', async () => {
    const { client } = createHarness({ resetByPhone: true }, { accessToken: null });
    const { user } = renderKit(<ResetPasswordFlow media={['email', 'msisdn']} phoneForm={phoneForm} defaultCountry="US" />, client);
    await findStep(en['reset.heading']);
    await user.click(screen.getByRole('button', { name: en['reset.medium.phone'] }));
    await user.click(numberInput());
    await user.paste('+44 7400 123456');
    expect(countrySelect()).toHaveValue('GB');
    expect(numberInput()).toHaveValue('07400 123456');
  });
});
