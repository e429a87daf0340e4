/** Messages of reading what the server supports, which only the add flows do (a reset has no session to ask with). */
export const capabilitiesMessages = {
  'checking.heading': 'Just a moment',
  'checking.status': 'Checking what your server supports…',
  'unavailable.threepidChangesDisabled.heading': "Email and phone can't be changed here",
  'unavailable.threepidChangesDisabled.description':
    "Your server doesn't allow adding email addresses or phone numbers from this app. Your server's admin may be able to help.",
} as const;
