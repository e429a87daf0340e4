/** Messages of User-Interactive Auth, when the server asks the person to confirm before adding an address. */
export const authMessages = {
  'auth.heading': "Confirm it's you",
  'auth.password.description': 'Enter your account password to continue.',
  'auth.password.label': 'Password',
  'auth.password.required': 'Enter your password.',
  'auth.password.submit': 'Confirm',
  'auth.sso.description': 'To continue, confirm with single sign-on.',
  'auth.sso.button': 'Continue with single sign-on',
  'auth.fallback.description': 'Your server needs you to confirm on its own page.',
  'auth.fallback.button': 'Continue in a new window',
  'auth.window.hint': "A window will open. Finish there, then you'll come back here.",
  'auth.window.waiting': 'Waiting for you to finish in the other window…',
  'auth.window.reopen': 'Open the window again',
  'auth.fallback.unavailable': "Your server didn't give a way to confirm here. Try again to ask it once more.",
  'auth.retry': 'Try again',
  'auth.host.waiting': 'Waiting for you to confirm…',
} as const;
