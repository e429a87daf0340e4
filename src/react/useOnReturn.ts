import { useEffect, useRef } from 'react';

/** While `active`, calls `onReturn` once at once and again each time the person comes back to the tab (visible or focused). */
export function useOnReturn(active: boolean, onReturn: () => void): void {
  const latest = useRef(onReturn);
  latest.current = onReturn;
  useEffect(() => {
    if (!active) return;
    const back = (): void => {
      if (document.visibilityState !== 'hidden') latest.current();
    };
    back();
    document.addEventListener('visibilitychange', back);
    window.addEventListener('focus', back);
    return () => {
      document.removeEventListener('visibilitychange', back);
      window.removeEventListener('focus', back);
    };
  }, [active]);
}
