import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ResetPasswordFlow } from '../src';
import { phoneForm } from '../src/phone';
import { SEED_USERS } from '../src/testing';
import { ALICE, DAVE, USERS_WITH_PHONE } from './support/accounts';
import { fakeHomeserverOf, withFakeHomeserver, type StoryHomeserverOptions } from './support/fakeServer';
import {
  chooseNewPassword,
  expectAlert,
  findScreen,
  flowDescription,
  flowHeading,
  followLinkInInbox,
  latestMessage,
  submitCode,
  submitEmail,
  submitPhone,
  wrongCodeFor,
  type Canvas,
} from './support/play';
import { FlowBeside } from './support/StoryLayout';

const SEND_LINK = 'Send reset link';
const SEND_CODE = 'Send code';
const OPENED = "I've opened the link";
const NEW_PASSWORD = 'a long new passphrase 42';
const UNKNOWN_EMAIL = 'nobody@example.org';
const ALICE_TOKEN = SEED_USERS.find((user) => user.userId === 'alice')?.accessToken ?? '';

const note = (
  <>
    Nobody is signed in. Reset <code>{ALICE.email}</code>'s password, or by phone <code>{DAVE.national}</code> (dave). The
    server wants at least 8 characters.
  </>
);

// Reset flows run signed out, and know dave, whose phone number a person can type.
const fakeHomeserver = (options: StoryHomeserverOptions = {}): ReturnType<typeof withFakeHomeserver> =>
  withFakeHomeserver({ signedInAs: null, users: USERS_WITH_PHONE, ...options });

/**
 * `<ResetPasswordFlow>` against the fake homeserver, signed out, one story per state a person can reach. By default
 * the new password is asked before the email is sent, so the flow can finish by itself once the link is followed.
 */
const meta = {
  title: 'Flows/ResetPasswordFlow',
  component: ResetPasswordFlow,
  args: { defaultCountry: 'GB', phoneForm, onComplete: fn(), onError: fn() },
  // Functions and objects a visitor could not type in: the controls panel leaves them out.
  argTypes: { client: { control: false }, validatePassword: { control: false }, persist: { control: false }, phoneForm: { control: false } },
  render: (args) => (
    <FlowBeside note={note}>
      <ResetPasswordFlow {...args} />
    </FlowBeside>
  ),
} satisfies Meta<typeof ResetPasswordFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The whole flow, live, by email or phone: address, new password, follow the link (or type the code), done. */
export const Playground: Story = {
  args: { media: ['email', 'msisdn'], onCancel: fn(), doneAction: { label: 'Back to sign in', onClick: fn() } },
  ...fakeHomeserver(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(flowHeading(canvas)).toHaveTextContent('Reset your password');
    await expect(canvas.getByRole('button', { name: 'Use email' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('button', { name: 'Use phone number' })).toHaveAttribute('aria-pressed', 'false');
  },
};

/** On a phone: the width a flow gets at 390 px (as in the screenshots), the two ways to reset side by side, each on one line. */
export const OnAPhone: Story = {
  name: 'On a phone-sized screen',
  args: { media: ['email', 'msisdn'], onCancel: fn() },
  ...fakeHomeserver(),
  render: (args) => (
    <div style={{ inlineSize: 330 }}>
      <ResetPasswordFlow {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const options = ['Use email', 'Use phone number'].map((name) => canvas.getByRole('button', { name }));
    for (const option of options) {
      const line = parseFloat(getComputedStyle(option).lineHeight);
      // One line of text and the button's padding, not two lines.
      await expect(option.getBoundingClientRect().height).toBeLessThan(2 * line + 8);
    }
    // Side by side, as a switch.
    await expect(options[0]?.getBoundingClientRect().top).toBe(options[1]?.getBoundingClientRect().top);
  },
};

/** The first screen: the address linked to the account. */
export const EnteringAddress: Story = {
  name: 'Entering the address',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expect(flowDescription(canvas)).toHaveTextContent('Enter the email address linked to your account.');
    await submitEmail(canvas, '', SEND_LINK);
    await expect(await canvas.findByText('Enter an email address.')).toBeInTheDocument();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Email address' }), ALICE.email);
  },
};

/** Password before the link (the default): the new password is asked first, then the email is sent. */
export const ChoosingPasswordBeforeLink: Story = {
  name: 'Email: password before the link',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await findScreen(canvas, 'Choose a new password');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Sign out of my other devices' }));
    await expect(canvas.getByText(/can make encrypted messages unreadable/)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Sign out of my other devices' }));
    await expect(canvas.queryByText(/can make encrypted messages unreadable/)).toBeNull();
    await expect(fakeHomeserverOf(context).requests.count({ endpoint: 'requestToken' })).toBe(0);
  },
};

/** Password chosen, email sent: the flow waits for the link and will notice by itself once it is followed. */
export const WaitingForLink: Story = {
  name: 'Email: waiting for the link',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await findScreen(canvas, 'Choose a new password');
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await findScreen(canvas, 'Check your email');
    await expect(flowDescription(canvas)).toHaveTextContent(`If an account uses ${ALICE.email}, we sent it a link to reset the password.`);
    await expect(canvas.getByText('This page updates by itself once you have confirmed.')).toBeInTheDocument();
  },
};

/** Following the link is enough: the flow polls and finishes by itself (here every 0.3 s). */
export const FinishesByItself: Story = {
  name: 'Email: finishes by itself after the link',
  args: { pollIntervalMs: 300 },
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await findScreen(canvas, 'Check your email');
    await followLinkInInbox(canvas);
    await findScreen(canvas, 'Password changed');
    await expect(fakeHomeserverOf(context).users.get(ALICE.userId)?.password).toBe(NEW_PASSWORD);
  },
};

