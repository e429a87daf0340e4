import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AddEmailFlow } from '../src';
import { ALICE, BOBS_EMAIL, CAROL, NEW_EMAIL } from './support/accounts';
import { FakeSsoWindow } from './support/FakeSsoWindow';
import { fakeHomeserverOf, withFakeHomeserver } from './support/fakeServer';
import {
  confirmPassword,
  type Canvas,
  expectAlert,
  findScreen,
  flowDescription,
  flowHeading,
  flowStatus,
  followLinkInInbox,
  latestMessage,
  submitCode,
  submitEmail,
  wrongCodeFor,
} from './support/play';
import { FlowBeside } from './support/StoryLayout';

const SEND = 'Send verification email';
const OPENED = "I've opened the link";
const WHILE_WAITING = "While you wait: confirm it's you";

const signedInAsAlice = (
  <>
    Signed in as <code>{ALICE.userId}</code>, password <code>{ALICE.password}</code>. Try <code>{BOBS_EMAIL}</code> to
    see an address that is already in use.
  </>
);

/**
 * `<AddEmailFlow>` against the fake homeserver, one story per state a person can reach. Every story gets there by
 * clicking and typing in its `play` function; the fake inbox beside the flow lets you carry on by hand from there.
 */
/**
 * Sends NEW_EMAIL and follows its link. The first poll meets UIA at once, and the link screen asks for the password
 * meanwhile (what a person sees); "I've opened the link" then shows the confirmation screen.
 */
async function reachConfirmation(canvas: Canvas): Promise<void> {
  await submitEmail(canvas, NEW_EMAIL, SEND);
  await findScreen(canvas, 'Check your email');
  await followLinkInInbox(canvas);
  await canvas.findByRole('heading', { name: WHILE_WAITING });
  await userEvent.click(canvas.getByRole('button', { name: OPENED }));
  await findScreen(canvas, "Confirm it's you");
}

const meta = {
  title: 'Flows/AddEmailFlow',
  component: AddEmailFlow,
  args: { onComplete: fn(), onError: fn() },
  // Functions and objects a visitor could not type in: the controls panel leaves them out.
  argTypes: { client: { control: false }, onAuthRequired: { control: false }, persist: { control: false } },
  render: (args) => (
    <FlowBeside note={signedInAsAlice}>
      <AddEmailFlow {...args} />
    </FlowBeside>
  ),
} satisfies Meta<typeof AddEmailFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The whole flow, live: type an address, follow the link in the fake inbox, confirm with the password, done. */
export const Playground: Story = {
  args: { onCancel: fn(), doneAction: { label: 'Back to settings', onClick: fn() } },
  ...withFakeHomeserver(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findScreen(canvas, 'Add an email address', { focused: false });
    await expect(canvas.getByRole('textbox', { name: 'Email address' })).toHaveValue('');
    await expect(within(canvas.getByRole('region', { name: 'Fake inbox' })).getByRole('status')).toHaveTextContent('Nothing sent yet.');
  },
};

/** The first screen while an address is typed: the form checks its shape before anything is sent. */
export const EnteringAddress: Story = {
  name: 'Entering the address',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await submitEmail(canvas, 'alice.work@example', SEND);
    await expect(await canvas.findByText('Enter an email address like name@example.com.')).toBeInTheDocument();
    await expect(canvas.getByRole('textbox', { name: 'Email address' })).toHaveAttribute('aria-invalid', 'true');
    await expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Email address' }), '.org');
  },
};

/** An address the form refuses: the field says why, keeps what was typed, and nothing is sent. */
export const AddressWithMistake: Story = {
  name: 'Address with a mistake',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, 'alice.work@example', SEND);
    await expect(await canvas.findByText('Enter an email address like name@example.com.')).toBeInTheDocument();
    await expect(canvas.getByRole('textbox', { name: 'Email address' })).toHaveValue('alice.work@example');
    await expect(fakeHomeserverOf(context).requests.count({ endpoint: 'requestToken' })).toBe(0);
  },
};

/** A mistyped well-known domain: leaving the field offers the fix, one tap away, without blocking the send. */
export const TypoSuggestion: Story = {
  name: 'Typo suggestion',
  ...withFakeHomeserver(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Email address' }), 'alice@gmial.com');
    await userEvent.tab();
    await expect(await canvas.findByRole('button', { name: 'Did you mean alice@gmail.com?' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: SEND })).not.toHaveAttribute('aria-disabled');
  },
};

