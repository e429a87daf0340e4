import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState, type ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { postRegister, SignUpForm } from '../demo/SignUpForm';
import { RegistrationThreepidStage, type RegistrationThreepidStageProps } from '../src';
import { BOBS_EMAIL } from './support/accounts';
import { fakeHomeserverOf, STORY_HOMESERVER_URL, useFakeHomeserver, withFakeHomeserver } from './support/fakeServer';
import { expectAlert, findScreen, followLinkInInbox, latestMessage, submitCode, submitEmail } from './support/play';
import { FlowBeside } from './support/StoryLayout';

const NEWCOMER_EMAIL = 'newcomer@example.org';
const SEND = 'Send verification email';
const OPENED = "I've opened the link";

/** The stage's props a visitor can play with: the UIA session and the host's /register call come from the story. */
type StageArgs = Omit<RegistrationThreepidStageProps, 'session' | 'submitAuth'>;

/** Starts a sign-up on the story's fake (username and password, no auth) and hands its UIA session to the stage. */
function StageOnFakeServer(args: StageArgs): ReactNode {
  const hs = useFakeHomeserver();
  const [session, setSession] = useState<string>();
  const register = (body: object, signal?: AbortSignal): Promise<unknown> => postRegister({ homeserver: STORY_HOMESERVER_URL, fetch: hs.fetch }, body, signal);
  useEffect(() => {
    void register({ username: 'newcomer', password: 'a long new password' }).catch((error: { body?: { session?: string } }) => setSession(error.body?.session));
    // One sign-up per story render.
  }, []);
  return session ? <RegistrationThreepidStage {...args} session={session} submitAuth={(auth, signal) => register({ auth }, signal)} /> : null;
}

const signingUp = (
  <>
    Signing up as <code>newcomer</code>. Try <code>{BOBS_EMAIL}</code> to see an address that already has an account.
  </>
);

/**
 * `<RegistrationThreepidStage>`: the email (or phone) stage of a sign-up, given the host's UIA session and its
 * `/register` call. Each story starts a sign-up on the fake homeserver (email required) and drops the stage in.
 */
const meta = {
  title: 'Flows/RegistrationThreepidStage',
  component: StageOnFakeServer,
  args: { onComplete: fn(), onError: fn(), onSignIn: fn(), onResetPassword: fn() },
  argTypes: { client: { control: false }, persist: { control: false }, phoneForm: { control: false }, requested: { control: false } },
  ...withFakeHomeserver({ signedInAs: null, registration: { require3pid: ['email'] } }),
  render: (args) => (
    <FlowBeside note={signingUp}>
      <StageOnFakeServer {...args} />
    </FlowBeside>
  ),
} satisfies Meta<typeof StageOnFakeServer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The stage alone, live: type an address, follow the link in the fake inbox; it finishes by itself. */
export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findScreen(canvas, 'Verify your email address', { focused: false });
  },
};

/** Waiting for the link: once it is followed in the inbox, the stage passes by itself and hands over the server's answer. */
export const FinishesByItself: Story = {
  name: 'Finishes once the link is followed',
  args: { pollIntervalMs: 500 },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, NEWCOMER_EMAIL, SEND);
    await findScreen(canvas, 'Check your email');
    await followLinkInInbox(canvas);
    await findScreen(canvas, 'Email address verified');
    await waitFor(() => expect(context.args.onComplete).toHaveBeenCalledWith(expect.objectContaining({ response: expect.objectContaining({ user_id: '@newcomer:localhost' }) })));
  },
};

/** The server mails a code and gives a submit_url: the stage asks for the code. */
export const Code: Story = {
  ...withFakeHomeserver({ signedInAs: null, registration: { require3pid: ['email'] }, emailSubmitUrl: true }),
  args: { address: NEWCOMER_EMAIL },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await findScreen(canvas, 'Enter the code');
    const { token } = await latestMessage(fakeHomeserverOf(context), NEWCOMER_EMAIL);
    await submitCode(canvas, token);
    await findScreen(canvas, 'Email address verified');
  },
};

/** "I've opened the link" before it was: the stage says so and keeps waiting. */
export const NotYetValidated: Story = {
  name: 'Not validated yet',
  args: { address: NEWCOMER_EMAIL, pollIntervalMs: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findScreen(canvas, 'Check your email');
    await userEvent.click(canvas.getByRole('button', { name: OPENED }));
    await expectAlert(canvas, /can't see that you've confirmed yet/);
  },
};

/** The address already has an account: worded for sign-up, with the host's sign-in and reset. */
export const AlreadyHasAccount: Story = {
  name: 'Address already has an account',
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitEmail(canvas, BOBS_EMAIL, SEND);
    await expectAlert(canvas, /already has an account/);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(context.args.onSignIn).toHaveBeenCalled();
    await expect(canvas.getByRole('button', { name: 'Reset your password' })).toBeInTheDocument();
  },
};

/** An OAuth-era server signs people up on its account page: the stage sends nothing and links there. */
export const AccountService: Story = {
  name: 'OAuth-era server',
  args: { accountManagementUrl: 'https://account.example.test/' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findScreen(canvas, 'Sign up on your server’s account page', { focused: false });
    const link = canvas.getByRole('link', { name: 'Continue to sign up' });
    await expect(link).toHaveAttribute('href', 'https://account.example.test/');
    // The screen's main action looks like the button it stands for: no link underline.
    await expect(getComputedStyle(link).textDecorationLine).toBe('none');
  },
};

/**
 * Found by itself (fake preset `oauth`: Synapse + Matrix Authentication Service): no `accountManagementUrl` given, the
 * stage asks the server first and links to its account page, with nothing sent to `/register`.
 */
export const AccountServiceFound: Story = {
  name: 'OAuth-era server, found by itself',
  ...withFakeHomeserver({ signedInAs: null, preset: 'oauth' }),
  args: { address: NEWCOMER_EMAIL },
  // MAS-backed servers have no legacy /register to start a session on: the host's session is a stand-in here.
  render: (args) => <RegistrationThreepidStage {...args} session="host-session" submitAuth={fn()} />,
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await findScreen(canvas, 'Sign up on your server’s account page', { focused: false });
    await expect(canvas.getByRole('link', { name: 'Continue to sign up' })).toHaveAttribute('href', `${hs.baseUrl}/account/`);
    await expect(hs.requests.count((r) => r.endpoint === 'requestToken' || r.endpoint === 'register')).toBe(0);
  },
};

/** A host's minimal sign-up form (demo/SignUpForm) with the stage dropped in: fill it, follow the link, signed up. */
export const InsideSignUpForm: Story = {
  name: 'Inside a sign-up form',
  render: () => <FormOnFakeServer />,
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText('Username'), 'newcomer');
    await userEvent.type(canvas.getByLabelText('Password'), 'a long new password');
    await userEvent.type(canvas.getByLabelText('Email'), NEWCOMER_EMAIL);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await findScreen(canvas, 'Check your email');
    await followLinkInInbox(canvas);
    await userEvent.click(canvas.getByRole('button', { name: OPENED }));
    await expect(await canvas.findByText(/Signed up as @newcomer:localhost/)).toBeInTheDocument();
  },
};

function FormOnFakeServer(): ReactNode {
  const hs = useFakeHomeserver();
  const [userId, setUserId] = useState<string>();
  return (
    <FlowBeside note="A host's own form: username, password and email, then the kit's stage.">
      {userId ? <p role="status">Signed up as {userId}</p> : <SignUpForm homeserver={STORY_HOMESERVER_URL} fetch={hs.fetch} onRegistered={(answer) => setUserId(answer.user_id)} />}
    </FlowBeside>
  );
}
