import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useFlowUi } from '../FlowUi';

/** Props of the kit's button. */
export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  /** `primary` (default) or `secondary`; for a `button` part only. */
  variant?: 'primary' | 'secondary';
  /** Shows the busy label and blocks clicks, without losing focus. */
  busy?: boolean;
  busyLabel?: string;
  part?: 'button' | 'link' | 'resend' | 'passwordToggle' | 'mediumOption';
  /** `data-state` when not busy; default `idle`. */
  state?: string;
  children: ReactNode;
}

/** A button that says when it is busy (aria-busy) instead of vanishing or going unfocusable. */
export function Button({ variant = 'primary', busy = false, busyLabel, part = 'button', state = 'idle', children, onClick, type = 'button', ...rest }: ButtonProps): ReactNode {
  const { part: partOf } = useFlowUi();
  return (
    <button
      {...partOf(part, busy ? 'busy' : state)}
      data-variant={part === 'button' ? variant : undefined}
      type={type}
      aria-busy={busy || undefined}
      // aria-disabled keeps a busy button focusable, so keyboard users do not lose their place.
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...rest}
    >
      {busy && <span {...partOf('spinner')} aria-hidden="true" />}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
