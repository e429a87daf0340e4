import { useMemo, type ReactNode } from 'react';
import type { FlowError } from '../flow/types';
import type { Messages } from '../i18n/en';
import { translatorsFor } from '../i18n/lookup';
import type { ThreepidClient } from '../protocol/types';
import type { FlowResult } from '../react/useThreepidFlow';
import type { StorageLike } from '../react/persistence';
import { ThreepidProvider, useThreepidContext } from '../react/ThreepidProvider';
import { partProps } from './anatomy';
import { FlowScreens, type FlowScreensProps } from './FlowScreens';
import { FlowUiContext, type FlowUiProps } from './FlowUi';

/** Props every flow component shares. */
export interface SharedFlowProps extends FlowUiProps {
  /** Protocol client; default: the one from `<ThreepidProvider>`. */
  client?: ThreepidClient | undefined;
  /** Called once the flow has finished. */
  onComplete?: ((result: FlowResult) => void) | undefined;
  /** Shows a Cancel button that calls this (on the address, waiting and code screens). */
  onCancel?: (() => void) | undefined;
  /** A button on the done screen for what comes next, e.g. `{ label: 'Back to sign in', onClick: close }`. */
  doneAction?: DoneAction | undefined;
  /** Called with every error shown to the person. */
  onError?: ((error: FlowError) => void) | undefined;
  /** Sent as `next_link` with the email. */
  nextLink?: string | undefined;
  /** Wait before resend is offered again; default 30 s. */
  resendCooldownMs?: number | undefined;
  /** How often to check for a followed link, or `false`; default 3 s with backoff. */
  pollIntervalMs?: number | false | undefined;
  /** Keep the session across reloads (e.g. `sessionStorage`). */
  persist?: StorageLike | undefined;
  /** The address to fill in at first. */
  defaultValue?: string | undefined;
}

/** The host's next step, offered as a button once the flow is done. */
export interface DoneAction {
  /** The button's text, in the person's language (the host's words, not a kit message). */
  label: string;
  onClick: () => void;
}

/** What one flow component brings: its English, its hook and its own screens. */
export interface FlowSetup extends FlowScreensProps {
  /** The English this flow can show (only its own messages, so it bundles no other flow's text). */
  defaults: Partial<Messages>;
}

/**
 * Makes a flow work with a `client` prop alone (no provider) and gives its screens messages and class names.
 */
export function FlowRoot({ defaults, ...screens }: FlowSetup): ReactNode {
  const context = useThreepidContext();
  const { client, messages, classNames, unstyled } = screens.props;
  const providerMessages = context?.messages;
  const locale = screens.props.locale ?? context?.locale;
  const translate = context?.translate;
  // Stable, so the alert's message (worked out once per error) and the country list are not rebuilt every render.
  const value = useMemo(() => {
    const lang = locale?.tag ?? 'en';
    return {
      ...translatorsFor(defaults, [providerMessages, messages], { tag: lang, locale: locale?.messages, translate }),
      lang,
      part: (name: Parameters<typeof partProps>[0], state?: string) => ({
        ...partProps(name, classNames, unstyled),
        'data-state': state,
        // Screen readers pick their voice by `lang`; with no locale the flow speaks the host page's language.
        ...(name === 'root' && locale && { lang, dir: locale.dir }),
      }),
    };
  }, [defaults, providerMessages, messages, locale, translate, classNames, unstyled]);
  const ui = (
    <FlowUiContext.Provider value={value}>
      <FlowScreens {...screens} />
    </FlowUiContext.Provider>
  );
  return context || !client ? ui : <ThreepidProvider client={client}>{ui}</ThreepidProvider>;
}
