import type { ReactNode } from 'react';
import { addEmailMessages } from '../i18n/messages/addEmail';
import { authMessages } from '../i18n/messages/auth';
import { capabilitiesMessages } from '../i18n/messages/capabilities';
import { emailMessages } from '../i18n/messages/email';
import { errorMessages } from '../i18n/messages/errors';
import { sharedMessages } from '../i18n/messages/shared';
import type { AuthRequiredHandler } from '../react';
import { useEmailAdding } from '../react/presets';
import { FlowRoot, type SharedFlowProps } from './FlowRoot';
import { EmailAddressForm } from './steps/EmailAddressForm';

/** The English `<AddEmailFlow>` can show: hosts' messages go on top. */
const defaultMessages = { ...sharedMessages, ...capabilitiesMessages, ...emailMessages, ...authMessages, ...addEmailMessages, ...errorMessages };

/** Props of `<AddEmailFlow>`. */
export interface AddEmailFlowProps extends SharedFlowProps {
  /** Run your own UIA dialog instead of the kit's password / single-sign-on step. */
  onAuthRequired?: AuthRequiredHandler | undefined;
}

/** Add an email address to the signed-in account: enter it, follow the emailed link (or type the code), confirm it's you. */
export function AddEmailFlow(props: AddEmailFlowProps): ReactNode {
  return <FlowRoot props={props} defaults={defaultMessages} useFlow={useEmailAdding} address={EmailAddressForm} />;
}
