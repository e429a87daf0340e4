import type { ReactNode } from 'react';
import { useHeadingFocus } from '../useHeadingFocus';
import { useFlowUi } from '../FlowUi';

/** Props of the frame around every step. */
export interface FlowFrameProps {
  /** The machine step, as the root's `data-state`. */
  step: string;
  /** The screen; focus moves to the heading when it changes. */
  view: string;
  heading: string;
  /** Phrasing content: it is rendered inside a `<p>`. */
  description?: ReactNode;
  /** Polite announcement for status changes ("Email sent", …). */
  status?: string;
  children?: ReactNode;
}

/** Root, heading and live region shared by every step of every flow. */
export function FlowFrame({ step, view, heading, description, status, children }: FlowFrameProps): ReactNode {
  const { part } = useFlowUi();
  // Reading capabilities happens at mount, not because the person did something: leaving it moves no focus.
  const headingRef = useHeadingFocus<HTMLHeadingElement>(view === 'checking' ? undefined : view);
  return (
    <section {...part('root', step)} data-view={view}>
      <div {...part('header')}>
        <h2 {...part('heading')} ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        {description ? <p {...part('description')}>{description}</p> : null}
      </div>
      {children}
      {/* Always mounted, so assistive tech hears each change. */}
      <div {...part('status')} role="status" aria-live="polite" aria-atomic="true">
        {status}
      </div>
    </section>
  );
}
