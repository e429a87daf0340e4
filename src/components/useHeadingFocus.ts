import { useEffect, useRef } from 'react';

/**
 * Moves focus to the heading whenever `key` (the step) changes — not on first render, so mounting a flow never
 * steals focus from the host page. An undefined key is a screen nobody asked for (reading the server's
 * capabilities at mount): the first real screen after it counts as the first render too.
 */
export function useHeadingFocus<T extends HTMLElement>(key: string | undefined): React.RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const previous = useRef(key);
  useEffect(() => {
    if (key === undefined || previous.current === key) return;
    const first = previous.current === undefined;
    previous.current = key;
    if (!first) ref.current?.focus();
  }, [key]);
  return ref;
}
