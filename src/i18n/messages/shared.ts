/** Messages every flow can show: busy labels, resend, the code field, and the generic "not available" screen. */
export const sharedMessages = {
  'common.sending': 'Sending…',
  'common.checking': 'Checking…',
  'common.verifying': 'Verifying…',
  'common.cancel': 'Cancel',
  'common.showPassword': 'Show password',
  'common.hidePassword': 'Hide password',
  /** Visible countdown on the resend button while it is cooling down. {seconds} */
  'common.resendIn': 'Resend in {seconds}s',
  /** The countdown for a long server-imposed wait (over a minute and a half): "Resend in 297s" is hard to read. {minutes} */
  'common.resendInMinutes': 'Resend in {minutes} min',
  /** Announced when resend becomes available again. */
  'common.resendReady': 'Resend is available again.',
  'code.label': 'Verification code',
  'code.hint': 'It can take a minute to arrive. Spaces and dashes are fine.',
  'code.required': 'Enter the code.',
  'code.submit': 'Verify',
  'unavailable.notOffered.heading': 'Not available on this server',
  'unavailable.notOffered.description': "Your server doesn't support this.",
} as const;
