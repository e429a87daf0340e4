import { useEffect, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n/en';
import { useFlowUi } from '../FlowUi';

/** Props of the kit's button. */
export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  /** The secondary look (e.g. Cancel); for a `button` part only. */
  secondary?: boolean | undefined;
  /** While busy, the label to show instead of the children; clicks are then blocked, focus is kept (as when `disabled`). */
  busy?: MessageKey | false | undefined;
  part?: 'button' | 'link' | 'resend' | 'passwordToggle' | 'mediumOption' | undefined;
  /** `data-state` when not busy; default `idle`. */
  state?: string | undefined;
}

/**
 * A button that says when it is busy (aria-busy) instead of vanishing, and is never natively disabled: a button that
 * disables itself under the person's finger (Resend starting its countdown) would drop their focus to the page.
 */
export function Button({ secondary, busy, disabled, part = 'button', state = 'idle', children, onClick, ...rest }: ButtonProps): ReactNode {
  const { t, part: partOf } = useFlowUi();
  const blocked = busy || disabled ? true : undefined;
  const ref = useRef<HTMLButtonElement>(null);
  // Its width while idle, so a shorter busy label ("Sending…") does not shrink it and move what stands beside it.
  const idleWidth = useRef(0);
  useEffect(() => {
    if (!busy && ref.current) idleWidth.current = ref.current.getBoundingClientRect().width;
  });
  return (
    <button
      ref={ref}
      style={busy && idleWidth.current ? { minInlineSize: idleWidth.current, boxSizing: 'border-box' } : undefined}
      {...partOf(part, busy ? 'busy' : state)}
      data-variant={part === 'button' ? (secondary ? 'secondary' : 'primary') : undefined}
      type="button"
      aria-busy={busy ? true : undefined}
      // aria-disabled keeps a busy or held button focusable, so keyboard users do not lose their place.
      aria-disabled={blocked}
      // Blocks a submit button's form submission too.
      onClick={blocked ? (event) => event.preventDefault() : onClick}
      {...rest}
    >
      {busy && <span {...partOf('spinner')} aria-hidden="true" />}
      {busy ? t(busy) : children}
    </button>
  );
}
