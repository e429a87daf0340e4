import { useEffect, useId, useState, type ReactNode } from 'react';
import { useFakeHomeserver } from './fakeServer';
import './stories.css';

type WindowOpen = typeof window.open;

/**
 * Stands in for the homeserver's single-sign-on window. A real popup cannot reach the story's fake homeserver (the
 * msw worker only answers this page's own requests, and never navigations), so while this is mounted `window.open`
 * for the fake's fallback page shows this panel instead. Its button does what a person does on that page: completes
 * the SSO stage on the fake, then the page tells its opener `postMessage('authDone')`, exactly as Synapse's does.
 */
export function FakeSsoWindow({ accountName }: { accountName: string }): ReactNode {
  const hs = useFakeHomeserver();
  const headingId = useId();
  const [session, setSession] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);

  useEffect(() => {
    const original: WindowOpen = window.open;
    const fallbackPrefix = `${hs.baseUrl}${hs.prefix}/auth/`;
    const open: WindowOpen = (url, target, features) => {
      const href = url === undefined ? '' : String(url);
      if (!href.startsWith(fallbackPrefix)) return original.call(window, url, target, features);
      setSession(new URL(href).searchParams.get('session'));
      setFinished(false);
      // The "popup" is this very window: its postMessage then comes from the window the kit is listening for.
      return window;
    };
    // The kit closes its popup when the person leaves the prompt: here that hides the panel. Closing the story's own
    // window would only earn a browser warning ("Scripts may close only the windows that were opened by them").
    const originalClose = window.close;
    window.open = open;
    window.close = () => setSession(null);
    return () => {
      window.open = original;
      window.close = originalClose;
    };
  }, [hs]);

  if (session === null) return null;
  const signIn = (): void => {
    if (!hs.completeFallback(session)) return;
    setFinished(true);
    window.postMessage('authDone', window.location.origin);
  };
  return (
    <section className="story-window" aria-labelledby={headingId}>
      <h2 id={headingId}>Single sign-on window (simulated)</h2>
      {finished ? (
        <p>Signed in. This window would now close by itself.</p>
      ) : (
        <>
          <p>Your server's sign-in page would open here, in a new window.</p>
          <button type="button" onClick={signIn}>
            Sign in as {accountName}
          </button>
        </>
      )}
    </section>
  );
}
