import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow } from '../../src';
import { en } from '../../src/i18n/en';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, findStep, renderKit } from '../support/flowHarness';
import { ALICE } from '../support/renderFlow';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 20_000 });

const EMAIL = 'new@example.org';

describe('the done action', () => {
  it("should sit in an actions row like every screen's buttons, so the theme sizes it the same way", async () => {
    const { hs, client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} doneAction={{ label: 'Back to settings', onClick: vi.fn() }} />, client);
    await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
    await findStep(en['addEmail.done.heading']);
    expect(screen.getByRole('button', { name: 'Back to settings' }).parentElement).toHaveAttribute('data-threepid-part', 'actions');
  });
});
