import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey, Messages } from '../i18n/en';
import { emailMessages } from '../i18n/messages/email';
import { errorMessages } from '../i18n/messages/errors';
import { phoneMessages } from '../i18n/messages/phone';
import { registerMessages } from '../i18n/messages/register';
import { sharedMessages } from '../i18n/messages/shared';
import { translatorsFor } from '../i18n/lookup';
import { useThreepidContext } from '../react/ThreepidProvider';
import { useRegistrationStage, type RegistrationStageOptions } from '../react/useRegistrationStage';
import { FlowRoot, type SharedFlowProps } from './FlowRoot';
import type { HostProps } from './FlowScreens';
import { RegistrationAddressStep, RegistrationStepContext, type RegistrationStepHost } from './steps/RegistrationAddressStep';

/** The English `<RegistrationThreepidStage>` can show: hosts' messages go on top. */
const defaultMessages = { ...sharedMessages, ...emailMessages, ...phoneMessages, ...registerMessages, ...errorMessages };

/** Props of `<RegistrationThreepidStage>`. */
export interface RegistrationThreepidStageProps
  extends Omit<SharedFlowProps, 'onComplete'>,
    Omit<RegistrationStageOptions, 'client' | 'onError' | 'nextLink' | 'resendCooldownMs' | 'pollIntervalMs' | 'persist'>,
    RegistrationStepHost,
    // Phone: the country selected at first, the list, and its names (read by the injected phone form).
    Pick<HostProps, 'defaultCountry' | 'countries' | 'countryLabels'> {}

/**
 * The stage runs the add flows' screens, which read `addEmail.*` / `addPhone.*` keys and `errors.threepidInUse`:
 * each is given the text of its sign-up key (`registerEmail.*`, `registerPhone.*`, `register.inUse`), with the
 * host's overrides of those keys, so translators and hosts see sign-up keys only. On an OAuth-era server, the first
 * screen's heading and hint say where sign-up happens instead.
 */
function useStageMessages(props: RegistrationThreepidStageProps, accountManagementUrl: string | undefined): Partial<Messages> {
  const context = useThreepidContext();
  const provider = context?.messages;
  const { messages, medium = 'email' } = props;
  // The flow's language too: without it these keys were filled with English, which beat the locale's own words.
  const locale = props.locale ?? context?.locale;
  return useMemo(() => {
    const { t } = translatorsFor(defaultMessages, [provider, messages], { tag: locale?.tag, locale: locale?.messages });
    const shown: Partial<Messages> = { ...messages, 'errors.threepidInUse': t('register.inUse') };
    for (const key of Object.keys(registerMessages) as Array<keyof typeof registerMessages>) {
      if (/^register(Email|Phone)\./.test(key)) shown[key.replace('register', 'add') as MessageKey] = t(key);
    }
    if (accountManagementUrl) {
      const screen = medium === 'email' ? 'addEmail' : 'addPhone';
      shown[`${screen}.heading`] = t('register.accountService.heading');
      shown[`${screen}.hint`] = t('register.accountService.description');
    }
    return shown;
  }, [provider, messages, locale, accountManagementUrl, medium]);
}

/**
 * The email or phone stage of a sign-up, for a host's own registration UI: give it the UIA `session` and a
 * `submitAuth` that performs your `/register` call; it sends the email or SMS, waits for the link or code, and
 * calls `onComplete` with the server's answer once the stage passed (by itself when the link is followed).
 */
export function RegistrationThreepidStage(props: RegistrationThreepidStageProps): ReactNode {
  const { onComplete: _onComplete, phoneForm, onSignIn, onResetPassword, accountManagementUrl: given, ...rest } = props;
  // The hook runs inside FlowRoot (under the provider); what it learns about the server is lifted up here.
  const [found, setFound] = useState<string>();
  const accountManagementUrl = given ?? found;
  const messages = useStageMessages(props, accountManagementUrl);
  const host = useMemo(() => ({ phoneForm, onSignIn, onResetPassword, accountManagementUrl }), [phoneForm, onSignIn, onResetPassword, accountManagementUrl]);
  const screens: HostProps = { ...rest, messages };
  // The stage's options are all of its props: the screens hand the hook only the ones every flow shares.
  const useStage = () => {
    const stage = useRegistrationStage(props);
    useEffect(() => setFound(stage.accountManagementUrl), [stage.accountManagementUrl]);
    return stage;
  };
  return (
    <RegistrationStepContext.Provider value={host}>
      <FlowRoot props={screens} defaults={defaultMessages} useFlow={useStage} address={RegistrationAddressStep} />
    </RegistrationStepContext.Provider>
  );
}
