import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../src/i18n/en';
import { AddPhoneFlow } from '../../src/phone';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, enterPhone, findStep, renderKit } from '../support/flowHarness';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

describe('a phone number in a sentence', () => {
  it('should keep the number on one line in the sentence that names it (no-break spaces)', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" />, client);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', '07400 123456');
    await user.keyboard('{Enter}');
    await findStep(en['addPhone.code.heading']);
    const address = screen.getByText(/Enter the code we sent/).querySelector('[data-threepid-part="address"]');
    expect(address?.textContent).toBe('+44\u00a07400\u00a0123456');
  });
});
