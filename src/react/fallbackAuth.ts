/** How a fallback-auth popup ended. */
export type FallbackOutcome = 'done' | 'closed' | 'blocked';

interface AuthDoneWindow extends Window {
  onAuthDone?: () => void;
}

/**
 * Opens the homeserver's fallback page for a UIA stage in a popup and resolves once it signals completion
 * (`postMessage('authDone')` or `window.onAuthDone()`), is closed, or could not open.
 */
export function openFallbackAuth(url: string, signal?: AbortSignal): Promise<FallbackOutcome> {
  const host = window as AuthDoneWindow;
  const popup = window.open(url, 'threepid-fallback-auth', 'popup,width=560,height=680');
  if (!popup) return Promise.resolve('blocked');
  return new Promise((resolve) => {
    const previousOnAuthDone = host.onAuthDone;
    const finish = (outcome: FallbackOutcome): void => {
      window.removeEventListener('message', onMessage);
      clearInterval(closedCheck);
      host.onAuthDone = previousOnAuthDone;
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onMessage = (event: MessageEvent): void => {
      // Only the popup we opened may finish the stage.
      if (event.source === popup && event.data === 'authDone') finish('done');
    };
    const onAbort = (): void => {
      popup.close();
      finish('closed');
    };
    host.onAuthDone = () => finish('done');
    window.addEventListener('message', onMessage);
    signal?.addEventListener('abort', onAbort);
    const closedCheck = setInterval(() => {
      if (popup.closed) finish('closed');
    }, 500);
  });
}
