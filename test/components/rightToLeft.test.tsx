import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ar } from '../../src/i18n/locales/ar';
import { AddPhoneFlow } from '../../src/phone';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness } from '../support/flowHarness';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

// What the screenshots in Arabic showed: text that must read left to right inside a right-to-left flow.
describe('right to left', () => {
  it('should show the dialling code as +44, not 44+, in a right-to-left language', async () => {
    const { client } = createHarness();
    render(<AddPhoneFlow client={client} locale={ar} defaultCountry="GB" />);
    const select = await screen.findByRole('combobox', { name: ar.messages['phone.countryLabel'] });
    const root = select.closest('[data-threepid-part="root"]');
    expect(root).toHaveAttribute('dir', 'rtl');
    const dialCode = root?.querySelector('[data-threepid-part="dialCode"]');
    expect(dialCode).toHaveTextContent('+44');
    expect(dialCode).toHaveAttribute('dir', 'ltr');
  });
});
