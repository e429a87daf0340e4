// The peer range says React ≥ 18: the three flows, run from source under React 18.3 (StrictMode), must work without a
// console error. React 19 lets a function component take `ref` as a prop; React 18 drops it — this catches such slips.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, version, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow, ThreepidProvider } from '../../src';
import { AddPhoneFlow } from '../../src/phone';
import { en } from '../../src/i18n/en';
import { createThreepidClient } from '../../src/protocol';
import { createFakeHomeserver } from '../../src/testing';

const BASE_URL = 'http://localhost:8008';
const ALICE_TOKEN = 'syt_alice_fakehomeserver0000000001';

function setup(accessToken?: string) {
  const hs = createFakeHomeserver({ baseUrl: BASE_URL, rateLimit: false });
  const client = createThreepidClient({ baseUrl: BASE_URL, accessToken, fetch: hs.fetch });
  const view = (ui: ReactNode) =>
    render(
      <StrictMode>
        <ThreepidProvider client={client}>{ui}</ThreepidProvider>
      </StrictMode>,
    );
  return { hs, view, user: userEvent.setup() };
}

let consoleError: MockInstance;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  cleanup();
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

describe('under React 18', () => {
  it('should run on React 18, not the root React', () => {
    expect(version).toMatch(/^18\./);
  });

  it('should validate, then add an email: link followed, password confirmed', async () => {
    const { hs, view, user } = setup(ALICE_TOKEN);
    const onComplete = vi.fn();
    view(<AddEmailFlow onComplete={onComplete} pollIntervalMs={false} />);
    await user.click(await screen.findByRole('button', { name: en['addEmail.submit'] }));
    expect(await screen.findByText(en['email.required'])).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: en['email.label'] }), 'new@example.org{Enter}');
    await screen.findByRole('heading', { name: en['addEmail.link.heading'] });
    await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await user.type(await screen.findByLabelText(en['auth.password.label']), 'correct horse{Enter}');
    await waitFor(() => expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: 'new@example.org' }));
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
  });

  it('should add a phone number with the SMS code', async () => {
    const { hs, view, user } = setup(ALICE_TOKEN);
    const onComplete = vi.fn();
    view(<AddPhoneFlow defaultCountry="GB" onComplete={onComplete} pollIntervalMs={false} />);
    await user.type(await screen.findByRole('textbox', { name: en['phone.label'] }), '07400 123456{Enter}');
    await user.type(await screen.findByLabelText(en['code.label']), `${hs.inbox.latest('+447400123456')?.token ?? ''}{Enter}`);
    await user.type(await screen.findByLabelText(en['auth.password.label']), 'correct horse{Enter}');
    await waitFor(() => expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'msisdn', address: '+447400123456', display: '+44 7400 123456' }));
  });

  it('should reset a password by email', async () => {
    const { hs, view, user } = setup();
    view(<ResetPasswordFlow pollIntervalMs={false} />);
    await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'alice@example.org{Enter}');
    await user.type(await screen.findByLabelText(en['reset.password.newLabel']), 'a much better secret');
    await user.type(screen.getByLabelText(en['reset.password.confirmLabel']), 'a much better secret{Enter}');
    await screen.findByRole('heading', { name: en['reset.link.heading'] });
    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['reset.link.continue'] }));
    await screen.findByRole('heading', { name: en['reset.done.heading'] });
    expect(hs.users.get('alice')?.password).toBe('a much better secret');
  });
});
