import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { AddEmailFlow } from '../src';
import { NEW_EMAIL } from './support/accounts';
import { fakeHomeserverOf, withFakeHomeserver } from './support/fakeServer';
import { expectAlert, findScreen, submitEmail } from './support/play';
import { FlowBeside } from './support/StoryLayout';

const SEND = 'Send verification email';

/**
 * `<AddEmailFlow>` holding firm when the address or the server misbehaves (issue #13): what the person sees when the
 * kit refuses to show one thing and send another, to wait forever, or to ask for the same confirmation without end.
 */
const meta = {
  title: 'Flows/Hostile server',
  component: AddEmailFlow,
  args: { onComplete: fn(), onError: fn(), pollIntervalMs: false },
  argTypes: { client: { control: false }, onAuthRequired: { control: false }, persist: { control: false } },
  render: (args) => (
    <FlowBeside note="The fake homeserver behind this flow misbehaves as each story says.">
      <AddEmailFlow {...args} />
    </FlowBeside>
  ),
} satisfies Meta<typeof AddEmailFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A prefilled address holding a right-to-left override (it reads as another address): refused, nothing sent. */
export const HiddenCharacters: Story = {
  name: 'Hidden characters in the address',
  ...withFakeHomeserver(),
  args: { defaultValue: '\u202Egro.elpmaxe@ecila.ve' },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await findScreen(canvas, 'Add an email address', { focused: false });
    await userEvent.click(canvas.getByRole('button', { name: SEND }));
    await expectAlert(canvas, /hidden characters/);
    await expect(fakeHomeserverOf(context).requests.count({ endpoint: 'requestToken' })).toBe(0);
  },
};

/** The server asks to wait 31 710 years (`retry_after_ms` 1e15): the wait is held to a day, worded in hours. */
export const AbsurdWait: Story = {
  name: 'An absurd wait',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 1e15 });
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await expectAlert(canvas, 'Too many attempts. Try again in 24 hours.');
  },
};

/** The host's confirmation answers at once and the server keeps asking again: the kit stops after a few tries. */
export const EndlessConfirmation: Story = {
  name: 'A confirmation the server never accepts',
  ...withFakeHomeserver(),
  args: { onAuthRequired: async () => ({}) },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await userEvent.click(await canvas.findByRole('button', { name: "I've opened the link" }));
    await expectAlert(canvas, /kept refusing/);
    await expect(fakeHomeserverOf(context).requests.count({ endpoint: 'threepidAdd' })).toBeLessThanOrEqual(4);
  },
};
