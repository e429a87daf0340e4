import type { ReactNode } from 'react';
import type { Country, Labels } from 'react-phone-number-input';
import type { PasswordStep } from '../flow/types';
import type { Medium } from '../protocol/types';
import { authMessages } from '../i18n/messages/auth';
import { emailMessages } from '../i18n/messages/email';
import { errorMessages } from '../i18n/messages/errors';
import { phoneMessages } from '../i18n/messages/phone';
import { resetMessages } from '../i18n/messages/reset';
import { sharedMessages } from '../i18n/messages/shared';
import { useResetPasswordFlow, type ThreepidFlow } from '../react';
import { FlowRoot, type SharedFlowProps } from './FlowRoot';
import { FlowScreens } from './FlowScreens';
import { useFlowUi } from './FlowUi';
import { Button } from './parts/Button';
import { EmailAddressForm } from './steps/EmailAddressForm';
import { NewPasswordForm, type PasswordRule } from './steps/NewPasswordForm';
import { PhoneAddressForm } from './steps/PhoneAddressForm';

/** The English `<ResetPasswordFlow>` can show: hosts' messages go on top. */
// Reset can meet a UIA challenge too, so it carries the auth step's words.
const defaultMessages = { ...sharedMessages, ...emailMessages, ...phoneMessages, ...authMessages, ...resetMessages, ...errorMessages };

/** Props of `<ResetPasswordFlow>`. */
export interface ResetPasswordFlowProps extends SharedFlowProps {
  /** Which media to offer, first is the default; `['email', 'msisdn']` shows a switch. Default `['email']`. */
  media?: Medium[];
  /** Ask the new password before sending the email (`before-link`, default) or after the link/code. */
  passwordStep?: PasswordStep;
  /** Minimum password length; default 8. */
  minPasswordLength?: number;
  /** Your own password rule: return a message to refuse it. */
  validatePassword?: PasswordRule;
  /** Phone: country selected at first. */
  defaultCountry?: Country;
  /** Phone: limit the country list. */
  countries?: Country[];
  /** Phone: country names in the person's language (e.g. `react-phone-number-input/locale/fr`); default English. */
  countryLabels?: Labels;
}

function MediumSwitch({ flow, media }: { flow: ThreepidFlow; media: Medium[] }): ReactNode {
  const { t, part } = useFlowUi();
  if (media.length < 2) return null;
  return (
    <div {...part('mediumSwitch')} role="group" aria-label={t('reset.medium.label')}>
      {media.map((medium) => (
        <Button
          key={medium}
          part="mediumOption"
          state={flow.state.config.medium === medium ? 'on' : 'off'}
          aria-pressed={flow.state.config.medium === medium}
          onClick={() => flow.switchMedium(medium)}
        >
          {t(medium === 'email' ? 'reset.medium.email' : 'reset.medium.phone')}
        </Button>
      ))}
    </div>
  );
}

function ResetPasswordFlowBody(props: ResetPasswordFlowProps): ReactNode {
  const { t } = useFlowUi();
  const media = props.media?.length ? props.media : (['email'] satisfies Medium[]);
  const flow = useResetPasswordFlow({ ...props, medium: media[0] ?? 'email' });
  const { state } = flow;
  const email = state.config.medium === 'email';
  const otherMedium = media.find((medium) => medium !== state.config.medium);
  const submitLabel = t(email ? 'reset.submitEmail' : 'reset.submitPhone');
  const addressForm = (
    <>
      <MediumSwitch flow={flow} media={media} />
      {email ? (
        <EmailAddressForm key="email" flow={flow} submitLabel={submitLabel} onCancel={props.onCancel} defaultValue={props.defaultValue} />
      ) : (
        <PhoneAddressForm
          key="msisdn"
          flow={flow}
          submitLabel={submitLabel}
          defaultCountry={props.defaultCountry}
          countries={props.countries}
          countryLabels={props.countryLabels}
          onCancel={props.onCancel}
        />
      )}
    </>
  );
  return (
    <FlowScreens
      flow={flow}
      hostHandlesAuth={false}
      otherMedium={otherMedium}
      onCancel={props.onCancel}
      addressForm={addressForm}
      passwordForm={<NewPasswordForm flow={flow} minLength={props.minPasswordLength ?? 8} validatePassword={props.validatePassword} />}
    />
  );
}

/** Reset a forgotten password by proving ownership of an email address (or phone number). No sign-in needed. */
export function ResetPasswordFlow(props: ResetPasswordFlowProps): ReactNode {
  return (
    <FlowRoot defaults={defaultMessages} client={props.client} messages={props.messages} classNames={props.classNames} unstyled={props.unstyled}>
      <ResetPasswordFlowBody {...props} />
    </FlowRoot>
  );
}
