import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { AddEmailFlow, createThreepidClient, createTranslator, errorMessage, toFlowError, type ThreepidClient } from '../src';
import { AddPhoneFlow } from '../src/phone';
import { SEED_USERS } from '../src/testing';
import { ALICE, NEW_EMAIL } from './support/accounts';
import { fakeHomeserverOf, withFakeHomeserver } from './support/fakeServer';
import { confirmPassword, findScreen, latestMessage, submitEmail } from './support/play';
import './support/stories.css';

type Who = { state: 'checking' } | { state: 'ok'; userId: string } | { state: 'failed'; message: string };

interface Connection {
  client: ThreepidClient;
  origin: string;
}

// The kit's English wording for whatever whoami failed with.
const t = createTranslator();

/** The homeserver's base URL (origin and any path, no trailing slash), or undefined unless it is http(s). */
function homeserverBase(input: string): string | undefined {
  try {
    const url = new URL(input.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin + url.pathname.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

function ConnectForm({ onConnect }: { onConnect: (connection: Connection) => void }): ReactNode {
  const [problem, setProblem] = useState('');
  const problemId = useId();
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const origin = homeserverBase(String(data.get('homeserver') ?? ''));
    const token = String(data.get('token') ?? '').trim();
    const prefix = String(data.get('prefix') ?? '').trim() || undefined;
    if (!origin) return setProblem('Enter the homeserver’s address, starting with https://');
    if (!token) return setProblem('Enter an access token.');
    setProblem('');
    // The token lives only in this client's closure: the form is emptied and nothing is written anywhere.
    form.reset();
    onConnect({ client: createThreepidClient({ baseUrl: origin, accessToken: token, prefix }), origin });
  };
  return (
    <form className="story-panel" onSubmit={submit} noValidate aria-describedby={problem ? problemId : undefined}>
      <h2>Try the add flows on your own homeserver</h2>
      <p>
        The access token stays in this page’s memory only: it is not saved, not put in the address bar, and is forgotten
        when you press “Forget the token” or leave this story. Synapse allows these requests from any origin (CORS).
      </p>
      <label>
        Homeserver URL
        <input name="homeserver" type="url" inputMode="url" placeholder="https://matrix.example.org" autoComplete="off" spellCheck={false} />
      </label>
      <label>
        Access token
        <input name="token" type="password" autoComplete="off" spellCheck={false} />
      </label>
      <label>
        API prefix (only for servers that do not use the standard one)
        <input name="prefix" placeholder="/_matrix/client/v3" autoComplete="off" spellCheck={false} />
      </label>
      {problem && (
        <p id={problemId} role="alert">
          {problem}
        </p>
      )}
      <div className="story-row">
        <button type="submit">Connect</button>
      </div>
    </form>
  );
}

function Connected({ connection, onForget }: { connection: Connection; onForget: () => void }): ReactNode {
  const [who, setWho] = useState<Who>({ state: 'checking' });
  const [flow, setFlow] = useState<'email' | 'phone'>('email');
  useEffect(() => {
    const controller = new AbortController();
    setWho({ state: 'checking' });
    connection.client.whoami(controller.signal).then(
      ({ userId }) => setWho({ state: 'ok', userId }),
      (error: unknown) => {
        if (!controller.signal.aborted) setWho({ state: 'failed', message: errorMessage(toFlowError(error, 'complete'), t) });
      },
    );
    return () => controller.abort();
  }, [connection.client]);
  return (
    <div className="story-panel">
      <p role="status">
        {who.state === 'checking' && `Connecting to ${connection.origin}…`}
        {who.state === 'ok' && `Connected to ${connection.origin} as ${who.userId}.`}
        {who.state === 'failed' && `Could not use this token on ${connection.origin}: ${who.message}`}
      </p>
      <div className="story-row" role="group" aria-label="Flow to try">
        <button type="button" aria-pressed={flow === 'email'} onClick={() => setFlow('email')}>
          Add an email address
        </button>
        <button type="button" aria-pressed={flow === 'phone'} onClick={() => setFlow('phone')}>
          Add a phone number
        </button>
        <button type="button" onClick={onForget}>
          Forget the token
        </button>
      </div>
      {flow === 'email' ? <AddEmailFlow client={connection.client} /> : <AddPhoneFlow client={connection.client} />}
    </div>
  );
}

function RealHomeserver(): ReactNode {
  const [connection, setConnection] = useState<Connection | null>(null);
  return connection ? <Connected connection={connection} onForget={() => setConnection(null)} /> : <ConnectForm onConnect={setConnection} />;
}

// The play function stands a fake in for "your homeserver" on an origin of its own: the flows reach it through the
// page's real fetch, exactly as they would reach a real server (a visitor's own server is never intercepted).
const PRETEND_REAL_ORIGIN = 'https://homeserver.example.test';
const ALICE_TOKEN = SEED_USERS.find((user) => user.userId === 'alice')?.accessToken ?? '';

/** The add flows against a homeserver you name, with a client made by `createThreepidClient` (no fake involved). */
const meta = {
  title: 'Real homeserver',
  render: () => <RealHomeserver />,
  ...withFakeHomeserver({ baseUrl: PRETEND_REAL_ORIGIN, signedInAs: null }),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Type your homeserver's URL and an access token, then add an email address or a phone number for real. */
export const TryYourHomeserver: Story = {
  name: 'Try your homeserver',
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const hs = fakeHomeserverOf(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Enter the homeserver’s address');
    await userEvent.type(canvas.getByLabelText('Homeserver URL'), `${PRETEND_REAL_ORIGIN}/`);
    await userEvent.type(canvas.getByLabelText('Access token'), ALICE_TOKEN);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expect(await canvas.findByText(`Connected to ${PRETEND_REAL_ORIGIN} as ${ALICE.userId}.`)).toBeInTheDocument();
    await expect(context.canvasElement.innerHTML).not.toContain(ALICE_TOKEN);

    await submitEmail(canvas, NEW_EMAIL, 'Send verification email');
    await findScreen(canvas, 'Check your email');
    // The person opens the email on their real server; here the fake's mailbox stands in for it.
    const { link } = await latestMessage(hs, NEW_EMAIL);
    if (!link) throw new Error('the email has no link');
    await hs.followLink(link);
    await userEvent.click(canvas.getByRole('button', { name: "I've opened the link" }));
    await confirmPassword(canvas, ALICE.password);
    await findScreen(canvas, 'Email address added');

    await userEvent.click(canvas.getByRole('button', { name: 'Forget the token' }));
    await expect(await canvas.findByLabelText('Access token')).toHaveValue('');
  },
};
