// What the README's snippets take from the host app around them without declaring it. Each snippet is checked
// verbatim, so a name a snippet uses but does not declare must be declared here (and nothing else is).

/** The host's signed-in Matrix session. */
declare const session: { accessToken: string; userId: string };

/** The host's notification helper. */
declare function toast(message: string): void;
