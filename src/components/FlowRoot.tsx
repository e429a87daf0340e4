import type { ReactNode } from 'react';
import type { FlowError } from '../flow/types';
import type { ThreepidClient } from '../protocol/types';
import type { FlowResult } from '../react/useThreepidFlow';
import type { StorageLike } from '../react/persistence';
import { ThreepidProvider, useThreepidContext } from '../react/ThreepidProvider';
import { FlowUiProvider, type FlowDefaults, type FlowUiProps } from './FlowUi';

/** Props every flow component shares. */
export interface SharedFlowProps extends FlowUiProps {
  /** Protocol client; default: the one from `<ThreepidProvider>`. */
  client?: ThreepidClient;
  /** Called once the flow has finished. */
  onComplete?: (result: FlowResult) => void;
  /** Shows a Cancel button that calls this. */
  onCancel?: () => void;
  /** Called with every error shown to the person. */
  onError?: (error: FlowError) => void;
  /** Sent as `next_link` with the email. */
  nextLink?: string;
  /** Wait before resend is offered again; default 30 s. */
  resendCooldownMs?: number;
  /** How often to check for a followed link, or `false`; default 3 s with backoff. */
  pollIntervalMs?: number | false;
  /** Keep the session across reloads (e.g. `sessionStorage`). */
  persist?: StorageLike;
  /** The address to fill in at first. */
  defaultValue?: string;
}

/** Makes a flow work with a `client` prop alone (no provider) and gives its parts messages and class names. */
export function FlowRoot({
  defaults,
  client,
  messages,
  classNames,
  unstyled,
  children,
}: FlowDefaults & Pick<SharedFlowProps, 'client' | 'messages' | 'classNames' | 'unstyled'> & { children: ReactNode }): ReactNode {
  const context = useThreepidContext();
  const ui = (
    <FlowUiProvider defaults={defaults} messages={messages} classNames={classNames} unstyled={unstyled}>
      {children}
    </FlowUiProvider>
  );
  if (context || !client) return ui;
  return <ThreepidProvider client={client}>{ui}</ThreepidProvider>;
}
