import type { ReactNode } from 'react';
import type { Country, Labels } from 'react-phone-number-input';
import { addPhoneMessages } from '../i18n/messages/addPhone';
import { authMessages } from '../i18n/messages/auth';
import { errorMessages } from '../i18n/messages/errors';
import { phoneMessages } from '../i18n/messages/phone';
import { sharedMessages } from '../i18n/messages/shared';
import { useAddPhoneFlow, type AuthRequiredHandler } from '../react';
import { FlowRoot, type SharedFlowProps } from './FlowRoot';
import { FlowScreens } from './FlowScreens';
import { useFlowUi } from './FlowUi';
import { PhoneAddressForm } from './steps/PhoneAddressForm';

/** The English `<AddPhoneFlow>` can show: hosts' messages go on top. */
const defaultMessages = { ...sharedMessages, ...phoneMessages, ...authMessages, ...addPhoneMessages, ...errorMessages };

/** Props of `<AddPhoneFlow>`. */
export interface AddPhoneFlowProps extends SharedFlowProps {
  /** Country selected at first (ISO-3166 alpha-2, e.g. `GB`). */
  defaultCountry?: Country;
  /** Limit the country list. */
  countries?: Country[];
  /** Country names in the person's language (e.g. `react-phone-number-input/locale/fr`); default English. */
  countryLabels?: Labels;
  /** Run your own UIA dialog instead of the kit's password / single-sign-on step. */
  onAuthRequired?: AuthRequiredHandler;
}

function AddPhoneFlowBody(props: AddPhoneFlowProps): ReactNode {
  const { t } = useFlowUi();
  const flow = useAddPhoneFlow(props);
  return (
    <FlowScreens
      flow={flow}
      hostHandlesAuth={props.onAuthRequired !== undefined}
      onCancel={props.onCancel}
      addressForm={
        <PhoneAddressForm
          flow={flow}
          submitLabel={t('addPhone.submit')}
          defaultCountry={props.defaultCountry}
          countries={props.countries}
          countryLabels={props.countryLabels}
          defaultValue={props.defaultValue}
          onCancel={props.onCancel}
        />
      }
    />
  );
}

/** Add a phone number to the signed-in account: enter it, type the SMS code, confirm it's you. */
export function AddPhoneFlow(props: AddPhoneFlowProps): ReactNode {
  return (
    <FlowRoot defaults={defaultMessages} client={props.client} messages={props.messages} classNames={props.classNames} unstyled={props.unstyled}>
      <AddPhoneFlowBody {...props} />
    </FlowRoot>
  );
}
