/** Messages only `<RegistrationThreepidStage>` shows: proving an email address or phone number while signing up. */
export const registerMessages = {
  'registerEmail.heading': 'Verify your email address',
  'registerEmail.hint': "We'll send a link to confirm it's yours before your account is created.",
  'registerEmail.submit': 'Send verification email',
  'registerEmail.link.heading': 'Check your email',
  /** {address} */
  'registerEmail.link.sent': 'We sent a link to {address}.',
  'registerEmail.link.instructions': 'Open the link, then come back here — the page that opens is not the last step.',
  'registerEmail.link.autoDetect': 'This page updates by itself once the link is opened.',
  'registerEmail.link.continue': "I've opened the link",
  'registerEmail.code.heading': 'Enter the code',
  /** {address} */
  'registerEmail.code.description': 'Enter the code we sent to {address}.',
  'registerEmail.done.heading': 'Email address verified',
  /** {address} */
  'registerEmail.done.description': '{address} is confirmed.',
  'registerPhone.heading': 'Verify your phone number',
  'registerPhone.hint': "We'll send a code by text message to confirm it's yours before your account is created.",
  'registerPhone.submit': 'Send code',
  'registerPhone.code.heading': 'Enter the code',
  /** {address} */
  'registerPhone.code.description': 'Enter the code we sent by text message to {address}.',
  'registerPhone.link.heading': 'Check your messages',
  /** {address} */
  'registerPhone.link.sent': 'We sent a text message with a link to {address}.',
  'registerPhone.link.instructions': 'Open the link, then come back here — the page that opens is not the last step.',
  'registerPhone.link.autoDetect': 'This page updates by itself once the link is opened.',
  'registerPhone.link.continue': "I've opened the link",
  'registerPhone.done.heading': 'Phone number verified',
  /** {address} */
  'registerPhone.done.description': '{address} is confirmed.',
  /** Shown instead of errors.threepidInUse while signing up. */
  'register.inUse': 'This already has an account. Sign in, or reset your password if you have forgotten it.',
  'register.signIn': 'Sign in',
  'register.resetPassword': 'Reset your password',
  'register.accountService.heading': 'Sign up on your server’s account page',
  'register.accountService.description': 'Your server creates accounts on its own page, not in this app.',
  'register.accountService.link': 'Continue to sign up',
} as const;
