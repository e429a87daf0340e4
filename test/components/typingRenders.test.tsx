// Typing into an address or code field must not re-render the flow: the fields are uncontrolled (react-hook-form), and
// only a validation message may re-render the form. The bench prints the same figure in Chromium (`npm run bench`).
import { screen } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow } from '../../src';
import { en } from '../../src/i18n/en';
import { fakeSetup, renderFlow } from '../support/renderFlow';

const THIRTY_CHARACTERS = 'someone.with.a.long@example.org'.slice(0, 30);

function counted(ui: ReactNode): { ui: ReactNode; commits: () => number; restart: () => void } {
  let commits = 0;
  return {
    ui: (
      <Profiler id="flow" onRender={() => (commits += 1)}>
        {ui}
      </Profiler>
    ),
    commits: () => commits,
    restart: () => {
      commits = 0;
    },
  };
}

describe('typing into a flow', () => {
  it.each([
    ['AddEmailFlow', <AddEmailFlow key="add" pollIntervalMs={false} />, fakeSetup()],
    ['ResetPasswordFlow', <ResetPasswordFlow key="reset" pollIntervalMs={false} />, fakeSetup({}, undefined)],
  ])('should not re-render %s while a 30-character email is typed', async (_name, flow, { client }) => {
    const probe = counted(flow);
    const { user } = renderFlow(<>{probe.ui}</>, client);
    const field = await screen.findByRole('textbox', { name: en['email.label'] });
    await user.click(field);
    probe.restart();
    await user.keyboard(THIRTY_CHARACTERS);
    expect(field).toHaveValue(THIRTY_CHARACTERS);
    expect(probe.commits()).toBe(0);
  });

  it('should re-render once the field is submitted empty, to show its message', async () => {
    const probe = counted(<AddEmailFlow pollIntervalMs={false} />);
    const { client } = fakeSetup();
    const { user } = renderFlow(<>{probe.ui}</>, client);
    await screen.findByRole('textbox', { name: en['email.label'] });
    probe.restart();
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    expect(await screen.findByText(en['email.required'])).toBeInTheDocument();
    expect(probe.commits()).toBeGreaterThan(0);
  });
});
