/**
 * Every part a flow renders. Each element carries `data-threepid-part="<name>"`; styling, tests and host CSS hook
 * onto these names, so they are a public, stable contract.
 *
 * - `phoneInput` is react-phone-number-input's container. Inside it, `country` holds the native `<select>`
 *   (`countrySelect`, one `countryOption` per country), then the `flag` box (the bundled inline SVG flag, whose
 *   inner shapes carry no part), the `dialCode` (+44) and the `countryArrow`; the number field is an `input`.
 * - `password` wraps a password `input` and its `passwordToggle`.
 * - `checkboxLabel` is the `<label>` row holding a `checkbox` (the native input) and its text.
 * - `mediumSwitch` groups the `mediumOption` buttons (email / phone) of the reset flow.
 * - `success` is the done screen's mark (drawn by CSS); `skeleton` the placeholder, as tall as a form, shown while the server is asked what it supports.
 * - `address` is the email or phone number shown inside a sentence (render it in `<bdi>` so it reads right in RTL).
 * - `subheading` titles a part of a screen (e.g. "While you wait: confirm it's you" on the link screen).
 * - `list` / `listItem`: the account's current addresses on an OAuth-era server; `accountLink` opens its account page.
 */
export const parts = [
  'root',
  'header',
  'heading',
  'description',
  'address',
  'form',
  'field',
  'label',
  'input',
  'phoneInput',
  'country',
  'countrySelect',
  'countryOption',
  'flag',
  'dialCode',
  'countryArrow',
  'hint',
  'fieldError',
  'alert',
  'status',
  'actions',
  'button',
  'link',
  'resend',
  'countdown',
  'code',
  'password',
  'passwordToggle',
  'checkbox',
  'checkboxLabel',
  'warning',
  'mediumSwitch',
  'mediumOption',
  'spinner',
  'success',
  'skeleton',
  'footer',
  'subheading',
  'list',
  'listItem',
  'accountLink',
] as const;

/** The name of one part, e.g. `'heading'`. */
export type PartName = (typeof parts)[number];

/** Extra class names per part, for utility-class users. */
export type ClassNames = Partial<Record<PartName, string>>;

/**
 * The `data-state` values a part can carry (parts not listed have none). Two are open-ended: `root` carries the
 * flow step (`FlowStep`: `checking`, `enterAddress`, `awaitingLink`, `done`, …) and `alert` the `FlowErrorKind`.
 */
export const partStates = {
  button: ['busy', 'idle'],
  field: ['invalid', 'valid'],
  resend: ['cooling', 'ready'],
  passwordToggle: ['shown', 'hidden'],
  mediumOption: ['on', 'off'],
} as const satisfies Partial<Record<PartName, readonly string[]>>;

/** `data-variant` on a `button`: `primary` (default, may be omitted) or `secondary` (e.g. Cancel). */
export type ButtonVariant = 'primary' | 'secondary';

/** The props `partProps` returns, ready to spread on an element. */
export interface PartProps {
  'data-threepid-part': PartName;
  className?: string | undefined;
}

/**
 * The attributes of one part: its `data-threepid-part`, the kit class `threepid-<part>` (left out when
 * `unstyled`) and the host's own class for it. The data attribute stays even when unstyled, for tests and host CSS.
 */
export function partProps(part: PartName, classNames?: ClassNames, unstyled?: boolean): PartProps {
  const className = [unstyled ? '' : `threepid-${part}`, classNames?.[part]?.trim()].filter(Boolean).join(' ');
  return { 'data-threepid-part': part, ...(className && { className }) };
}
