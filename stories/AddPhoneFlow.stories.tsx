import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AddPhoneFlow } from '../src/phone';
import { ALICE, DAVE, NEW_PHONE, USERS_WITH_PHONE } from './support/accounts';
import type { FakeHomeserver } from '../src/testing';
import { fakeHomeserverOf, withFakeHomeserver, type StoryHomeserverOptions } from './support/fakeServer';
import {
  confirmPassword,
  expectAlert,
  findScreen,
  flowDescription,
  flowHeading,
  flowStatus,
  latestMessage,
  submitCode,
  submitPhone,
  wrongCodeFor,
  type Canvas,
} from './support/play';
import { FlowBeside } from './support/StoryLayout';

const SEND = 'Send code';

const note = (
  <>
    Signed in as <code>{ALICE.userId}</code>, password <code>{ALICE.password}</code>. The code arrives in the fake inbox.
    Try <code>{DAVE.national}</code> to see a number that is already in use.
  </>
);

// Every phone story knows dave, whose number a person can type (the seed users' number is not dialable).
const fakeHomeserver = (options: StoryHomeserverOptions = {}): ReturnType<typeof withFakeHomeserver> =>
  withFakeHomeserver({ users: USERS_WITH_PHONE, ...options });

/** Sends NEW_PHONE and waits for the code screen; returns the code the fake texted. */
async function sendCode(canvas: Canvas, hs: FakeHomeserver): Promise<string> {
  await submitPhone(canvas, NEW_PHONE.national, SEND);
  await findScreen(canvas, 'Enter the code');
  return (await latestMessage(hs, NEW_PHONE.e164)).token;
}

/**
 * `<AddPhoneFlow>` against the fake homeserver, one story per state a person can reach. The fake answers phone
 * requests with a `submit_url`, as Synapse does with an SMS provider, so the flow asks for the texted code.
 */
const meta = {
  title: 'Flows/AddPhoneFlow',
  component: AddPhoneFlow,
  args: { defaultCountry: 'GB', onComplete: fn(), onError: fn() },
  // Functions and objects a visitor could not type in: the controls panel leaves them out.
  argTypes: { client: { control: false }, onAuthRequired: { control: false }, persist: { control: false } },
  render: (args) => (
    <FlowBeside note={note}>
      <AddPhoneFlow {...args} />
    </FlowBeside>
  ),
} satisfies Meta<typeof AddPhoneFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The whole flow, live: type a number, copy the code from the fake inbox, confirm with the password, done. */
export const Playground: Story = {
  args: { onCancel: fn(), doneAction: { label: 'Back to settings', onClick: fn() } },
  ...fakeHomeserver(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findScreen(canvas, 'Add a phone number', { focused: false });
    await expect(canvas.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    await expect(canvas.getByRole('textbox', { name: 'Phone number' })).toHaveValue('');
  },
};

/** Choosing the country and typing the number: the form checks the number is valid for that country. */
export const EnteringNumber: Story = {
  name: 'Entering the number',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await findScreen(canvas, 'Add a phone number', { focused: false });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Country' }), 'FR');
    await submitPhone(canvas, '06 12 34', SEND);
    await expect(await canvas.findByText('Enter a valid phone number for the country you chose.')).toBeInTheDocument();
    await expect(fakeHomeserverOf(context).requests.count({ endpoint: 'requestToken' })).toBe(0);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Phone number' }), '56 78');
    await expect(canvas.getByRole('textbox', { name: 'Phone number' })).toHaveValue('06 12 34 56 78');
  },
};

/** A number too short for its country: the field says so, keeps what was typed, and nothing is sent. */
export const NumberWithMistake: Story = {
  name: 'Number with a mistake',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitPhone(canvas, '0791', SEND);
    await expect(await canvas.findByText('Enter a valid phone number for the country you chose.')).toBeInTheDocument();
    await expect(canvas.getByRole('textbox', { name: 'Phone number' })).toHaveValue('0791');
    await expect(fakeHomeserverOf(context).requests.count({ endpoint: 'requestToken' })).toBe(0);
  },
};