/** The server takes its time to say what it supports: a quiet placeholder keeps the form's room. */
export const Checking: Story = {
  name: 'Checking the server',
  ...withFakeHomeserver({ latencyMs: 3_600_000 }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-threepid-part="skeleton"]')).toBeInTheDocument());
    await expect(within(canvasElement).queryByRole('textbox', { name: 'Email address' })).toBeNull();
  },
};

/**
 * The server is slow (a latency fault: it answers after a minute): the button says it is sending, and stays focusable.
 * It keeps its width, so Cancel beside it does not move.
 */
export const Sending: Story = {
  ...withFakeHomeserver(),
  args: { onCancel: fn() },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'latency', ms: 60_000 });
    const cancelAt = (): number => canvas.getByRole('button', { name: 'Cancel' }).getBoundingClientRect().left;
    const idle = (await canvas.findByRole('button', { name: SEND })).getBoundingClientRect().width;
    const before = cancelAt();
    await submitEmail(canvas, NEW_EMAIL, SEND);
    const button = await canvas.findByRole('button', { name: 'Sending…' });
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button.getBoundingClientRect().width).toBe(idle);
    await expect(cancelAt()).toBe(before);
    await expect(canvas.getByRole('textbox', { name: 'Email address' })).toHaveAttribute('readonly');
  },
};

/** Sent: the flow waits for the person to follow the link in the email (no `submit_url` from the server). */
export const WaitingForLink: Story = {
  name: 'Waiting for the link',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await findScreen(canvas, 'Check your email');
    await expect(canvas.getByText(NEW_EMAIL, { selector: 'bdi' })).toBeInTheDocument();
    await expect(flowStatus(canvas)).toHaveTextContent(`Email sent to ${NEW_EMAIL}`);
    await expect(canvas.getByRole('button', { name: OPENED })).toBeInTheDocument();
    await expect((await latestMessage(fakeHomeserverOf(context), NEW_EMAIL)).link).toBeDefined();
  },
};

/** A server that returns a `submit_url` mails a code instead of a link: the flow asks for it. */
export const WaitingForCode: Story = {
  name: 'Waiting for a code',
  ...withFakeHomeserver({ emailSubmitUrl: true }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await findScreen(canvas, 'Enter the code');
    const input = canvas.getByRole('textbox', { name: 'Verification code' });
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(input).toHaveFocus();
    await expect((await latestMessage(fakeHomeserverOf(context), NEW_EMAIL)).link).toBeUndefined();
  },
};

/** A mistyped code: the server says no, the flow says so and keeps the code screen. */
export const WrongCode: Story = {
  name: 'Wrong code',
  ...withFakeHomeserver({ emailSubmitUrl: true }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await findScreen(canvas, 'Enter the code');
    const { token } = await latestMessage(fakeHomeserverOf(context), NEW_EMAIL);
    await submitCode(canvas, wrongCodeFor(token));
    await expectAlert(canvas, "That code isn't right or has expired. Check it, or send a new one.");
    await expect(flowHeading(canvas)).toHaveTextContent('Enter the code');
  },
};

/** Resend works once the cooldown is over, then counts down again (here 2 s instead of 30 s). */
export const ResendCoolingDown: Story = {
  name: 'Resend cooling down',
  args: { resendCooldownMs: 2000 },
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await findScreen(canvas, 'Check your email');
    const cooling = canvas.getByRole('button', { name: /^Resend in \ds$/ });
    await expect(cooling).toHaveAttribute('aria-disabled', 'true');
    const resend = await canvas.findByRole('button', { name: 'Resend email' }, { timeout: 4000 });
    await userEvent.click(resend);
    await waitFor(() => expect(flowStatus(canvas)).toHaveTextContent('New email sent'));
    await expect(hs.inbox.all()).toHaveLength(2);
    await expect(canvas.getByRole('button', { name: /^Resend in \ds$/ })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The server refuses to send more (429 `M_LIMIT_EXCEEDED`): the flow says how long to wait. */
export const RateLimited: Story = {
  name: 'Rate limited',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 45_000 });
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await expectAlert(canvas, 'Too many attempts. Try again in 45 seconds.');
    await expect(flowHeading(canvas)).toHaveTextContent('Add an email address');
  },
};

