// Phone props as plain strings: the main entry's types must not name react-phone-number-input, which an email-only
// host does not install. Its `Country` and `Labels` values fit these.

/** An ISO-3166 alpha-2 country code, e.g. `GB`. */
export type CountryCode = string;

/** Country names by code (e.g. from `react-phone-number-input/locale/de`). */
export type CountryLabels = Partial<Record<string, string>>;
