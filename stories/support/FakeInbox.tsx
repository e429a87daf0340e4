import { useContext, useEffect, useId, useState, type CSSProperties, type ReactNode } from 'react';
import type { FakeHomeserver, InboxMessage } from '../../src/testing';
import { FakeHomeserverContext } from './fakeServer';

/** Props of `<FakeInbox>`. */
export interface FakeInboxProps {
  /** The fake whose messages to show; default the story's (`useFakeHomeserver()`). */
  hs?: FakeHomeserver;
  /** Heading and accessible name of the panel; default "Fake inbox". */
  title?: string;
}

type FollowState = { state: 'following' } | { state: 'followed'; status: number } | { state: 'failed'; status: number };

const KIND_LABEL: Record<InboxMessage['kind'], string> = {
  add: 'add to account',
  reset: 'password reset',
  register: 'registration',
};

// A story tool, not part of the kit: plain inline layout so it never depends on (or leaks into) the kit's CSS.
const panelStyle: CSSProperties = {
  border: '1px solid #767676',
  borderRadius: 8,
  padding: '0.75rem 1rem',
  minWidth: '18rem',
  maxWidth: '26rem',
  font: '14px/1.4 system-ui, sans-serif',
  color: '#1b1b1b',
  background: '#ffffff',
};
const listStyle: CSSProperties = { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.5rem' };
const itemStyle: CSSProperties = { borderTop: '1px solid #d0d0d0', paddingTop: '0.5rem' };
const codeStyle: CSSProperties = {
  fontFamily: 'ui-monospace, monospace',
  fontSize: '1.1em',
  letterSpacing: '0.05em',
  overflowWrap: 'anywhere',
};

function keyOf(message: InboxMessage, index: number): string {
  return `${index}:${message.sid}:${message.sentAt}`;
}

/** A panel listing what the fake homeserver sent, with "Follow link" and "Copy code" buttons: the visitor's mailbox. */
export function FakeInbox({ hs: given, title = 'Fake inbox' }: FakeInboxProps): ReactNode {
  const fromStory = useContext(FakeHomeserverContext);
  const hs = given ?? fromStory;
  if (!hs) throw new Error('<FakeInbox>: pass `hs` or render it in a story that uses withFakeHomeserver.');
  return <InboxPanel hs={hs} title={title} />;
}

function InboxPanel({ hs, title }: { hs: FakeHomeserver; title: string }): ReactNode {
  const headingId = useId();
  const [messages, setMessages] = useState<InboxMessage[]>(() => hs.inbox.all());
  const [follows, setFollows] = useState<ReadonlyMap<string, FollowState>>(new Map());
  const [copied, setCopied] = useState<string>('');

  useEffect(() => {
    setMessages(hs.inbox.all());
    return hs.inbox.subscribe(() => setMessages(hs.inbox.all()));
  }, [hs]);

  const setFollow = (key: string, value: FollowState): void =>
    setFollows((previous) => new Map(previous).set(key, value));

  const follow = async (key: string, link: string): Promise<void> => {
    setFollow(key, { state: 'following' });
    try {
      const result = await hs.followLink(link);
      setFollow(key, result.ok ? { state: 'followed', status: result.status } : { state: 'failed', status: result.status });
    } catch {
      setFollow(key, { state: 'failed', status: 0 });
    }
  };

  const copy = async (message: InboxMessage): Promise<void> => {
    try {
      await navigator.clipboard.writeText(message.token);
      setCopied(`Copied the code for ${message.to}.`);
    } catch {
      setCopied('Could not copy: select the code and copy it by hand.');
    }
  };

  const clear = (): void => {
    hs.inbox.clear();
    setMessages([]);
    setFollows(new Map());
  };

  return (
    <section aria-labelledby={headingId} style={panelStyle}>
      <h2 id={headingId} style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>
        {title}
      </h2>
      <p role="status" style={{ margin: '0 0 0.5rem' }}>
        {messages.length === 0
          ? 'Nothing sent yet.'
          : `${messages.length} ${messages.length === 1 ? 'message' : 'messages'}. ${copied}`}
      </p>
      {messages.length > 0 && (
        <>
          <ol style={listStyle} aria-label="Messages, oldest first">
            {messages.map((message, index) => {
              const key = keyOf(message, index);
              return (
                <li key={key} style={itemStyle}>
                  <MessageView message={message} follow={follows.get(key)} onFollow={follow.bind(null, key)} onCopy={copy} />
                </li>
              );
            })}
          </ol>
          <button type="button" onClick={clear} style={{ marginTop: '0.5rem' }}>
            Empty the inbox
          </button>
        </>
      )}
    </section>
  );
}

interface MessageViewProps {
  message: InboxMessage;
  follow: FollowState | undefined;
  onFollow: (link: string) => Promise<void>;
  onCopy: (message: InboxMessage) => Promise<void>;
}

function MessageView({ message, follow, onFollow, onCopy }: MessageViewProps): ReactNode {
  const { link } = message;
  const sent = new Date(message.sentAt);
  return (
    <article aria-label={`${message.medium === 'email' ? 'Email' : 'SMS'} to ${message.to}`}>
      <div>
        <strong>{message.medium === 'email' ? 'Email' : 'SMS'}</strong> to <span>{message.to}</span>
      </div>
      <div>
        {KIND_LABEL[message.kind]} · <time dateTime={sent.toISOString()}>{sent.toLocaleTimeString()}</time>
      </div>
      <div>
        {link ? 'Token' : 'Code'}: <span style={codeStyle}>{message.token}</span>
      </div>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center', marginTop: '0.25rem' }}>
        {link && (
          <button type="button" onClick={() => void onFollow(link)} disabled={follow?.state === 'following'}>
            Follow link
          </button>
        )}
        <button type="button" onClick={() => void onCopy(message)}>
          Copy code
        </button>
        {follow && <FollowStatus follow={follow} />}
      </div>
    </article>
  );
}

function FollowStatus({ follow }: { follow: FollowState }): ReactNode {
  switch (follow.state) {
    case 'following':
      return <span>Following…</span>;
    case 'followed':
      return <span>Link followed ({follow.status})</span>;
    case 'failed':
      return <span>Link failed ({follow.status === 0 ? 'no answer' : follow.status})</span>;
  }
}
