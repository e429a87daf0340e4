// What the README's snippets take from the host app around them without declaring it. Each snippet is checked
// verbatim, so a name a snippet uses but does not declare must be declared here (and nothing else is).

/** The host's signed-in Matrix session. */
declare const session: { accessToken: string; userId: string };

/** The host's notification helper. */
declare function toast(message: string): void;

/** The host's protocol client, made once with `createThreepidClient`. */
declare const client: import('matrix-threepid-kit').ThreepidClient;

/** The host's i18next instance (the README's i18next recipe). */
declare const i18n: { exists(key: string, options?: object): boolean; t(key: string, options?: object): string };

/** react-intl's hook, as the host's app has it (the README's react-intl recipe). */
declare function useIntl(): { messages: Record<string, unknown>; formatMessage(descriptor: { id: string }, values?: object): string };

/** Lingui's hook, as the host's app has it (the README's Lingui recipe). */
declare function useLingui(): { i18n: { messages: Record<string, unknown>; _(id: string, values?: object): string } };
