import { useEffect, useMemo, type ReactNode } from 'react';
import type { PasswordStep } from '../flow/types';
import type { Messages } from '../i18n/en';
import type { Medium } from '../protocol/types';
import { authMessages } from '../i18n/messages/auth';
import { emailMessages } from '../i18n/messages/email';
import { errorMessages } from '../i18n/messages/errors';
import { resetMessages } from '../i18n/messages/reset';
import { sharedMessages } from '../i18n/messages/shared';
import type { ThreepidFlow } from '../react';
import { usePasswordReset } from '../react/presets';
import type { CountryCode, CountryLabels } from './countryTypes';
import { FlowRoot, type SharedFlowProps } from './FlowRoot';
import type { StepProps } from './FlowScreens';
import { useFlowUi } from './FlowUi';
import { Button } from './parts/Button';
import { EmailAddressForm } from './steps/EmailAddressForm';
import { NewPasswordForm, type PasswordRule } from './steps/NewPasswordForm';

/** The English `<ResetPasswordFlow>` can show: hosts' messages go on top. */
// Reset can meet a UIA challenge too, so it carries the auth step's words. The phone words come with `phoneForm`,
// so an email-only reset does not bundle them.
const defaultMessages = { ...sharedMessages, ...emailMessages, ...authMessages, ...resetMessages, ...errorMessages };

/** Props of `<ResetPasswordFlow>`. */
export interface ResetPasswordFlowProps extends SharedFlowProps {
  /** Which media to offer, first is the default; `['email', 'msisdn']` shows a switch. Default `['email']`. */
  media?: Medium[] | undefined;
  /** Ask the new password before sending the email (`before-link`, default) or after the link/code. */
  passwordStep?: PasswordStep | undefined;
  /** Minimum password length; default 8. */
  minPasswordLength?: number | undefined;
  /** Your own password rule: return a message to refuse it. */
  validatePassword?: PasswordRule | undefined;
  /** Phone: country selected at first. */
  defaultCountry?: CountryCode | undefined;
  /** Phone: limit the country list. */
  countries?: CountryCode[] | undefined;
  /** Phone: country names in the person's language (e.g. `react-phone-number-input/locale/fr`); default English. */
  countryLabels?: CountryLabels | undefined;
  /** The phone number form (`phoneForm` from `matrix-threepid-kit/phone`), needed to offer `msisdn`. */
  phoneForm?: PhoneForm | undefined;
  /**
   * On an OAuth-era server: the exact page where a forgotten password is reset. The spec names no such page, so by
   * default the flow links to the account service.
   */
  recoveryUrl?: string | undefined;
}

/**
 * A phone address form for `<ResetPasswordFlow phoneForm>`: injected, so email-only hosts bundle no phone library.
 * `messages` is the English of the phone screens (number field, code sent…), brought only by hosts that offer phones.
 */
export type PhoneForm = ((props: StepProps) => ReactNode) & { messages?: Partial<Messages> | undefined };

const MISSING_PHONE_FORM = "matrix-threepid-kit: <ResetPasswordFlow> offers 'msisdn' only with phoneForm from 'matrix-threepid-kit/phone': email only.";

/** The media the flow can offer: a phone number only with a phone form. Asking for it without one is the host's mistake. */
function useOfferedMedia({ media, phoneForm, onError }: ResetPasswordFlowProps): Medium[] | undefined {
  const missing = !phoneForm && !!media?.includes('msisdn');
  useEffect(() => {
    if (!missing) return;
    console.error(MISSING_PHONE_FORM);
    onError?.({ kind: 'misconfigured', prop: 'phoneForm' });
    // Said once per mount: a new onError each render must not repeat it.
  }, [missing]);
  return missing ? ['email'] : media;
}

// The first medium offered is where the flow starts.
function useResetFlow(props: ResetPasswordFlowProps): ThreepidFlow {
  return usePasswordReset({ ...props, medium: props.media?.[0] ?? 'email' });
}

/** The medium switch (when both are offered) over the email or phone form. */
function ResetAddressForm(props: StepProps): ReactNode {
  const { t, part } = useFlowUi();
  const { flow, media, phoneForm } = props;
  const { medium } = flow.state.config;
  const Form = medium === 'msisdn' && phoneForm ? phoneForm : EmailAddressForm;
  return (
    <>
      {media?.[1] && (
        <div {...part('mediumSwitch')} role="group" aria-label={t('reset.medium.label')}>
          {media.map((option) => (
            <Button key={option} part="mediumOption" state={medium === option ? 'on' : 'off'} aria-pressed={medium === option} onClick={() => flow.switchMedium(option)}>
              {t(option === 'email' ? 'reset.medium.email' : 'reset.medium.phone')}
            </Button>
          ))}
        </div>
      )}
      {/* The host's default address is an email one: the phone field starts empty. */}
      <Form {...props} defaultValue={medium === 'email' ? props.defaultValue : undefined} />
    </>
  );
}

/** Reset a forgotten password by proving ownership of an email address (or phone number). No sign-in needed. */
export function ResetPasswordFlow(props: ResetPasswordFlowProps): ReactNode {
  const media = useOfferedMedia(props);
  const phoneMessages = props.phoneForm?.messages;
  const defaults = useMemo(() => (phoneMessages ? { ...defaultMessages, ...phoneMessages } : defaultMessages), [phoneMessages]);
  return <FlowRoot props={media === props.media ? props : { ...props, media }} defaults={defaults} useFlow={useResetFlow} address={ResetAddressForm} password={NewPasswordForm} />;
}
