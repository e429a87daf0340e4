import type { MessageKey, Messages, MessageValues } from './en';
import { formatMessage, formatParts, type MessagePart } from './format';

/** Looks a message up by key and fills its placeholders; a key with no message comes back as itself. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Like `Translate`, but keeps filled placeholders apart so a component can wrap them (e.g. the address in `<bdi>`). */
export type TranslateParts = (key: MessageKey, values?: MessageValues) => MessagePart[];

/**
 * The template for `key`: the host's override when it is a non-empty string, else the default text.
 * Nothing here imports the full English table, so each flow bundles only the defaults it passes in.
 */
export function templateFor(key: MessageKey, overrides: Partial<Messages> | undefined, defaults: Partial<Messages>): string {
  const override: unknown = overrides?.[key];
  // Hosts in plain JS can pass anything; an empty label would leave a control without a name.
  if (typeof override === 'string' && override.trim() !== '') return override;
  // Only a kit bug (a flow showing a message missing from its defaults) gets here; the key says which one.
  return defaults[key] ?? key;
}

/** `t` and `tParts` over `defaults`, with any subset overridden; later override tables win. */
export function translatorsFor(
  defaults: Partial<Messages>,
  overrides: Array<Partial<Messages> | undefined>,
): { t: Translate; tParts: TranslateParts } {
  // So `[providerMessages, propMessages]` lets a prop beat the provider; a key a later table leaves undefined keeps
  // the earlier table's text.
  const merged: Partial<Messages> = {};
  for (const table of overrides) {
    for (const [key, text] of Object.entries(table ?? {})) if (text !== undefined) merged[key as MessageKey] = text;
  }
  const template = (key: MessageKey): string => templateFor(key, merged, defaults);
  return {
    t: (key, values) => formatMessage(template(key), values),
    tParts: (key, values) => formatParts(template(key), values),
  };
}
