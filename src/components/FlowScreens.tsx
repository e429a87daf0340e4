import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ResetPasswordFlowProps } from './ResetPasswordFlow';
import type { MessageKey } from '../i18n/en';
import type { AuthRequiredHandler } from '../react/types';
import type { ThreepidFlow } from '../react/useThreepidFlow';
import { useFlowUi } from './FlowUi';
import { Button } from './parts/Button';
import { AccountManagementStep } from './steps/AccountManagementStep';
import { AuthStep } from './steps/AuthStep';
import { CodeStep } from './steps/CodeStep';
import { LinkStep } from './steps/LinkStep';
import { UnavailableActions } from './steps/UnavailableStep';
import { screenKeys, viewOf, type FlowView } from './view';

/** The host's props as the screens read them, whichever flow they are for (all optional). */
// Phone props as the phone-free ResetPasswordFlowProps types them: AddPhoneFlow's `Country` values fit.
export type HostProps = Partial<ResetPasswordFlowProps> & { onAuthRequired?: AuthRequiredHandler | undefined };

/** What every step gets: the host's props and the running flow. */
export type StepProps = HostProps & { flow: ThreepidFlow };

/** A step's body. */
type Step = (props: StepProps) => ReactNode;

/** What differs between the three flows; everything else is shared. */
export interface FlowScreensProps {
  /** The host's props. */
  props: HostProps;
  /** The flow's hook (run here, below the provider `FlowRoot` may add). */
  useFlow(props: HostProps): ThreepidFlow;
  /** The address form (email or phone) for the first screen. */
  address: Step;
  /** The new-password form (reset). */
  password?: Step | undefined;
}

/**
 * True once the resend cooldown of the current send has run out, until the next send: the moment to say once
 * that resend can be used (the button's own countdown is not announced).
 */
function useResendReady(availableAt: number | undefined, cooldownUntil: number | undefined): boolean {
  // The cooldown last seen running. Updated during render (React's pattern for "what did the previous render see").
  const [seenCooling, setSeenCooling] = useState<number>();
  if (availableAt !== undefined && seenCooling !== cooldownUntil) setSeenCooling(cooldownUntil);
  return availableAt === undefined && seenCooling !== undefined && seenCooling === cooldownUntil;
}

/** Renders the screen for the flow's current state: root, heading, description, the step, and the live region. */
export function FlowScreens({ props, useFlow, address, password }: FlowScreensProps): ReactNode {
  const { t, tParts, part } = useFlowUi();
  const flow = useFlow(props);
  const { state } = flow;
  const view = viewOf(state);
  const [heading, description, more] = screenKeys(view, state, !!props.onAuthRequired);
  const addressText = state.session?.address ?? state.draft.address;
  const email = state.config.medium === 'email';
  const resendReady = useResendReady(flow.resendAvailableAt, state.session?.cooldownUntil);
  const rootRef = useRef<HTMLElement>(null);
  // Focus moves when the screen changes — to the field the screen is about, else to its heading — but not on first
  // render, so mounting a flow never steals focus from the host page. Reading capabilities happens at mount, not
  // because the person did something: the first screen after it counts as the first render too.
  const shownView = useRef<FlowView>(view);
  // A screen reached by the person's action is announced: focus on a field would only read out the field's label.
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (view === 'checking' || shownView.current === view) return;
    if (shownView.current !== 'checking') {
      const find = (selector: string) => rootRef.current?.querySelector<HTMLElement>(selector);
      // The account screen comes from the server check, usually before the person did anything: take focus only from
      // inside the flow (or from a control it just removed), never from the host page.
      const active = document.activeElement;
      if (view !== 'account' || active === document.body || !!rootRef.current?.contains(active)) {
        (find('input[data-threepid-part=input],input[data-threepid-part=code]') ?? find('[data-threepid-part=heading]'))?.focus();
        setMoved(true);
      }
    }
    shownView.current = view;
  }, [view]);
  // The live region says sends, resends, resend available again, and the screen a person's action led to — not
  // every countdown tick. It is read, not seen: the heading and description already show the same.
  const status: MessageKey | undefined =
    (view === 'link' || view === 'code') && state.step !== 'requesting'
      ? resendReady
        ? 'common.resendReady'
        : state.resendCount > 0
          ? email
            ? 'common.emailResent'
            : 'common.codeResent'
          : email
            ? 'common.emailSent'
            : 'common.codeSent'
      : moved || view === 'done'
        ? `${heading}.heading`
        : undefined;
  const Body = (
    { unavailable: UnavailableActions, address, password, link: LinkStep, code: CodeStep, auth: AuthStep, account: AccountManagementStep } as Partial<Record<FlowView, Step>>
  )[view];
  const { doneAction } = props;
  return (
    <section {...part('root', state.step)} data-view={view} ref={rootRef}>
      <div {...part('header')}>
        {view === 'done' && (
          <svg {...part('success')} viewBox="0 0 24 24" aria-hidden="true">
            <path d="m7 13 3 3 7-8" />
          </svg>
        )}
        <h2 {...part('heading')} tabIndex={-1}>
          {t(`${heading}.heading`)}
        </h2>
        {description && (
          <p {...part('description')}>
            {/* The address is wrapped in <bdi> so an email or +44… number reads right inside right-to-left text. */}
            {tParts(description, { address: addressText }).map((piece, index) =>
              typeof piece === 'string' ? (
                piece
              ) : (
                <bdi key={index} {...part('address')}>
                  {/* No-break spaces: "+44 7400 / 123456" split over two lines is hard to read back. */}
                  {piece.value.replace(/ /g, '\u00a0')}
                </bdi>
              ),
            )}
            {more && ` ${t(more)}`}
          </p>
        )}
      </div>
      {/* A quiet placeholder as tall as the form to come, so the screen does not jump when it arrives. */}
      {view === 'checking' && <div {...part('skeleton')} aria-hidden="true" />}
      {Body && <Body {...props} flow={flow} />}
      {/* The host's next step, so the flow does not end in a dead end. */}
      {view === 'done' && doneAction && (
        // In an actions row like every other screen's buttons: its own width on a wide screen, not the flow's.
        <div {...part('actions')}>
          <Button onClick={doneAction.onClick}>{doneAction.label}</Button>
        </div>
      )}
      {/* Always mounted, so assistive tech hears each change. */}
      <div {...part('status')} role="status" aria-live="polite" aria-atomic="true">
        {status && t(status, { address: addressText })}
      </div>
    </section>
  );
}
