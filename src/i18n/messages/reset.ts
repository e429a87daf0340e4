/** Messages only `<ResetPasswordFlow>` shows. */
export const resetMessages = {
  'common.continue': 'Continue',
  'reset.heading': 'Reset your password',
  'reset.email.description': 'Enter the email address linked to your account.',
  'reset.submitEmail': 'Send reset link',
  'reset.password.heading': 'Choose a new password',
  'reset.password.newLabel': 'New password',
  /** {min} */
  'reset.password.newHint': 'At least {min, plural, one {# character} other {# characters}}.',
  'reset.password.confirmLabel': 'Confirm new password',
  'reset.password.required': 'Enter a new password.',
  /** {min} */
  'reset.password.tooShort': 'Use at least {min, plural, one {# character} other {# characters}}.',
  'reset.password.confirmRequired': 'Enter the new password again.',
  'reset.password.mismatch': "The passwords don't match.",
  'reset.password.logoutDevices': 'Sign out of my other devices',
  'reset.password.logoutWarning':
    'Signing out other devices can make encrypted messages unreadable unless you have a backup of your keys.',
  'reset.password.submit': 'Change password',
  'reset.link.heading': 'Check your email',
  /** {address} */
  'reset.link.sent': 'If an account uses {address}, we sent it a link to reset the password.',
  'reset.link.instructions':
    'Open the link and confirm on the page that opens, then come back here — that page is not the last step.',
  'reset.link.autoDetect': 'This page updates by itself once you have confirmed.',
  'reset.link.continue': "I've opened the link",
  'reset.link.authHeading': "While you wait: confirm it's you",
  'reset.account.heading': 'Reset your password on your account page',
  'reset.account.description': 'Your server manages passwords there, not in this app. It opens in a new tab.',
  /** {host} */
  'reset.account.link': 'Reset your password on {host}',
  'reset.phoneLink.heading': 'Check your messages',
  /** {address} */
  'reset.phoneLink.sent': 'If an account uses {address}, we sent it a text message with a link.',
  'reset.code.heading': 'Enter the code',
  /** {address} */
  'reset.code.description': 'If an account uses {address}, we sent it a code. Enter it here.',
  'reset.done.heading': 'Password changed',
  'reset.done.description': 'You can now sign in with your new password.',
  'reset.done.devicesSignedOut': 'Your other devices were signed out.',
  'reset.done.devicesKept': 'Your other devices are still signed in.',
  'unavailable.passwordChangeDisabled.heading': "Password reset isn't available",
  'unavailable.passwordChangeDisabled.description':
    "Your server doesn't allow changing passwords here. Your server's admin may be able to help.",
  // Errors only a reset can meet: no account has the address, and the server's password rules.
  'errors.threepidNotFound': "We couldn't find an account with that. Check it, or try a different one.",
  'errors.weakPassword': "This password isn't strong enough. Choose a stronger one.",
  /** {reason} */
  'errors.weakPasswordReason': "This password isn't strong enough. Your server says: “{reason}”",
} as const;
