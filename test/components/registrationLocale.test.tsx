import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RegistrationThreepidStage } from '../../src';
import { ar } from '../../src/i18n/locales/ar';
import { de } from '../../src/i18n/locales/de';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, renderKit } from '../support/flowHarness';
import { hostSignUp, NEWCOMER } from '../support/signUp';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

describe('the sign-up stage in another language', () => {
  it("should use the locale's sign-up words, not English, from the first screen to the link screen", async () => {
    const { hs, client } = createHarness({ registration: { require3pid: ['email'] } }, { accessToken: null });
    const host = hostSignUp(hs);
    const session = await host.start();
    const { user } = renderKit(<RegistrationThreepidStage session={session} submitAuth={host.submitAuth} locale={de} pollIntervalMs={false} />, client);

    expect(screen.getByRole('heading', { name: de.messages['registerEmail.heading'] })).toBeInTheDocument();
    expect(screen.getByText(de.messages['registerEmail.hint'] ?? '')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: de.messages['email.label'] }), NEWCOMER.email);
    await user.click(screen.getByRole('button', { name: de.messages['registerEmail.submit'] }));
    expect(await screen.findByRole('heading', { name: de.messages['registerEmail.link.heading'] })).toBeInTheDocument();
  });

  it('should lay the stage out right to left in Arabic, with its Arabic heading', async () => {
    const { hs, client } = createHarness({ registration: { require3pid: ['email'] } }, { accessToken: null });
    const session = await hostSignUp(hs).start();
    renderKit(<RegistrationThreepidStage session={session} submitAuth={vi.fn()} locale={ar} />, client);
    const heading = screen.getByRole('heading', { name: ar.messages['registerEmail.heading'] });
    expect(heading.closest('[data-threepid-part="root"]')).toHaveAttribute('dir', 'rtl');
  });
});
