import { useEffect, useRef } from 'react';

/**
 * Moves focus to the heading whenever `key` (the step) changes — not on first render, so mounting a flow never
 * steals focus from the host page.
 */
export function useHeadingFocus<T extends HTMLElement>(key: string): React.RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    ref.current?.focus();
  }, [key]);
  return ref;
}
