import type { MessageKey, Messages, MessageValues } from './en';

/**
 * A language for the flows: its messages, and the tag that picks plural rules, number formatting and country names
 * with them. The kit's own are imported one by one (`matrix-threepid-kit/locales/de`), so a host pays only for those.
 */
export interface Locale {
  /** BCP 47 language tag, e.g. `de`, `pt-BR`, `zh-Hans`. */
  tag: string;
  /** The language's writing direction; the flow's root gets it, with `lang`. */
  dir: 'ltr' | 'rtl';
  /** The messages in this language; a key it lacks falls back to English. */
  messages: Partial<Messages>;
}

/**
 * A host's own translator as the source of the kit's text (i18next's `t`, react-intl's `formatMessage`…): it gets the
 * kit's key and values (numbers as numbers) and returns the finished text, or `undefined` when it has none, so the
 * locale's or English text is used instead.
 */
export type HostTranslate = (key: MessageKey, values: MessageValues) => string | null | undefined;
