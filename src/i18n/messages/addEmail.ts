/** Messages only `<AddEmailFlow>` shows. */
export const addEmailMessages = {
  'addEmail.heading': 'Add an email address',
  'addEmail.hint': "We'll send a link to confirm it's yours. You can then use it to reset your password.",
  'addEmail.submit': 'Send verification email',
  'addEmail.link.heading': 'Check your email',
  /** {address} */
  'addEmail.link.sent': 'We sent a link to {address}.',
  'addEmail.link.instructions': 'Open the link, then come back here — the page that opens is not the last step.',
  'addEmail.link.autoDetect': 'This page updates by itself once the link is opened.',
  'addEmail.link.continue': "I've opened the link",
  'addEmail.link.authHeading': "While you wait: confirm it's you",
  'addEmail.account.heading': 'Manage email addresses on your account page',
  'addEmail.account.description': 'Your server manages them there, not in this app. It opens in a new tab.',
  'addEmail.account.link': 'Manage email addresses on your account page',
  'addEmail.account.none': 'No email addresses yet.',
  'addEmail.code.heading': 'Enter the code',
  /** {address} */
  'addEmail.code.description': 'Enter the code we sent to {address}.',
  'addEmail.done.heading': 'Email address added',
  /** {address} */
  'addEmail.done.description': '{address} was added to your account.',
} as const;
