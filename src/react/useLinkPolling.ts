import { useEffect, useRef } from 'react';

const MAX_INTERVAL_MS = 30_000;
const BACKOFF = 1.5;

/**
 * While `active`, calls `poll` every `intervalMs`, slowing down (×1.5, up to 30 s) while the answer stays "not yet".
 * Paused while the page is hidden; polls at once when the tab becomes visible or regains focus — the moment the
 * person is most likely back from their email. `poll` resolves true to keep polling, false to stop. `immediate`: the
 * first poll goes at once.
 */
export function useLinkPolling(active: boolean, intervalMs: number, poll: () => Promise<boolean>, immediate = false): void {
  const pollRef = useRef(poll);
  pollRef.current = poll;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let running = false;
    let delay = intervalMs;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const hidden = (): boolean => typeof document !== 'undefined' && document.visibilityState === 'hidden';
    const schedule = (): void => {
      clearTimeout(timer);
      if (!stopped && !hidden()) timer = setTimeout(tick, delay);
    };
    const tick = async (): Promise<void> => {
      if (stopped || running || hidden()) return;
      running = true;
      const again = await pollRef.current();
      running = false;
      if (!again) {
        stopped = true;
        return;
      }
      delay = Math.min(delay * BACKOFF, MAX_INTERVAL_MS);
      schedule();
    };
    const onReturn = (): void => {
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
      document.removeEventListener('visibilitychange', onReturn);
      window.removeEventListener('focus', onReturn);
    };
    // `immediate` is read when polling starts only.
  }, [active, intervalMs]);
}
