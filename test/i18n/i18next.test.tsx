import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ThreepidProvider, type HostTranslate } from '../../src';
import { en } from '../../src/i18n/en';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, findAlert, findStep } from '../support/flowHarness';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

// The README's i18next recipe, as a host would write it: the kit's keys live in the host's own catalog (nested by
// their dots, i18next's default), with i18next's `{{placeholders}}` and `_one`/`_other` plural keys.
const i18n = i18next.createInstance();
void i18n.init({
  lng: 'de',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes; i18next's HTML escaping would show `&amp;` in an address
  resources: {
    de: {
      threepid: {
        addEmail: {
          heading: 'E-Mail-Adresse hinzufügen',
          submit: 'Bestätigungs-E-Mail senden',
          link: { heading: 'Sieh in deine E-Mails', sent: 'Wir haben einen Link an {{address}} gesendet.' },
        },
        email: { label: 'E-Mail-Adresse' },
        errors: {
          rateLimited_one: 'Zu viele Versuche. Versuche es in {{count}} Sekunde erneut.',
          rateLimited_other: 'Zu viele Versuche. Versuche es in {{count}} Sekunden erneut.',
        },
      },
    },
  },
});

const translate: HostTranslate = (key, values) => {
  // i18next picks `_one`/`_other` keys by `count`: the number the message counts, if any.
  const count = Number(values.seconds ?? values.minutes ?? values.min);
  const options = { ns: 'threepid', ...values, count: Number.isNaN(count) ? undefined : count };
  return i18n.exists(key, options) ? i18n.t(key, options) : undefined;
};

describe('i18next as the message source', () => {
  it("should show the host's translations, with its own plurals, and the kit's text for keys it lacks", async () => {
    const { hs, client } = createHarness();
    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 51_000 });
    const user = userEvent.setup();
    render(
      <ThreepidProvider client={client} translate={translate}>
        <AddEmailFlow />
      </ThreepidProvider>,
    );
    await findStep('E-Mail-Adresse hinzufügen');
    expect(screen.getByText(en['addEmail.hint'])).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'E-Mail-Adresse' }), 'alice@example.org');
    await user.click(screen.getByRole('button', { name: 'Bestätigungs-E-Mail senden' }));
    expect(await findAlert('Zu viele Versuche. Versuche es in 51 Sekunden erneut.')).toBeInTheDocument();
  });

  it('should keep the address isolated for right-to-left text inside a translated sentence', async () => {
    const { client } = createHarness();
    const user = userEvent.setup();
    render(
      <ThreepidProvider client={client} translate={translate}>
        <AddEmailFlow />
      </ThreepidProvider>,
    );
    await user.type(await screen.findByRole('textbox', { name: 'E-Mail-Adresse' }), 'alice.work@example.org{Enter}');
    const heading = await findStep('Sieh in deine E-Mails');
    const description = heading.parentElement?.querySelector('[data-threepid-part="description"]');
    expect(description).toHaveTextContent('Wir haben einen Link an alice.work@example.org gesendet.');
    expect(description?.querySelector('bdi')).toHaveTextContent(/^alice\.work@example\.org$/);
  });

  it("should let the host's `messages` beat its translator, key by key", async () => {
    const { client } = createHarness();
    render(
      <ThreepidProvider client={client} translate={translate} messages={{ 'addEmail.heading': 'Adresse eintragen' }}>
        <AddEmailFlow />
      </ThreepidProvider>,
    );
    await findStep('Adresse eintragen');
    expect(screen.getByRole('button', { name: 'Bestätigungs-E-Mail senden' })).toBeInTheDocument();
  });
});