/** "I've opened the link" before opening it: after the password, the server says it is not validated yet. */
export const NotYetValidated: Story = {
  name: 'Not yet validated',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await findScreen(canvas, 'Check your email');
    // The first poll meets UIA at once, and the link screen asks for the password meanwhile: what a person sees.
    await canvas.findByRole('heading', { name: WHILE_WAITING });
    await userEvent.click(canvas.getByRole('button', { name: OPENED }));
    await findScreen(canvas, "Confirm it's you");
    await confirmPassword(canvas, ALICE.password);
    await findScreen(canvas, 'Check your email');
    await expectAlert(canvas, "We can't see that you've confirmed yet.");
    await expect(canvas.getByText('This page updates by itself once the link is opened.')).toBeInTheDocument();
  },
};

/** After the link: the server asks for User-Interactive Auth, the flow asks for the account password. */
export const PasswordUia: Story = {
  name: 'Password (UIA)',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await reachConfirmation(canvas);
    const password = canvas.getByLabelText('Password', { selector: 'input' });
    await expect(password).toHaveAttribute('type', 'password');
    await expect(password).toHaveAttribute('autocomplete', 'current-password');
  },
};

/** A wrong account password: the server answers 401 `M_FORBIDDEN`, the flow asks again. */
export const WrongPassword: Story = {
  name: 'Wrong password',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await reachConfirmation(canvas);
    await confirmPassword(canvas, 'correct horse battery');
    await expectAlert(canvas, "That password isn't right. Try again.");
    await expect(flowHeading(canvas)).toHaveTextContent("Confirm it's you");
  },
};

/** Signed in as carol, who has no password: the server offers single sign-on, done in its own window. */
export const SsoFallback: Story = {
  name: 'Single sign-on (fallback)',
  ...withFakeHomeserver({ signedInAs: CAROL.userId }),
  render: (args) => (
    <FlowBeside note={<>Signed in as <code>{CAROL.userId}</code>, who signs in with single sign-on only.</>} side={<FakeSsoWindow accountName="carol" />}>
      <AddEmailFlow {...args} />
    </FlowBeside>
  ),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await reachConfirmation(canvas);
    await expect(canvas.queryByLabelText('Password', { selector: 'input' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Continue with single sign-on' }));
    await expect(await canvas.findByText('Waiting for you to finish in the other window…')).toBeInTheDocument();
    await expect(canvas.getByRole('region', { name: 'Single sign-on window (simulated)' })).toBeInTheDocument();
  },
};

/** Carol finishes single sign-on in the (simulated) window: the flow notices and adds the address. */
export const SsoFallbackDone: Story = {
  ...SsoFallback,
  name: 'Single sign-on, finished',
  ...withFakeHomeserver({ signedInAs: CAROL.userId }),
  play: async (context) => {
    await SsoFallback.play?.(context);
    const canvas = within(context.canvasElement);
    const ssoWindow = canvas.getByRole('region', { name: 'Single sign-on window (simulated)' });
    await userEvent.click(within(ssoWindow).getByRole('button', { name: 'Sign in as carol' }));
    await findScreen(canvas, 'Email address added');
    await expect(fakeHomeserverOf(context).users.get(CAROL.userId)?.threepids).toContainEqual(expect.objectContaining({ address: NEW_EMAIL }));
  },
};

/** The whole flow: link followed, password confirmed, the address is on the account. */
export const Done: Story = {
  args: { doneAction: { label: 'Back to settings', onClick: fn() } },
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await reachConfirmation(canvas);
    await confirmPassword(canvas, ALICE.password);
    await findScreen(canvas, 'Email address added');
    await expect(flowDescription(canvas)).toHaveTextContent(`${NEW_EMAIL} was added to your account.`);
    await expect(flowStatus(canvas)).toHaveTextContent('Email address added');
    await expect(canvas.getByRole('button', { name: 'Back to settings' })).toBeInTheDocument();
    await expect(context.args.onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: NEW_EMAIL });
    await expect(hs.users.get(ALICE.userId)?.threepids).toContainEqual(expect.objectContaining({ medium: 'email', address: NEW_EMAIL }));
  },
};

/** The address is already on another account (400 `M_THREEPID_IN_USE`). */
export const AddressInUse: Story = {
  name: 'Address in use',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, BOBS_EMAIL, SEND);
    await expectAlert(canvas, 'This is already linked to an account. Use a different one.');
    await expect(context.args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'threepidInUse', errcode: 'M_THREEPID_IN_USE' }));
  },
};

