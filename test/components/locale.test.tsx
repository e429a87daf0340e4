import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ThreepidProvider, type Locale } from '../../src';
import { AddPhoneFlow } from '../../src/phone';
import { en } from '../../src/i18n/en';
import { expectNoAxeViolations } from '../support/axe';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, findAlert, findStep } from '../support/flowHarness';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

// Small hand-made locales: these tests are about how a locale is chosen and applied, not about any one translation.
const german: Locale = {
  tag: 'de',
  dir: 'ltr',
  messages: { 'addEmail.heading': 'E-Mail-Adresse hinzufügen', 'email.label': 'E-Mail-Adresse', 'addEmail.submit': 'Senden' },
};
const french: Locale = { tag: 'fr', dir: 'ltr', messages: { 'addEmail.heading': 'Ajouter une adresse e-mail' } };
const arabic: Locale = {
  tag: 'ar',
  dir: 'rtl',
  messages: { 'addEmail.heading': 'إضافة بريد إلكتروني', 'email.label': 'عنوان البريد الإلكتروني', 'addEmail.submit': 'إرسال' },
};
const russian: Locale = {
  tag: 'ru',
  dir: 'ltr',
  messages: {
    'errors.rateLimited':
      'Слишком много попыток. Повторите через {seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}.',
  },
};

const rootOf = (heading: HTMLElement): HTMLElement => heading.closest('[data-threepid-part="root"]') as HTMLElement;

describe('locale', () => {
  it("should speak the provider's locale, and mark the flow with its language and direction", async () => {
    const { client } = createHarness();
    render(
      <ThreepidProvider client={client} locale={german}>
        <AddEmailFlow />
      </ThreepidProvider>,
    );
    const heading = await findStep('E-Mail-Adresse hinzufügen');
    expect(screen.getByRole('textbox', { name: 'E-Mail-Adresse' })).toBeInTheDocument();
    // A key the locale lacks falls back to English rather than showing its key.
    expect(screen.getByText(en['addEmail.hint'])).toBeInTheDocument();
    expect(rootOf(heading)).toHaveAttribute('lang', 'de');
    expect(rootOf(heading)).toHaveAttribute('dir', 'ltr');
  });

  it('should leave language and direction to the host page when no locale is chosen', async () => {
    const { client } = createHarness();
    render(
      <ThreepidProvider client={client}>
        <AddEmailFlow />
      </ThreepidProvider>,
    );
    const root = rootOf(await findStep(en['addEmail.heading']));
    expect(root).not.toHaveAttribute('lang');
    expect(root).not.toHaveAttribute('dir');
  });

  it("should let a flow's own locale beat the provider's, and the host's messages beat any locale", async () => {
    const { client } = createHarness();
    render(
      <ThreepidProvider client={client} locale={german} messages={{ 'addEmail.submit': 'Los' }}>
        <AddEmailFlow locale={french} />
      </ThreepidProvider>,
    );
    expect(rootOf(await findStep('Ajouter une adresse e-mail'))).toHaveAttribute('lang', 'fr');
    expect(screen.getByRole('button', { name: 'Los' })).toBeInTheDocument();
  });

  it('should lay a right-to-left language out right to left, accessibly', async () => {
    const { client } = createHarness();
    render(<AddEmailFlow client={client} locale={arabic} />);
    const root = rootOf(await findStep('إضافة بريد إلكتروني'));
    expect(root).toHaveAttribute('dir', 'rtl');
    expect(root).toHaveAttribute('lang', 'ar');
    await expectNoAxeViolations(root, 'the Arabic address form');
  });

  it("should count a server's wait with the language's plural rules", async () => {
    const { hs, client } = createHarness();
    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 51_000 });
    const user = userEvent.setup();
    render(<AddEmailFlow client={client} locale={russian} />);
    await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'alice@example.org{Enter}');
    expect(await findAlert('Слишком много попыток. Повторите через 51 секунду.')).toBeInTheDocument();
  });

  it('should put a field message shown before a language switch into the new language, keeping what was typed', async () => {
    const { client } = createHarness();
    const user = userEvent.setup();
    const german2: Locale = { ...german, messages: { ...german.messages, 'email.invalid': 'Das ist keine E-Mail-Adresse.' } };
    const { rerender } = render(<AddEmailFlow client={client} />);
    const field = await screen.findByRole('textbox', { name: en['email.label'] });
    await user.type(field, 'alice@example{Enter}');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(en['email.invalid']));
    rerender(<AddEmailFlow client={client} locale={german2} />);
    expect(await screen.findByText('Das ist keine E-Mail-Adresse.')).toBeInTheDocument();
    expect(screen.queryByText(en['email.invalid'])).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'E-Mail-Adresse' })).toHaveValue('alice@example');
  });

  it("should put the phone field's message into the new language after a switch", async () => {
    const { client } = createHarness();
    const user = userEvent.setup();
    const czech: Locale = { tag: 'cs', dir: 'ltr', messages: { 'phone.required': 'Zadejte telefonní číslo.' } };
    const { rerender } = render(<AddPhoneFlow client={client} defaultCountry="GB" />);
    await screen.findByRole('textbox', { name: en['phone.label'] });
    await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));
    expect(await screen.findByText(en['phone.required'])).toBeInTheDocument();
    rerender(<AddPhoneFlow client={client} defaultCountry="GB" locale={czech} />);
    expect(await screen.findByText('Zadejte telefonní číslo.')).toBeInTheDocument();
    expect(screen.queryByText(en['phone.required'])).not.toBeInTheDocument();
  });

  it("should name countries in the flow's language, sorted in it, with no name table of ours", async () => {
    const { client } = createHarness();
    render(<AddPhoneFlow client={client} locale={{ tag: 'de', dir: 'ltr', messages: { 'phone.international': 'Andere' } }} countries={['GB', 'CZ', 'SZ', 'DE']} />);
    const select = await screen.findByRole('combobox', { name: en['phone.countryLabel'] });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Andere',
      'Deutschland',
      'Eswatini',
      'Tschechien',
      'Vereinigtes Königreich',
    ]);
  });

  it('should use current English country names by default', async () => {
    const { client } = createHarness();
    render(<AddPhoneFlow client={client} countries={['CZ', 'SZ']} />);
    const select = await screen.findByRole('combobox', { name: en['phone.countryLabel'] });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([en['phone.international'], 'Czechia', 'Eswatini']);
  });
});
