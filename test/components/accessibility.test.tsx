import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow, ThreepidProvider } from '../../src';
import { en } from '../../src/i18n/en';
import { expectNoAxeViolations } from '../support/axe';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, findStep, renderKit, setupUser, statusRegion } from '../support/flowHarness';
import { ALICE } from '../support/renderFlow';
import { tours } from '../support/stepTour';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 30_000 });

/** Every field error and every alert inside a form is named in the aria-describedby of an input of that form. */
function expectErrorsDescribeInputs(container: HTMLElement, screenName: string): void {
  const errors = container.querySelectorAll<HTMLElement>('[data-threepid-part="fieldError"], form [role="alert"]');
  for (const error of errors) {
    expect(error.id, `${screenName}: an error without id`).not.toBe('');
    const form = error.closest('form');
    const described = [...(form?.querySelectorAll('input, select') ?? [])].some((input) =>
      (input.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(error.id),
    );
    expect(described, `${screenName}: "${error.textContent}" describes no input`).toBe(true);
  }
}

describe('every screen', () => {
  it.each(Object.entries(tours))('should have no axe violations and linked errors on any screen of %s', async (_name, tour) => {
    const visited: string[] = [];
    await tour(async (screenName, container) => {
      visited.push(screenName);
      await expectNoAxeViolations(container, screenName);
      expectErrorsDescribeInputs(container, screenName);
      // One polite live region per flow, always mounted.
      expect(container.querySelectorAll('[role="status"][aria-live="polite"]'), screenName).toHaveLength(1);
    });
    expect(visited.length).toBeGreaterThan(0);
  });
});

describe('focus', () => {
  it('should not take focus from the host page when the flow mounts and reads capabilities', async () => {
    const { client } = createHarness({ latencyMs: 5 });
    render(
      <ThreepidProvider client={client}>
        <label>
          Host search <input />
        </label>
        <AddEmailFlow />
      </ThreepidProvider>,
    );
    const hostInput = screen.getByRole('textbox', { name: 'Host search' });
    hostInput.focus();
    await screen.findByRole('textbox', { name: 'Email address' });
    expect(hostInput).toHaveFocus();
  });

  it("should move focus to each new step's heading when it has no field, and keep it in place when an error appears", async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow pollIntervalMs={false} />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    await user.type(input, 'bob@example.org{Enter}');
    await screen.findByRole('alert');
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'new@example.org{Enter}');
    const heading = await findStep(en['addEmail.link.heading']);
    expect(heading).toHaveFocus();
    expect(heading).toHaveAttribute('tabindex', '-1');
  });
});

describe('announcements', () => {
  it('should announce the send and the end in the polite live region, and errors as alerts', async () => {
    const { hs, client } = createHarness({}, { accessToken: null });
    const { user } = renderKit(<ResetPasswordFlow passwordStep="after-link" pollIntervalMs={false} />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    expect(statusRegion()).toBeEmptyDOMElement();
    await user.type(input, 'alice@example.org{Enter}');
    await findStep(en['reset.link.heading']);
    expect(statusRegion()).toHaveTextContent('Email sent to alice@example.org');
    expect(statusRegion()).toHaveAttribute('aria-atomic', 'true');

    await user.click(screen.getByRole('button', { name: en['reset.link.continue'] }));
    await findStep(en['reset.password.heading']);
    await user.type(screen.getByLabelText(en['reset.password.newLabel']), 'a much better secret');
    await user.type(screen.getByLabelText(en['reset.password.confirmLabel']), 'a much better secret{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.notYetValidated']);
    expect(screen.getByRole('heading', { name: en['reset.link.heading'] })).toHaveFocus();

    await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['reset.link.continue'] }));
    await findStep(en['reset.done.heading']);
    expect(statusRegion()).toHaveTextContent(en['reset.done.heading']);
  });
});

describe('keyboard only', () => {
  it('should add an email with the keyboard alone, Tab and typing, each control reached in order', async () => {
    const { hs, client } = createHarness();
    const onComplete = vi.fn();
    render(
      <ThreepidProvider client={client}>
        <AddEmailFlow onComplete={onComplete} pollIntervalMs={false} onCancel={() => {}} />
      </ThreepidProvider>,
    );
    const user = setupUser();
    const email = await screen.findByRole('textbox', { name: 'Email address' });

    await user.tab();
    expect(email).toHaveFocus();
    await user.keyboard('new@example.org');
    await user.tab();
    expect(screen.getByRole('button', { name: en['addEmail.submit'] })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: en['common.cancel'] })).toHaveFocus();
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');

    expect(await findStep(en['addEmail.link.heading'])).toHaveFocus();
    await hs.followLink(hs.inbox.latest('new@example.org')?.link ?? '');
    await user.tab();
    expect(screen.getByRole('button', { name: en['addEmail.link.continue'] })).toHaveFocus();
    await user.keyboard(' ');

    // The caret is already in the password field: type at once.
    await findStep(en['auth.heading']);
    expect(screen.getByLabelText(en['auth.password.label'])).toHaveFocus();
    await user.keyboard(ALICE.password);
    await user.tab();
    expect(screen.getByRole('button', { name: en['common.showPassword'] })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: en['auth.password.submit'] })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await findStep(en['addEmail.done.heading'])).toHaveFocus();
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
  });
});
