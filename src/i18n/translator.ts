import { en, type MessageKey, type Messages, type MessageValues } from './en';
import { formatMessage, formatParts, type MessagePart } from './format';

/** Looks a message up by key and fills its placeholders. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Like `Translate`, but keeps filled placeholders apart so a component can wrap them (e.g. the address in `<bdi>`). */
export type TranslateParts = (key: MessageKey, values?: MessageValues) => MessagePart[];

/** The template for `key`: the host's override when it is a non-empty string, else English. */
export function messageTemplate(key: MessageKey, overrides?: Partial<Messages>): string {
  const override: unknown = overrides?.[key];
  // Hosts in plain JS can pass anything; an empty label would leave a control without a name.
  return typeof override === 'string' && override.trim() !== '' ? override : en[key];
}

/** A `t` function over English with any subset of messages overridden (from the provider and/or a prop). */
export function createTranslator(...overrides: Array<Partial<Messages> | undefined>): Translate {
  const merged = mergeMessages(overrides);
  return (key, values) => formatMessage(messageTemplate(key, merged), values);
}

/** The `TranslateParts` counterpart of `createTranslator`. */
export function createPartsTranslator(...overrides: Array<Partial<Messages> | undefined>): TranslateParts {
  const merged = mergeMessages(overrides);
  return (key, values) => formatParts(messageTemplate(key, merged), values);
}

// Later tables win, so `createTranslator(providerMessages, propMessages)` lets a prop beat the provider;
// a key a later table leaves undefined keeps the earlier table's text.
function mergeMessages(overrides: Array<Partial<Messages> | undefined>): Partial<Messages> {
  const merged: Partial<Messages> = {};
  for (const table of overrides) {
    if (!table) continue;
    for (const key of Object.keys(table) as MessageKey[]) {
      const text = table[key];
      if (text !== undefined) merged[key] = text;
    }
  }
  return merged;
}