/** Password after the link: the email goes first; the new password is asked once the link was followed. */
export const PasswordAfterLink: Story = {
  name: 'Email: password after the link',
  args: { passwordStep: 'after-link' },
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await findScreen(canvas, 'Check your email');
    await expect(canvas.queryByText('This page updates by itself once you have confirmed.')).toBeNull();
    await followLinkInInbox(canvas);
    await userEvent.click(canvas.getByRole('button', { name: OPENED }));
    await findScreen(canvas, 'Choose a new password');
    await expect(canvas.getByRole('button', { name: 'Change password' })).toBeInTheDocument();
  },
};

/** "I've opened the link" before confirming on the link's page: the server says not yet (401 `M_UNAUTHORIZED`). */
export const NotYetValidated: Story = {
  name: 'Not yet validated',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await findScreen(canvas, 'Check your email');
    await userEvent.click(canvas.getByRole('button', { name: OPENED }));
    await expectAlert(canvas, "We can't see that you've confirmed yet.");
    await expect(fakeHomeserverOf(context).users.get(ALICE.userId)?.password).toBe(ALICE.password);
  },
};

/** Done, other devices kept signed in (the default): the old sessions still work. */
export const DoneKeepingDevices: Story = {
  name: 'Done, other devices kept',
  args: { doneAction: { label: 'Back to sign in', onClick: fn() } },
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await findScreen(canvas, 'Check your email');
    await followLinkInInbox(canvas);
    await userEvent.click(canvas.getByRole('button', { name: OPENED }));
    await findScreen(canvas, 'Password changed');
    await expect(flowDescription(canvas)).toHaveTextContent('Your other devices are still signed in.');
    await expect(canvas.getByRole('button', { name: 'Back to sign in' })).toBeInTheDocument();
    await expect(context.args.onComplete).toHaveBeenCalledWith({ purpose: 'reset', medium: 'email', address: ALICE.email, logoutDevices: false });
    await expect(hs.users.isTokenValid(ALICE_TOKEN)).toBe(true);
  },
};

/** Done with "Sign out of my other devices" ticked: the old sessions are signed out. */
export const DoneSigningOut: Story = {
  name: 'Done, other devices signed out',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue', signOutOthers: true });
    await findScreen(canvas, 'Check your email');
    await followLinkInInbox(canvas);
    await userEvent.click(canvas.getByRole('button', { name: OPENED }));
    await findScreen(canvas, 'Password changed');
    await expect(flowDescription(canvas)).toHaveTextContent('Your other devices were signed out.');
    await expect(hs.users.isTokenValid(ALICE_TOKEN)).toBe(false);
  },
};

/**
 * By phone (a spec-only server: Synapse refuses reset by phone): switch to phone, type the number, type the texted
 * code, then choose the password — the code comes first, so a server that refuses says so before any password.
 */
export const ByPhone: Story = {
  name: 'By phone',
  args: { media: ['email', 'msisdn'], onCancel: fn(), doneAction: { label: 'Back to sign in', onClick: fn() } },
  ...fakeHomeserver({ resetByPhone: true }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Use phone number' }));
    await expect(flowDescription(canvas)).toHaveTextContent('Enter the phone number linked to your account.');
    await submitPhone(canvas, DAVE.national, SEND_CODE);
    await findScreen(canvas, 'Enter the code');
    await submitCode(canvas, (await latestMessage(hs, DAVE.phone)).token);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Change password' });
    await findScreen(canvas, 'Password changed');
    await expect(hs.users.get(DAVE.userId)?.password).toBe(NEW_PASSWORD);
  },
};

/** By phone, a mistyped code: the flow says so and keeps the code screen, the field focused to retype. */
export const WrongCode: Story = {
  name: 'By phone: wrong code',
  args: { media: ['msisdn'] },
  ...fakeHomeserver({ resetByPhone: true }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitPhone(canvas, DAVE.national, SEND_CODE);
    await findScreen(canvas, 'Enter the code');
    await submitCode(canvas, wrongCodeFor((await latestMessage(fakeHomeserverOf(context), DAVE.phone)).token));
    await expectAlert(canvas, "That code isn't right or has expired. Check it, or send a new one.");
    await expect(canvas.getByRole('textbox', { name: 'Verification code' })).toHaveFocus();
  },
};

