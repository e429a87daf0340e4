/** Messages of the email address field and of waiting for an email (add and reset). */
export const emailMessages = {
  'common.changeEmail': 'Use a different email address',
  'common.resendEmail': 'Resend email',
  /** {address} */
  'common.emailSent': 'Email sent to {address}.',
  'common.emailResent': 'New email sent.',
  'email.label': 'Email address',
  'email.placeholder': 'name@example.com',
  'email.required': 'Enter an email address.',
  'email.invalid': 'Enter an email address like name@example.com.',
  /** {address}: the typed address with a well-known domain put right; shown as a button that fixes it. */
  'email.suggestion': 'Did you mean {address}?',
  /** {service}: a webmail service's own name (Gmail, Outlook, …), not translated. */
  'email.openWebmail': 'Open {service}',
  'unavailable.emailNotSupported.heading': "Email isn't available",
  'unavailable.emailNotSupported.description':
    "Your server isn't set up to send emails, so it can't verify an email address.",
} as const;
