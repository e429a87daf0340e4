import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { generateClientSecret } from '../src/protocol';
import { useThreepidClient } from '../src/react';
import { FakeInbox } from './support/FakeInbox';
import { fakeHomeserverOf, withFakeHomeserver } from './support/fakeServer';

const ADDRESS = 'new.address@example.org';

// Sends a real requestToken through the provider's protocol client, the way the flows do.
function SendTestEmail(): ReactNode {
  const client = useThreepidClient();
  const [status, setStatus] = useState('');
  const [attempt, setAttempt] = useState(1);
  const [clientSecret] = useState(generateClientSecret);
  const send = async (): Promise<void> => {
    setStatus('Sending…');
    try {
      const { sid } = await client.requestToken('add', { medium: 'email', email: ADDRESS, clientSecret, sendAttempt: attempt });
      setAttempt((n) => n + 1);
      setStatus(`Sent (session ${sid}).`);
    } catch (error) {
      setStatus(`Failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  };
  return (
    <div>
      <button type="button" onClick={() => void send()}>
        Send a test email to {ADDRESS}
      </button>
      <p role="status">{status}</p>
    </div>
  );
}

function Harness(): ReactNode {
  return (
    <div style={{ display: 'flex', gap: '2rem', alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <SendTestEmail />
      <FakeInbox />
    </div>
  );
}

/** The story tool that sits beside every Playground: what the fake homeserver sent, with its codes and links. */
const meta = {
  title: 'Tools/Fake inbox',
  component: FakeInbox,
  render: () => <Harness />,
  ...withFakeHomeserver(),
} satisfies Meta<typeof FakeInbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Empty until a flow (here: a button calling `requestToken`) makes the fake send something. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    const inbox = canvas.getByRole('region', { name: 'Fake inbox' });
    await expect(within(inbox).getByRole('status')).toHaveTextContent('Nothing sent yet.');
  },
};

/** A requestToken puts an email in the inbox; following its link validates the session. */
export const ReceiveAndFollowLink: Story = {
  play: async (context) => {
    const { canvas, userEvent, step } = context;
    const hs = fakeHomeserverOf(context);

    await step('request a token through the protocol client', async () => {
      await userEvent.click(canvas.getByRole('button', { name: `Send a test email to ${ADDRESS}` }));
      await waitFor(() => expect(canvas.getByText(/^Sent \(session/)).toBeInTheDocument());
    });

    const inbox = canvas.getByRole('region', { name: 'Fake inbox' });
    const email = await within(inbox).findByRole('article', { name: `Email to ${ADDRESS}` });
    await step('the email shows up with its token', async () => {
      const sent = hs.inbox.latest(ADDRESS);
      await expect(sent?.link).toBeDefined();
      await expect(within(email).getByText(sent?.token ?? '(none)')).toBeInTheDocument();
      await expect(within(email).getByText('add to account', { exact: false })).toBeInTheDocument();
    });

    await step('following the link marks it followed', async () => {
      await userEvent.click(within(email).getByRole('button', { name: 'Follow link' }));
      await expect(await within(email).findByText(/^Link followed \(2\d\d\)$/)).toBeInTheDocument();
    });

    await step('a resend adds a second message', async () => {
      await userEvent.click(canvas.getByRole('button', { name: `Send a test email to ${ADDRESS}` }));
      await waitFor(() => expect(within(inbox).getAllByRole('article')).toHaveLength(2));
      await expect(within(inbox).getByRole('status')).toHaveTextContent('2 messages');
    });
  },
};