/**
 * Someone else added the address while the person confirmed it was them: the password passed, the address did not
 * (400 `M_THREEPID_IN_USE`). Shown on the link screen, where "Use a different address" is; no second password prompt.
 */
export const AddressTakenWhileConfirming: Story = {
  name: 'Address taken while confirming',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await reachConfirmation(canvas);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'threepidAdd', kind: 'matrixError', status: 400, errcode: 'M_THREEPID_IN_USE' });
    await confirmPassword(canvas, ALICE.password);
    await expectAlert(canvas, 'This is already linked to an account. Use a different one.');
    await expect(flowHeading(canvas)).toHaveTextContent('Check your email');
    await expect(canvas.queryByLabelText('Password', { selector: 'input' })).not.toBeInTheDocument();
  },
};

/** The server does not accept addresses at this domain (403 `M_THREEPID_DENIED`). */
export const Denied: Story = {
  name: 'Address denied',
  ...withFakeHomeserver({ threepidAllowed: (_medium, address) => !address.endsWith('@mailinator.example') }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, 'alice@mailinator.example', SEND);
    await expectAlert(canvas, "Your server doesn't accept this one. Use a different one.");
  },
};

/** A proxy answers 502 with an HTML page: the flow keeps the form and offers to try again. */
export const ServerDown: Story = {
  name: 'Server down',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'html502' });
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await expectAlert(canvas, 'Something went wrong on your server. Try again in a moment.');
    await expect(canvas.getByRole('textbox', { name: 'Email address' })).toHaveValue(NEW_EMAIL);
  },
};

/** The server fails once (500); pressing the button again sends the email. */
export const ServerErrorThenRetry: Story = {
  name: 'Server error, then retry',
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    hs.faults.inject({ endpoint: 'requestToken', kind: 'status500' });
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await expectAlert(canvas, 'Something went wrong on your server.');
    await userEvent.click(canvas.getByRole('button', { name: SEND }));
    await findScreen(canvas, 'Check your email');
    await expect(hs.inbox.all()).toHaveLength(1);
  },
};

/** The request never reaches the server (network error). */
export const Offline: Story = {
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'networkError' });
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await expectAlert(canvas, "Can't reach your server. Check your connection and try again.");
  },
};

/** The server's capabilities say 3PID changes are disabled: the flow says so instead of showing a form. */
export const ThreepidChangesDisabled: Story = {
  name: '3PID changes disabled',
  ...withFakeHomeserver({ capabilities: { threepidChanges: false } }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await findScreen(canvas, "Email and phone can't be changed here", { focused: false });
    await expect(canvas.queryByRole('textbox', { name: 'Email address' })).toBeNull();
  },
};

/**
 * Synapse asks for the password before it checks the link: the link screen asks while the person waits, so opening
 * the link is the last thing they do and the flow finishes by itself.
 */
export const ConfirmWhileWaiting: Story = {
  name: 'Confirm while waiting',
  args: { pollIntervalMs: 500 },
  ...withFakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, NEW_EMAIL, SEND);
    await findScreen(canvas, 'Check your email');
    await expect(await canvas.findByRole('heading', { name: "While you wait: confirm it's you" })).toBeInTheDocument();
    await confirmPassword(canvas, ALICE.password);
    await expect(await canvas.findByText('This page updates by itself once the link is opened.')).toBeInTheDocument();
    await followLinkInInbox(canvas);
    await findScreen(canvas, 'Email address added');
  },
};

/**
 * An OAuth-era server (fake preset `oauth`: Synapse + Matrix Authentication Service): the account's addresses, read
 * only, and the account page opened at its contact-details action. No form, no legacy request.
 */
export const OAuthServer: Story = {
  name: 'OAuth-era server',
  ...withFakeHomeserver({ preset: 'oauth' }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await findScreen(canvas, 'Manage email addresses on your account page', { focused: false });
    await expect(await canvas.findByText(ALICE.email)).toBeInTheDocument();
    const link = canvas.getByRole('link', { name: 'Manage email addresses on your account page' });
    await expect(link).toHaveAttribute('href', `${hs.baseUrl}/account/?action=org.matrix.profile`);
    await expect(canvas.queryByRole('textbox')).toBeNull();
    await expect(hs.requests.count((r) => r.endpoint === 'requestToken' || r.endpoint === 'threepidAdd' || r.endpoint === 'unrecognized')).toBe(0);
  },
};
