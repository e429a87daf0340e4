import { en, type MessageKey, type Messages } from './en';
import { templateFor, translatorsFor, type Translate, type TranslateParts } from './lookup';

export type { Translate, TranslateParts } from './lookup';

/** The template for `key`: the host's override when it is a non-empty string, else English. */
export function messageTemplate(key: MessageKey, overrides?: Partial<Messages>): string {
  return templateFor(key, overrides, en);
}

/** A `t` function over English with any subset of messages overridden (from the provider and/or a prop). */
export function createTranslator(...overrides: Array<Partial<Messages> | undefined>): Translate {
  return translatorsFor(en, overrides).t;
}

/** The `TranslateParts` counterpart of `createTranslator`. */
export function createPartsTranslator(...overrides: Array<Partial<Messages> | undefined>): TranslateParts {
  return translatorsFor(en, overrides).tParts;
}
