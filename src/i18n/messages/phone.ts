/** Messages of the phone number field and of waiting for a text message (add and reset). */
export const phoneMessages = {
  'common.changePhone': 'Use a different phone number',
  'common.resendCode': 'Resend code',
  /** {address} */
  'common.codeSent': 'Code sent to {address}.',
  'common.codeResent': 'New code sent.',
  'phone.label': 'Phone number',
  'phone.countryLabel': 'Country',
  /** The country list's entry for a number typed with its own +code. */
  'phone.international': 'International',
  'phone.hint': 'Choose the country, then type the number.',
  'phone.required': 'Enter a phone number.',
  'phone.invalid': 'Enter a valid phone number for the country you chose.',
  'unavailable.phoneNotSupported.heading': "Phone numbers aren't available",
  'unavailable.phoneNotSupported.description':
    "Your server isn't set up to send text messages, so it can't verify a phone number.",
} as const;
