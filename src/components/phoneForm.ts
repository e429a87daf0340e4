import { createElement } from 'react';
import { phoneMessages } from '../i18n/messages/phone';
import { resetPhoneMessages } from '../i18n/messages/resetPhone';
import type { PhoneForm } from './ResetPasswordFlow';
import { PhoneAddressForm } from './steps/PhoneAddressForm';

/** The phone number form `<ResetPasswordFlow>` takes to offer `msisdn`, carrying the phone screens' English. */
export const phoneForm: PhoneForm = Object.assign((props: Parameters<PhoneForm>[0]) => createElement(PhoneAddressForm, props), { messages: { ...phoneMessages, ...resetPhoneMessages } });
