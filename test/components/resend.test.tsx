import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow } from '../../src';
import { AddPhoneFlow } from '../../src/phone';
import { en } from '../../src/i18n/en';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, enterPhone, findAlert, findStep, renderKit, sendAttempts, statusRegion } from '../support/flowHarness';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

const EMAIL = 'new@example.org';

beforeEach(() => {
  // Real time still flows (user-event and the fake need it); the countdown is moved on by hand.
  vi.useFakeTimers({ shouldAdvanceTime: true });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock on, letting React render what the timers changed. */
async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function resendButton(): HTMLElement {
  return screen.getByRole('button', { name: /^Resend/ });
}

describe('resend and its cooldown', () => {
  it('should count down on the resend button, then resend with send_attempt + 1 and say so', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    expect(statusRegion()).toHaveTextContent(`Email sent to ${EMAIL}`);

    expect(resendButton()).toHaveTextContent('Resend in 30s');
    expect(resendButton()).toHaveAttribute('aria-disabled', 'true');
    expect(resendButton()).toHaveAttribute('data-state', 'cooling');
    await advance(10_000);
    expect(resendButton()).toHaveTextContent('Resend in 20s');
    // The countdown is shown, not announced every second.
    expect(statusRegion()).toHaveTextContent(`Email sent to ${EMAIL}`);

    await advance(20_000);
    expect(resendButton()).toHaveTextContent(en['common.resendEmail']);
    expect(resendButton()).not.toHaveAttribute('aria-disabled');
    expect(resendButton()).toHaveAttribute('data-state', 'ready');
    expect(statusRegion()).toHaveTextContent(en['common.resendReady']);

    await user.click(resendButton());
    expect(await screen.findByText(en['common.emailResent'])).toBe(statusRegion());
    expect(sendAttempts(hs)).toEqual([1, 2]);
    expect(hs.inbox.all()).toHaveLength(2);
    expect(resendButton()).toHaveTextContent('Resend in 30s');
    expect(resendButton()).toHaveAttribute('aria-disabled', 'true');
    // The focus stays where the person is, on Resend while it counts down: not on the heading, not dropped to the page.
    expect(resendButton()).toHaveFocus();
    await user.click(resendButton());
    expect(sendAttempts(hs)).toEqual([1, 2]);
  });

  it('should follow a shorter resendCooldownMs', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} resendCooldownMs={5_000} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    expect(resendButton()).toHaveTextContent('Resend in 5s');
    await advance(5_000);
    expect(resendButton()).not.toHaveAttribute('aria-disabled');
  });

  it('should count a long wait down in minutes, then in seconds from a minute and a half', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await advance(30_000);

    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 297_000 });
    await user.click(resendButton());
    await findAlert('Too many attempts. Try again in 5 minutes.');
    expect(resendButton()).toHaveTextContent('Resend in 5 min');
    expect(resendButton()).toHaveAttribute('aria-disabled', 'true');
    await advance(207_000);
    expect(resendButton()).toHaveTextContent('Resend in 90s');
    await advance(90_000);
    expect(resendButton()).not.toHaveAttribute('aria-disabled');
  });

  it("should wait as long as the server's Retry-After says when a resend is rate limited, then resend once", async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await advance(30_000);

    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 45_000 });
    await user.click(resendButton());
    await findAlert('Too many attempts. Try again in 45 seconds.');
    expect(resendButton()).toHaveTextContent('Resend in 45s');
    expect(resendButton()).toHaveAttribute('aria-disabled', 'true');
    await advance(15_000);
    expect(resendButton()).toHaveTextContent('Resend in 30s');
    await advance(30_000);
    expect(resendButton()).not.toHaveAttribute('aria-disabled');

    await user.click(resendButton());
    expect(await screen.findByText(en['common.emailResent'])).toBe(statusRegion());
    // The 429 sent nothing, so the retry is still the second attempt.
    expect(sendAttempts(hs)).toEqual([1, 2, 2]);
    expect(hs.inbox.all()).toHaveLength(2);
  });

  it('should name the wait the resend button counts down, even when Retry-After is shorter than the cooldown', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await advance(30_000);

    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 10_000 });
    await user.click(resendButton());
    await findAlert('Too many attempts. Try again in 30 seconds.');
    expect(resendButton()).toHaveTextContent('Resend in 30s');
    await advance(5_000);
    // The alert says its sentence once; only the button counts.
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
    expect(resendButton()).toHaveTextContent('Resend in 25s');
  });

  it('should send nothing more for a rate-limited address, say the wait again on a click, then send once it is over', async () => {
    const { hs, client } = createHarness();
    // Longer than the kit's own 30 s cooldown, which a 429 never shortens.
    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 40_000 });
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    await user.type(input, `${EMAIL}{Enter}`);
    await findAlert('Too many attempts. Try again in 40 seconds.');
    const send = screen.getByRole('button', { name: en['addEmail.submit'] });
    expect(input).toHaveValue(EMAIL);
    await advance(9_000);
    await user.click(send);
    // The click is answered: the alert says the wait that is left, and nothing was sent.
    await findAlert('Too many attempts. Try again in 31 seconds.');
    expect(sendAttempts(hs)).toEqual([1]);

    await advance(31_000);
    await user.click(send);
    await findStep(en['addEmail.link.heading']);
    expect(sendAttempts(hs)).toEqual([1, 1]);
    expect(hs.inbox.all()).toHaveLength(1);
  });

  it('should resend a code and say a new code was sent', async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" countries={['GB', 'FR']} resendCooldownMs={1_000} />, client);
    await findStep(en['addPhone.heading']);
    await enterPhone(user, 'GB', '07400 123456');
    await user.keyboard('{Enter}');
    await findStep(en['addPhone.code.heading']);
    const code = screen.getByRole('textbox', { name: en['code.label'] });
    await user.type(code, '12');
    await advance(1_000);

    await user.click(screen.getByRole('button', { name: en['common.resendCode'] }));
    expect(await screen.findByText(en['common.codeResent'])).toBe(statusRegion());
    expect(sendAttempts(hs)).toEqual([1, 2]);
    // Typing in progress survives the resend.
    expect(screen.getByRole('textbox', { name: en['code.label'] })).toHaveValue('12');
  });

  it('should resend a reset email from the link step', async () => {
    const { hs, client } = createHarness({}, { accessToken: null });
    const { user } = renderKit(<ResetPasswordFlow passwordStep="after-link" resendCooldownMs={1_000} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), 'alice@example.org{Enter}');
    await findStep(en['reset.link.heading']);
    await advance(1_000);
    await user.click(screen.getByRole('button', { name: en['common.resendEmail'] }));
    expect(await screen.findByText(en['common.emailResent'])).toBe(statusRegion());
    expect(hs.inbox.all()).toHaveLength(2);
  });
});