/** A number pasted in international form (`+44 20 7946 0958`) picks its country; the field keeps the national number. */
export const PastingInternational: Story = {
  name: 'Pasting an international number',
  args: { defaultCountry: 'US' },
  ...fakeHomeserver(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findScreen(canvas, 'Add a phone number', { focused: false });
    await userEvent.click(canvas.getByRole('textbox', { name: 'Phone number' }));
    await userEvent.paste('+44 20 7946 0958');
    await expect(canvas.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    await expect(canvas.getByRole('textbox', { name: 'Phone number' })).toHaveValue('020 7946 0958');
  },
};

/** The server is slow (a latency fault: it answers after a minute): the button says it is sending. */
export const Sending: Story = {
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'latency', ms: 60_000 });
    await submitPhone(canvas, NEW_PHONE.national, SEND);
    await expect(await canvas.findByRole('button', { name: 'Sending…' })).toHaveAttribute('aria-busy', 'true');
    // The country list is disabled meanwhile, and its native select must stay invisible over the flag and dial code.
    const select = canvas.getByRole('combobox', { name: 'Country' });
    await expect(select).toBeDisabled();
    await expect(getComputedStyle(select).opacity).toBe('0');
  },
};

/** The code was texted: the flow asks for it, with the number in international form. */
export const WaitingForCode: Story = {
  name: 'Waiting for the code',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await sendCode(canvas, fakeHomeserverOf(context));
    await expect(flowDescription(canvas)).toHaveTextContent(`Enter the code we sent by text message to ${NEW_PHONE.international}.`);
    await expect(flowStatus(canvas)).toHaveTextContent(`Code sent to ${NEW_PHONE.international}`);
    await expect(canvas.getByRole('textbox', { name: 'Verification code' })).toHaveAttribute('autocomplete', 'one-time-code');
  },
};

/** A mistyped code: the flow says so and keeps the code screen. */
export const WrongCode: Story = {
  name: 'Wrong code',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const code = await sendCode(canvas, fakeHomeserverOf(context));
    await submitCode(canvas, wrongCodeFor(code));
    await expectAlert(canvas, "That code isn't right or has expired. Check it, or send a new one.");
    await expect(flowHeading(canvas)).toHaveTextContent('Enter the code');
  },
};

