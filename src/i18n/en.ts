/**
 * Every `{placeholder}` a message may use, with what it is filled with. A translation may drop a placeholder but
 * should not invent one: unknown placeholders are shown as typed.
 */
export const placeholders = {
  address: 'the email address, or the phone number in international form (+44…), being verified',
  seconds: 'whole seconds to wait, rounded up',
  minutes: 'whole minutes to wait, rounded up (rate limits longer than 90 seconds)',
  min: 'the minimum password length',
  reason: "the server's own short explanation, quoted as it sent it (always English text from the server)",
} as const;

/** A placeholder name, e.g. `address` for `{address}`. */
export type Placeholder = keyof typeof placeholders;

/**
 * The English messages, the one table every component reads. Keys are grouped by the screen that shows them:
 * `common.*` is shared; `email.*`/`phone.*`/`code.*` are form fields used by more than one flow.
 * Wording rules: a reset never promises that an account exists (servers may hide that), and the page a link
 * opens is never presented as the last step.
 */
export const en = {
  // Shared by every flow.
  'common.sending': 'Sending…',
  'common.checking': 'Checking…',
  'common.verifying': 'Verifying…',
  'common.continue': 'Continue',
  'common.cancel': 'Cancel',
  'common.showPassword': 'Show password',
  'common.hidePassword': 'Hide password',
  'common.changeEmail': 'Use a different email address',
  'common.changePhone': 'Use a different phone number',
  'common.resendEmail': 'Resend email',
  'common.resendCode': 'Resend code',
  /** Visible countdown on the resend button while it is cooling down. {seconds} */
  'common.resendIn': 'Resend in {seconds}s',
  /** Announced when resend becomes available again. */
  'common.resendReady': 'You can ask for a new one now.',
  /** {address} */
  'common.emailSent': 'Email sent to {address}',
  /** {address} */
  'common.codeSent': 'Code sent to {address}',
  'common.emailResent': 'New email sent',
  'common.codeResent': 'New code sent',

  // Reading what the server supports before showing a form.
  'checking.heading': 'Just a moment',
  'checking.status': 'Checking what your server supports…',

  // Email address field (add and reset).
  'email.label': 'Email address',
  'email.placeholder': 'name@example.com',
  'email.required': 'Enter an email address',
  'email.invalid': 'Enter an email address like name@example.com',

  // Phone number field (add and reset).
  'phone.label': 'Phone number',
  'phone.countryLabel': 'Country',
  'phone.hint': 'Choose the country, then type the number.',
  'phone.required': 'Enter a phone number',
  'phone.invalid': 'Enter a valid phone number for the country you chose',

  // Code field (any flow where the server lets us check a code).
  'code.label': 'Verification code',
  'code.hint': 'It can take a minute to arrive. Spaces and dashes are fine.',
  'code.required': 'Enter the code',
  'code.submit': 'Verify',

  // <AddEmailFlow>
  'addEmail.heading': 'Add an email address',
  'addEmail.hint': "We'll send a link to confirm it's yours. You can then use it to reset your password.",
  'addEmail.submit': 'Send verification email',
  'addEmail.link.heading': 'Check your email',
  /** {address} */
  'addEmail.link.sent': 'We sent a link to {address}.',
  'addEmail.link.instructions': 'Open the link, then come back here — the page that opens is not the last step.',
  'addEmail.link.autoDetect': 'This page updates by itself once the link is opened.',
  'addEmail.link.continue': "I've opened the link",
  'addEmail.code.heading': 'Enter the code',
  /** {address} */
  'addEmail.code.description': 'Enter the code we sent to {address}.',
  'addEmail.done.heading': 'Email address added',
  /** {address} */
  'addEmail.done.description': '{address} was added to your account.',

  // <AddPhoneFlow>
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
  'addPhone.done.heading': 'Phone number added',
  /** {address} */
  'addPhone.done.description': '{address} was added to your account.',

  // User-Interactive Auth, when the server asks the person to confirm before adding an address.
  'auth.heading': "Confirm it's you",
  'auth.password.description': 'Enter your account password to continue.',
  'auth.password.label': 'Password',
  'auth.password.required': 'Enter your password',
  'auth.password.submit': 'Confirm',
  'auth.sso.description': 'To continue, confirm with single sign-on.',
  'auth.sso.button': 'Continue with single sign-on',
  'auth.fallback.description': 'Your server needs you to confirm on its own page.',
  'auth.fallback.button': 'Continue in a new window',
  'auth.window.hint': "A window will open. Finish there, then you'll come back here.",
  'auth.window.waiting': 'Waiting for you to finish in the other window…',
  'auth.window.reopen': 'Open the window again',
  'auth.host.waiting': 'Waiting for you to confirm…',

  // <ResetPasswordFlow>
  'reset.heading': 'Reset your password',
  'reset.email.description': 'Enter the email address linked to your account.',
  'reset.phone.description': 'Enter the phone number linked to your account.',
  'reset.medium.label': 'Reset with',
  'reset.medium.email': 'Use email',
  'reset.medium.phone': 'Use phone number',
  'reset.submitEmail': 'Send reset link',
  'reset.submitPhone': 'Send code',
  'reset.password.heading': 'Choose a new password',
  'reset.password.newLabel': 'New password',
  /** {min} */
  'reset.password.newHint': 'At least {min} characters.',
  'reset.password.confirmLabel': 'Confirm new password',
  'reset.password.required': 'Enter a new password',
  /** {min} */
  'reset.password.tooShort': 'At least {min} characters',
  'reset.password.confirmRequired': 'Enter the new password again',
  'reset.password.mismatch': "The passwords don't match",
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
  'reset.phoneLink.heading': 'Check your messages',
  /** {address} */
  'reset.phoneLink.sent': 'If an account uses {address}, we sent it a text message with a link.',
  'reset.code.heading': 'Enter the code',
  /** {address} */
  'reset.code.description': 'If an account uses {address}, we sent it a code. Enter it here.',
  'reset.done.heading': 'Password changed',
  'reset.done.description': 'Your password has been changed.',
  'reset.done.devicesSignedOut': 'Your other devices were signed out.',
  'reset.done.devicesKept': 'Your other devices are still signed in.',

  // Screens shown instead of a form the server would refuse.
  'unavailable.threepidChangesDisabled.heading': "Email and phone can't be changed here",
  'unavailable.threepidChangesDisabled.description':
    "Your server doesn't allow adding email addresses or phone numbers from this app. Your server's admin may be able to help.",
  'unavailable.passwordChangeDisabled.heading': "Password reset isn't available",
  'unavailable.passwordChangeDisabled.description':
    "Your server doesn't allow changing passwords here. Your server's admin may be able to help.",
  'unavailable.emailNotSupported.heading': "Email isn't available",
  'unavailable.emailNotSupported.description':
    "Your server isn't set up to send emails, so it can't verify an email address.",
  'unavailable.phoneNotSupported.heading': "Phone numbers aren't available",
  'unavailable.phoneNotSupported.description':
    "Your server isn't set up to send text messages, so it can't verify a phone number.",
  'unavailable.notOffered.heading': 'Not available on this server',
  'unavailable.notOffered.description': "Your server doesn't support this.",
  'unavailable.notOffered.resetPhone': "Your server doesn't support resetting a password with a phone number.",
  'unavailable.useEmail': 'Use email instead',

  // One message per FlowErrorKind (see errorMessage.ts).
  'errors.threepidInUse': 'This is already linked to an account. Use a different one.',
  'errors.threepidNotFound': "We couldn't find an account with that. Check it, or try a different one.",
  'errors.threepidDenied': "Your server doesn't accept this one. Use a different one.",
  'errors.mediumNotSupported': "Your server isn't set up to send this kind of message.",
  'errors.invalidAddress': "Your server didn't accept this. Check it for typos.",
  'errors.serverNotTrusted': "Your server refused to send the message. Your server's admin may be able to help.",
  /** {seconds} (and {minutes}) */
  'errors.rateLimited': 'Too many attempts. Try again in {seconds} seconds.',
  /** {minutes} (and {seconds}); used when the wait is longer than 90 seconds. */
  'errors.rateLimitedMinutes': 'Too many attempts. Try again in {minutes} minutes.',
  'errors.rateLimitedUnknown': 'Too many attempts. Wait a little, then try again.',
  'errors.notYetValidated':
    "We can't see that you've confirmed yet. Open the link we sent, follow the page it opens, then try again.",
  'errors.invalidCode': "That code isn't right. Check it and try again.",
  'errors.sessionExpired': 'This code or link has expired. Start again to get a new one.',
  'errors.wrongPassword': "That password isn't right. Try again.",
  'errors.weakPassword': "This password isn't strong enough. Choose a stronger one.",
  /** {reason} */
  'errors.weakPasswordReason': "This password isn't strong enough. Your server says: “{reason}”",
  'errors.notOffered': "Your server doesn't support this.",
  'errors.forbidden': "Your server doesn't allow this. Your server's admin may be able to help.",
  'errors.loggedOut': 'Your session has ended. Sign in again, then try again.',
  'errors.authCancelled': "You didn't finish confirming. Try again when you're ready.",
  'errors.popupBlocked': 'Your browser blocked the window. Allow pop-ups for this site, then try again.',
  'errors.invalidSubmitUrl':
    "Your server gave an address for checking the code that isn't safe to use, so the code was not sent.",
  'errors.offline': "Can't reach your server. Check your connection and try again.",
  'errors.timeout': 'Your server took too long to answer. Try again.',
  'errors.server': 'Something went wrong on your server. Try again in a moment.',
  'errors.unknown': 'Something went wrong. Try again.',
  /** {reason} */
  'errors.unknownReason': 'Something went wrong. Your server says: “{reason}”',
} as const;

/** The shape of a full message table: translators get key checking, values are free strings. */
export type Messages = { -readonly [K in keyof typeof en]: string };

/** The name of one message, e.g. `'addEmail.submit'`. */
export type MessageKey = keyof Messages;

/** Values for a message's `{placeholders}`. */
export type MessageValues = Partial<Record<Placeholder, string | number>>;
