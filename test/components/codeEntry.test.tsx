import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddPhoneFlow } from '../../src/phone';
import { en } from '../../src/i18n/en';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, enterPhone, findAlert, findStep, renderKit } from '../support/flowHarness';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

const E164 = '+447400123456';

async function reachCode() {
  const harness = createHarness();
  const { user } = renderKit(<AddPhoneFlow defaultCountry="GB" pollIntervalMs={false} onCancel={() => {}} />, harness.client);
  await findStep(en['addPhone.heading']);
  await enterPhone(user, 'GB', '07400 123456');
  await user.keyboard('{Enter}');
  await findStep(en['addPhone.code.heading']);
  const code = screen.getByRole('textbox', { name: en['code.label'] });
  const token = harness.hs.inbox.latest(E164)?.token ?? '';
  const wrong = token === '000000' ? '111111' : '000000';
  return { ...harness, user, code, token, wrong };
}

describe('code entry', () => {
  it('should send a pasted code with spaces and dashes by itself, without Verify', async () => {
    const { hs, user, code, token } = await reachCode();
    expect(code).toHaveFocus();
    await user.paste(` ${token.slice(0, 3)} - ${token.slice(3)} `);
    await findStep(en['auth.heading']);
    expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(1);
  });

  it('should wait for the sixth digit before sending anything', async () => {
    const { hs, user, code, token } = await reachCode();
    await user.type(code, token.slice(0, 5));
    expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(0);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(en['addPhone.code.heading']);
  });

  it('should never send the same wrong code by itself twice, but send it again when the person presses Verify', async () => {
    const { hs, user, code, wrong } = await reachCode();
    await user.type(code, wrong);
    await findAlert(en['errors.invalidCode']);
    expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(1);
    expect(code).toHaveValue(wrong);

    await user.clear(code);
    await user.type(code, wrong);
    expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(1);

    await user.click(screen.getByRole('button', { name: en['code.submit'] }));
    await vi.waitFor(() => expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(2));
  });

  it('should offer Cancel on the code screen', async () => {
    const { code } = await reachCode();
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getByRole('button', { name: en['common.cancel'] })).toBeInTheDocument();
  });
});
