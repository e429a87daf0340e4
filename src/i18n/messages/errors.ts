/** One message per FlowErrorKind (see errorMessage.ts), shared by every flow; the reset-only ones are in reset.ts. */
export const errorMessages = {
  'errors.threepidInUse': 'This is already linked to an account. Use a different one.',
  'errors.threepidDenied': "Your server doesn't accept this one. Use a different one.",
  'errors.mediumNotSupported': "Your server isn't set up to send this kind of message.",
  'errors.invalidAddress': "Your server didn't accept this. Check it for typos.",
  'errors.serverNotTrusted': "Your server refused to send the message. Your server's admin may be able to help.",
  /** {seconds} (and {minutes}) */
  'errors.rateLimited': 'Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  /** {minutes} (and {seconds}); used when the wait is longer than 90 seconds. */
  'errors.rateLimitedMinutes': 'Too many attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
  /** {hours} (and {minutes}, {seconds}); used when the wait is longer than 90 minutes. */
  'errors.rateLimitedHours': 'Too many attempts. Try again in {hours, plural, one {# hour} other {# hours}}.',
  'errors.rateLimitedUnknown': 'Too many attempts. Wait a little, then try again.',
  'errors.notYetValidated':
    "We can't see that you've confirmed yet. Open the link we sent and follow the page it opens.",
  'errors.invalidCode': "That code isn't right or has expired. Check it, or send a new one.",
  'errors.sessionExpired': 'This code or link has expired. Start again to get a new one.',
  'errors.wrongPassword': "That password isn't right. Try again.",
  'errors.notOffered': "Your server doesn't support this.",
  'errors.forbidden': "Your server doesn't allow this. Your server's admin may be able to help.",
  'errors.loggedOut': 'Your session has ended. Sign in again, then try again.',
  'errors.authCancelled': "You didn't finish confirming. Try again when you're ready.",
  'errors.popupBlocked': 'Your browser blocked the window. Allow pop-ups for this site, then try again.',
  'errors.invalidSubmitUrl':
    "Your server gave an address for checking the code that isn't safe to use, so the code was not sent.",
  'errors.hiddenCharacters': 'This has hidden characters, so it may not be what it seems. Type it again yourself.',
  'errors.authLoop': "Your server kept refusing to confirm it's you, so we stopped. Try again later.",
  'errors.misconfigured': "This app isn't set up right, so nothing was sent.",
  'errors.userLocked': 'Your account is locked. Sign in again, then try again.',
  'errors.userSuspended': "Your account is suspended. Your server's admin may be able to help.",
  'errors.userLimitExceeded': "Your account has reached a limit. Your server's admin may be able to help.",
  'errors.offline': "Can't reach your server. Check your connection and try again.",
  'errors.timeout': 'Your server took too long to answer. Try again.',
  'errors.server': 'Something went wrong on your server. Try again in a moment.',
  'errors.unknown': 'Something went wrong. Try again.',
  /** {reason} */
  'errors.unknownReason': 'Something went wrong. Your server says: “{reason}”',
} as const;
