import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FlowState } from '../flow/types';
import type { MessageKey } from '../i18n/en';
import type { Medium } from '../protocol/types';
import type { ThreepidFlow } from '../react/useThreepidFlow';
import { useFlowUi } from './FlowUi';
import { FlowFrame } from './parts/FlowFrame';
import { AuthStep, nextStage } from './steps/AuthStep';
import { CodeStep } from './steps/CodeStep';
import { LinkStep } from './steps/LinkStep';
import { UnavailableActions } from './steps/UnavailableStep';
import { flowKey, viewOf, type FlowView } from './view';

/** What differs between the three flows; everything else is shared. */
export interface FlowScreensProps {
  flow: ThreepidFlow;
  /** The address form (email or phone) for the first screen. */
  addressForm: ReactNode;
  /** The new-password form (reset). */
  passwordForm?: ReactNode;
  /** The medium to offer when this one is not available (reset with both media). */
  otherMedium?: Medium;
  hostHandlesAuth: boolean;
  onCancel?: () => void;
}

/** Message keys of one screen: heading, and the description (which may name `{address}`). */
interface ScreenKeys {
  heading: MessageKey;
  description?: MessageKey;
  /** Extra sentence after the description. */
  more?: MessageKey;
}

function unavailableKeys(state: FlowState): ScreenKeys {
  const email = state.config.medium === 'email';
  const { unavailable = 'mediumNotSupported' } = state;
  if (unavailable === 'notOffered' && state.config.purpose === 'reset' && !email) {
    return { heading: 'unavailable.notOffered.heading', description: 'unavailable.notOffered.resetPhone' };
  }
  // A refused medium is named: the screen says email, or phone numbers, aren't available.
  const reason = unavailable === 'mediumNotSupported' ? (email ? 'emailNotSupported' : 'phoneNotSupported') : unavailable;
  return { heading: `unavailable.${reason}.heading`, description: `unavailable.${reason}.description` };
}

function linkKeys(state: FlowState): ScreenKeys {
  const key = flowKey(state);
  if (key === 'reset') {
    return state.config.medium === 'email'
      ? { heading: 'reset.link.heading', description: 'reset.link.sent' }
      : { heading: 'reset.phoneLink.heading', description: 'reset.phoneLink.sent' };
  }
  return { heading: `${key}.link.heading`, description: `${key}.link.sent` };
}

/** What "Confirm it's you" asks for: the password, single sign-on, or another stage in the server's page. */
function authKeys(state: FlowState, hostHandlesAuth: boolean): ScreenKeys {
  const stage = state.uia ? nextStage(state.uia) : undefined;
  // The host runs its own dialog: it explains what it needs there.
  if (hostHandlesAuth || !stage) return { heading: 'auth.heading' };
  if (stage === 'm.login.password') return { heading: 'auth.heading', description: 'auth.password.description' };
  return { heading: 'auth.heading', description: stage === 'm.login.sso' ? 'auth.sso.description' : 'auth.fallback.description' };
}

/** Which messages each screen shows. */
function screenKeys(view: FlowView, state: FlowState, hostHandlesAuth = false): ScreenKeys {
  const key = flowKey(state);
  switch (view) {
    case 'checking':
      return { heading: 'checking.heading', description: 'checking.status' };
    case 'unavailable':
      return unavailableKeys(state);
    case 'address':
      if (key === 'reset') return { heading: 'reset.heading', description: state.config.medium === 'email' ? 'reset.email.description' : 'reset.phone.description' };
      return { heading: `${key}.heading`, description: `${key}.hint` };
    case 'password':
      return { heading: 'reset.password.heading' };
    case 'link':
      return linkKeys(state);
    case 'code':
      return { heading: `${key}.code.heading`, description: `${key}.code.description` };
    case 'auth':
      return authKeys(state, hostHandlesAuth);
    case 'done':
      if (key !== 'reset') return { heading: `${key}.done.heading`, description: `${key}.done.description` };
      return {
        heading: 'reset.done.heading',
        description: 'reset.done.description',
        more: state.logoutDevices ? 'reset.done.devicesSignedOut' : 'reset.done.devicesKept',
      };
  }
}

/**
 * True once the resend cooldown of the current send has run out, until the next send: the moment to say once
 * that resend can be used (the button's own countdown is not announced).
 */
function useResendReady(availableAt: number | undefined, cooldownUntil: number | undefined): boolean {
  const [readyFor, setReadyFor] = useState<number | undefined>(undefined);
  const previous = useRef(availableAt);
  useEffect(() => {
    if (previous.current !== undefined && availableAt === undefined) setReadyFor(cooldownUntil);
    previous.current = availableAt;
  }, [availableAt, cooldownUntil]);
  return readyFor !== undefined && readyFor === cooldownUntil;
}

/** What the live region says: sends, resends, resend available again and completion — not every countdown tick. */
function statusKey(view: FlowView, state: FlowState, resendReady: boolean): MessageKey | undefined {
  if (view === 'done') return screenKeys(view, state).heading;
  if ((view === 'link' || view === 'code') && state.step !== 'requesting') {
    if (resendReady) return 'common.resendReady';
    const email = state.config.medium === 'email';
    if (state.resendCount > 0) return email ? 'common.emailResent' : 'common.codeResent';
    return email ? 'common.emailSent' : 'common.codeSent';
  }
  return undefined;
}

/** Renders the screen for the flow's current state inside the shared frame. */
export function FlowScreens({ flow, addressForm, passwordForm, otherMedium, hostHandlesAuth, onCancel }: FlowScreensProps): ReactNode {
  const { t, tParts, part } = useFlowUi();
  const { state } = flow;
  const view = viewOf(state);
  const keys = screenKeys(view, state, hostHandlesAuth);
  const address = state.session?.address ?? state.draft.address;
  // The address is wrapped in <bdi> so an email or +44… number reads right inside right-to-left text.
  const description = keys.description && (
    <>
      {tParts(keys.description, { address }).map((piece, index) =>
        typeof piece === 'string' ? (
          piece
        ) : (
          <bdi key={index} {...part('address')}>
            {piece.value}
          </bdi>
        ),
      )}
      {keys.more && ` ${t(keys.more)}`}
    </>
  );
  const resendReady = useResendReady(flow.resendAvailableAt, state.session?.cooldownUntil);
  const status = statusKey(view, state, resendReady);
  let body: ReactNode = null;
  switch (view) {
    case 'unavailable':
      body = <UnavailableActions flow={flow} otherMedium={otherMedium} onCancel={onCancel} />;
      break;
    case 'address':
      body = addressForm;
      break;
    case 'password':
      body = passwordForm;
      break;
    case 'link':
      body = <LinkStep flow={flow} />;
      break;
    case 'code':
      body = <CodeStep flow={flow} />;
      break;
    case 'auth':
      body = <AuthStep flow={flow} hostHandlesAuth={hostHandlesAuth} />;
      break;
    case 'checking':
    case 'done':
      break;
  }
  return (
    <FlowFrame step={state.step} view={view} heading={t(keys.heading)} description={description} status={status ? t(status, { address }) : ''}>
      {body}
    </FlowFrame>
  );
}
