import { addEmailMessages } from './messages/addEmail';
import { addPhoneMessages } from './messages/addPhone';
import { authMessages } from './messages/auth';
import { capabilitiesMessages } from './messages/capabilities';
import { emailMessages } from './messages/email';
import { errorMessages } from './messages/errors';
import { phoneMessages } from './messages/phone';
import { registerMessages } from './messages/register';
import { resetMessages } from './messages/reset';
import { resetPhoneMessages } from './messages/resetPhone';
import { sharedMessages } from './messages/shared';

/**
 * Every `{placeholder}` a message may use, with what it is filled with. A translation may drop a placeholder but
 * should not invent one: unknown placeholders are shown as typed. A number can pick the wording through ICU's
 * `{seconds, plural, one {# second} other {# seconds}}` (forms `=N` or the language's CLDR categories, `#` is the
 * number written in the language); nothing else of ICU MessageFormat is understood.
 */
export const placeholders = {
  address: 'the email address, or the phone number in international form (+44…), being verified',
  seconds: 'whole seconds to wait, rounded up',
  minutes: 'whole minutes to wait, rounded up (rate limits longer than 90 seconds)',
  hours: 'whole hours to wait, rounded up (rate limits longer than 90 minutes; never more than 24)',
  min: 'the minimum password length',
  service: 'the name of a webmail service (Gmail, Outlook, …), a brand name shown as it is',
  reason: "the server's own short explanation, quoted as it sent it (always English text from the server)",
  host: "the host name of the server that manages the account, e.g. account.example.org",
} as const;

/** A placeholder name, e.g. `address` for `{address}`. */
export type Placeholder = keyof typeof placeholders;

/**
 * The English messages, the one table translators and hosts read. Keys are grouped by the screen that shows them:
 * `common.*` is shared; `email.*`/`phone.*`/`code.*` are form fields used by more than one flow.
 * The text lives in `messages/`, split by the flows that show it, so a flow bundles only its own English.
 * Wording rules: a reset never promises that an account exists (servers may hide that), and the page a link
 * opens is never presented as the last step.
 */
export const en = {
  ...sharedMessages,
  ...capabilitiesMessages,
  ...emailMessages,
  ...phoneMessages,
  ...addEmailMessages,
  ...addPhoneMessages,
  ...authMessages,
  ...resetMessages,
  ...registerMessages,
  ...resetPhoneMessages,
  ...errorMessages,
};

/** The shape of a full message table: translators get key checking, values are free strings. */
export type Messages = { -readonly [K in keyof typeof en]: string };

/** The name of one message, e.g. `'addEmail.submit'`. */
export type MessageKey = keyof Messages;

/** Values for a message's `{placeholders}`. */
export type MessageValues = Partial<Record<Placeholder, string | number>>;
