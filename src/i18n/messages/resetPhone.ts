/** Messages only a `<ResetPasswordFlow>` offering phone numbers shows: they come with `phoneForm`. */
export const resetPhoneMessages = {
  'reset.phone.description': 'Enter the phone number linked to your account.',
  'reset.medium.label': 'Reset with',
  'reset.medium.email': 'Use email',
  'reset.medium.phone': 'Use phone number',
  'reset.submitPhone': 'Send code',
  'reset.phoneLink.heading': 'Check your messages',
  /** {address} */
  'reset.phoneLink.sent': 'If an account uses {address}, we sent it a text message with a link.',
  'unavailable.notOffered.resetPhone': "Your server doesn't support resetting a password with a phone number.",
  'unavailable.useEmail': 'Use email instead',
} as const;