/** Resend works once the cooldown is over, then counts down again (here 2 s instead of 30 s). */
export const ResendCoolingDown: Story = {
  name: 'Resend cooling down',
  args: { resendCooldownMs: 2000 },
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await sendCode(canvas, hs);
    await expect(canvas.getByRole('button', { name: /^Resend in \ds$/ })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(await canvas.findByRole('button', { name: 'Resend code' }, { timeout: 4000 }));
    await waitFor(() => expect(flowStatus(canvas)).toHaveTextContent('New code sent'));
    await expect(hs.inbox.all()).toHaveLength(2);
    await expect(canvas.getByRole('button', { name: /^Resend in \ds$/ })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A resend the server refuses (429): the flow says how long to wait and the resend button counts down to it. */
export const RateLimited: Story = {
  name: 'Rate limited',
  args: { resendCooldownMs: 1000 },
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await sendCode(canvas, hs);
    hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 300_000 });
    await userEvent.click(await canvas.findByRole('button', { name: 'Resend code' }, { timeout: 3000 }));
    await expectAlert(canvas, 'Too many attempts. Try again in 5 minutes.');
    await expect(canvas.getByRole('button', { name: 'Resend in 5 min' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The right code: the server then asks for User-Interactive Auth, the flow asks for the account password. */
export const PasswordUia: Story = {
  name: 'Password (UIA)',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitCode(canvas, await sendCode(canvas, fakeHomeserverOf(context)));
    await findScreen(canvas, "Confirm it's you");
    await expect(canvas.getByLabelText('Password', { selector: 'input' })).toHaveAttribute('autocomplete', 'current-password');
  },
};

/** A wrong account password: the flow asks again. */
export const WrongPassword: Story = {
  name: 'Wrong password',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitCode(canvas, await sendCode(canvas, fakeHomeserverOf(context)));
    await findScreen(canvas, "Confirm it's you");
    await confirmPassword(canvas, 'incorrect horse');
    await expectAlert(canvas, "That password isn't right. Try again.");
  },
};

/** Code and password right: the number is on the account. */
export const Done: Story = {
  args: { doneAction: { label: 'Back to settings', onClick: fn() } },
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await submitCode(canvas, await sendCode(canvas, hs));
    await findScreen(canvas, "Confirm it's you");
    await confirmPassword(canvas, ALICE.password);
    await findScreen(canvas, 'Phone number added');
    await expect(flowDescription(canvas)).toHaveTextContent(`${NEW_PHONE.international} was added to your account.`);
    await expect(context.args.onComplete).toHaveBeenCalledWith(expect.objectContaining({ purpose: 'add', medium: 'msisdn' }));
    await expect(hs.users.get(ALICE.userId)?.threepids).toContainEqual(expect.objectContaining({ medium: 'msisdn' }));
  },
};

/** The number is already on another account (400 `M_THREEPID_IN_USE`). */
export const NumberInUse: Story = {
  name: 'Number in use',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitPhone(canvas, DAVE.national, SEND);
    await expectAlert(canvas, 'This is already linked to an account. Use a different one.');
  },
};

/** The server does not accept numbers from this country (403 `M_THREEPID_DENIED`). */
export const Denied: Story = {
  name: 'Number denied',
  ...fakeHomeserver({ threepidAllowed: (medium, address) => medium !== 'msisdn' || !address.replace(/^\+/, '').startsWith('44') }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitPhone(canvas, NEW_PHONE.national, SEND);
    await expectAlert(canvas, "Your server doesn't accept this one. Use a different one.");
  },
};

/** A server without an SMS provider (Synapse's 400 "not supported"): the flow says phone numbers are unavailable. */
export const SmsNotSupported: Story = {
  name: 'SMS not supported',
  ...fakeHomeserver({ msisdnSupported: false }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitPhone(canvas, NEW_PHONE.national, SEND);
    await findScreen(canvas, "Phone numbers aren't available");
    await expect(flowDescription(canvas)).toHaveTextContent("Your server isn't set up to send text messages");
    await expect(canvas.queryByRole('textbox', { name: 'Phone number' })).toBeNull();
  },
};

/** A proxy answers 502 with an HTML page. */
export const ServerDown: Story = {
  name: 'Server down',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'html502' });
    await submitPhone(canvas, NEW_PHONE.national, SEND);
    await expectAlert(canvas, 'Something went wrong on your server. Try again in a moment.');
  },
};

/** The request never reaches the server (network error). */
export const Offline: Story = {
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'networkError' });
    await submitPhone(canvas, NEW_PHONE.national, SEND);
    await expectAlert(canvas, "Can't reach your server. Check your connection and try again.");
  },
};

/** The server's capabilities say 3PID changes are disabled. */
export const ThreepidChangesDisabled: Story = {
  name: '3PID changes disabled',
  ...fakeHomeserver({ capabilities: { threepidChanges: false } }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await findScreen(canvas, "Email and phone can't be changed here", { focused: false });
    await expect(canvas.queryByRole('textbox', { name: 'Phone number' })).toBeNull();
  },
};

/** An OAuth-era server (fake preset `oauth`): no phone form; the account's numbers, read only, and the account page. */
export const OAuthServer: Story = {
  name: 'OAuth-era server',
  ...fakeHomeserver({ preset: 'oauth' }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await findScreen(canvas, 'Phone numbers are managed on your account page', { focused: false });
    await expect(canvas.queryByRole('combobox')).toBeNull();
    await expect(canvas.getByRole('link', { name: 'Open your account page' })).toHaveAttribute('href', `${hs.baseUrl}/account/?action=org.matrix.profile`);
    await expect(hs.requests.count((r) => r.endpoint === 'requestToken' || r.endpoint === 'unrecognized')).toBe(0);
  },
};