/** Switches to the phone, sends Dave's number, and waits for the server's "not by phone" answer. */
async function reachPhoneNotOffered(canvas: Canvas): Promise<void> {
  await userEvent.click(canvas.getByRole('button', { name: 'Use phone number' }));
  await submitPhone(canvas, DAVE.national, SEND_CODE);
  await findScreen(canvas, 'Not available on this server');
}

/** A server that does not reset passwords by phone (every Synapse since 2019) says so, and offers email instead. */
export const PhoneNotOfferedScreen: Story = {
  name: 'Reset by phone not offered: the screen',
  args: { media: ['email', 'msisdn'], onCancel: fn() },
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await reachPhoneNotOffered(canvas);
    await expect(canvas.getByRole('button', { name: 'Use email instead' })).toBeInTheDocument();
  },
};

/**
 * Synapse (the fake's default) has no reset by phone (`M_UNRECOGNIZED`): the flow says so before asking for a new
 * password, and offers email instead.
 */
export const ResetByPhoneNotOffered: Story = {
  name: 'Reset by phone not offered',
  args: { media: ['email', 'msisdn'], onCancel: fn(), doneAction: { label: 'Back to sign in', onClick: fn() } },
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await reachPhoneNotOffered(canvas);
    await expect(flowDescription(canvas)).toHaveTextContent("Your server doesn't support resetting a password with a phone number.");
    await userEvent.click(canvas.getByRole('button', { name: 'Use email instead' }));
    await expect(await canvas.findByRole('textbox', { name: 'Email address' })).toBeInTheDocument();
  },
};

/** No account has the address (400 `M_THREEPID_NOT_FOUND`), on a server that says so. */
export const NotFound: Story = {
  name: 'Address not found',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, UNKNOWN_EMAIL, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await expectAlert(canvas, "We couldn't find an account with that.");
    await expect(canvas.getByRole('textbox', { name: 'Email address' })).toHaveValue(UNKNOWN_EMAIL);
  },
};

/** A server that hides unknown addresses (Synapse `request_token_inhibit_3pid_errors`): no error, and no promise. */
export const NotFoundHidden: Story = {
  name: 'Address not found, hidden by the server',
  ...fakeHomeserver({ inhibitThreepidErrors: true }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, UNKNOWN_EMAIL, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await findScreen(canvas, 'Check your email');
    await expect(flowDescription(canvas)).toHaveTextContent(`If an account uses ${UNKNOWN_EMAIL}, we sent it a link`);
    await expect(fakeHomeserverOf(context).inbox.all()).toHaveLength(0);
  },
};

/** The server's password policy refuses the new password (400 `M_WEAK_PASSWORD`) once the link was followed. */
export const WeakPassword: Story = {
  name: 'Weak password',
  ...fakeHomeserver({ weakPassword: (password) => !/\d/.test(password) }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await chooseNewPassword(canvas, 'correct horse battery staple', { submit: 'Continue' });
    await findScreen(canvas, 'Check your email');
    await followLinkInInbox(canvas);
    await userEvent.click(canvas.getByRole('button', { name: OPENED }));
    await findScreen(canvas, 'Choose a new password');
    await expectAlert(canvas, "This password isn't strong enough.");
    await expect(fakeHomeserverOf(context).users.get(ALICE.userId)?.password).toBe(ALICE.password);
  },
};

/** Too many requests for this address (429): the flow says how long to wait. */
export const RateLimited: Story = {
  name: 'Rate limited',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 30_000 });
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await expectAlert(canvas, 'Too many attempts. Try again in 30 seconds.');
  },
};

/** A proxy answers 502 with an HTML page. */
export const ServerDown: Story = {
  name: 'Server down',
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'html502' });
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await expectAlert(canvas, 'Something went wrong on your server. Try again in a moment.');
  },
};

/** The request never reaches the server (network error). */
export const Offline: Story = {
  ...fakeHomeserver(),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'networkError' });
    await submitEmail(canvas, ALICE.email, SEND_LINK);
    await chooseNewPassword(canvas, NEW_PASSWORD, { submit: 'Continue' });
    await expectAlert(canvas, "Can't reach your server. Check your connection and try again.");
  },
};

/**
 * An OAuth-era server (fake preset `oauth`: Synapse + Matrix Authentication Service): no form, no legacy request; the
 * person resets their password on the account service.
 */
export const OAuthServer: Story = {
  name: 'OAuth-era server',
  ...fakeHomeserver({ preset: 'oauth' }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await findScreen(canvas, 'Reset your password on your account page', { focused: false });
    const link = await canvas.findByRole('link', { name: /^Reset your password on / });
    await expect(link).toHaveAttribute('href', `${hs.baseUrl}/account/`);
    await expect(canvas.queryByRole('textbox')).toBeNull();
    await expect(hs.requests.count((r) => r.endpoint === 'requestToken' || r.endpoint === 'password' || r.endpoint === 'unrecognized')).toBe(0);
  },
};
