/** Messages only `<AddPhoneFlow>` shows. */
export const addPhoneMessages = {
  'addPhone.heading': 'Add a phone number',
  'addPhone.hint': "We'll send a code by text message to confirm it's yours.",
  'addPhone.submit': 'Send code',
  'addPhone.code.heading': 'Enter the code',
  /** {address} */
  'addPhone.code.description': 'Enter the code we sent by text message to {address}.',
  'addPhone.link.heading': 'Check your messages',
  /** {address} */
  'addPhone.link.sent': 'We sent a text message with a link to {address}.',
  'addPhone.link.instructions': 'Open the link, then come back here — the page that opens is not the last step.',
  'addPhone.link.autoDetect': 'This page updates by itself once the link is opened.',
  'addPhone.link.continue': "I've opened the link",
  'addPhone.link.authHeading': "While you wait: confirm it's you",
  'addPhone.account.heading': 'Phone numbers are managed on your account page',
  'addPhone.account.description': "Your server manages your account there, so phone numbers can't be added in this app. It opens in a new tab.",
  'addPhone.account.link': 'Open your account page',
  'addPhone.account.none': 'No phone numbers yet.',
  'addPhone.done.heading': 'Phone number added',
  /** {address} */
  'addPhone.done.description': '{address} was added to your account.',
} as const;
