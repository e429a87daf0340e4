import type { ButtonHTMLAttributes, ReactNode } from 'react';
import type { MessageKey } from '../../i18n/en';
import { useFlowUi } from '../FlowUi';

/** Props of the kit's button. */
export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  /** The secondary look (e.g. Cancel); for a `button` part only. */
  secondary?: boolean;
  /** While busy, the label to show instead of the children; clicks are then blocked, focus is kept. */
  busy?: MessageKey | false;
  part?: 'button' | 'link' | 'resend' | 'passwordToggle' | 'mediumOption';
  /** `data-state` when not busy; default `idle`. */
  state?: string;
}

/** A button that says when it is busy (aria-busy) instead of vanishing or going unfocusable. */
export function Button({ secondary, busy, part = 'button', state = 'idle', children, onClick, ...rest }: ButtonProps): ReactNode {
  const { t, part: partOf } = useFlowUi();
  const blocked = busy ? true : undefined;
  return (
    <button
      {...partOf(part, busy ? 'busy' : state)}
      data-variant={part === 'button' ? (secondary ? 'secondary' : 'primary') : undefined}
      type="button"
      aria-busy={blocked}
      // aria-disabled keeps a busy button focusable, so keyboard users do not lose their place.
      aria-disabled={blocked}
      // Blocks a submit button's form submission too.
      onClick={busy ? (event) => event.preventDefault() : onClick}
      {...rest}
    >
      {busy && <span {...partOf('spinner')} aria-hidden="true" />}
      {busy ? t(busy) : children}
    </button>
  );
}
