import type { ReactNode } from 'react';
import type { Country, Labels } from 'react-phone-number-input';
import { addPhoneMessages } from '../i18n/messages/addPhone';
import { authMessages } from '../i18n/messages/auth';
import { capabilitiesMessages } from '../i18n/messages/capabilities';
import { errorMessages } from '../i18n/messages/errors';
import { phoneMessages } from '../i18n/messages/phone';
import { sharedMessages } from '../i18n/messages/shared';
import type { AuthRequiredHandler } from '../react';
import { usePhoneAdding } from '../react/presets';
import { FlowRoot, type SharedFlowProps } from './FlowRoot';
import { PhoneAddressForm } from './steps/PhoneAddressForm';

/** The English `<AddPhoneFlow>` can show: hosts' messages go on top. */
const defaultMessages = { ...sharedMessages, ...capabilitiesMessages, ...phoneMessages, ...authMessages, ...addPhoneMessages, ...errorMessages };

/** Props of `<AddPhoneFlow>`. */
export interface AddPhoneFlowProps extends SharedFlowProps {
  /** Country selected at first (ISO-3166 alpha-2, e.g. `GB`). */
  defaultCountry?: Country | undefined;
  /** Limit the country list. */
  countries?: Country[] | undefined;
  /** Country names in the person's language (e.g. `react-phone-number-input/locale/fr`); default English. */
  countryLabels?: Labels | undefined;
  /** Run your own UIA dialog instead of the kit's password / single-sign-on step. */
  onAuthRequired?: AuthRequiredHandler | undefined;
}

/** Add a phone number to the signed-in account: enter it, type the SMS code, confirm it's you. */
export function AddPhoneFlow(props: AddPhoneFlowProps): ReactNode {
  return <FlowRoot props={props} defaults={defaultMessages} useFlow={usePhoneAdding} address={PhoneAddressForm} />;
}
