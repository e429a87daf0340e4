import type { MessageKey, Messages, MessageValues } from './en';
import { formatMessage, formatParts, type MessagePart } from './format';
import type { HostTranslate } from './locale';

/** Looks a message up by key and fills its placeholders; a key with no message comes back as itself. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Like `Translate`, but keeps filled placeholders apart so a component can wrap them (e.g. the address in `<bdi>`). */
export type TranslateParts = (key: MessageKey, values?: MessageValues) => MessagePart[];

/** Where text comes from besides the defaults, weakest first: a locale's table, then the host's translator. */
export interface TextSources {
  /** BCP 47 tag for plural rules and numbers; default `en`. */
  tag?: string | undefined;
  /** A locale's messages, under every override. */
  locale?: Partial<Messages> | undefined;
  /** The host's translator, over the locale and under `messages` overrides. */
  translate?: HostTranslate | undefined;
}

// Hosts in plain JS can pass anything; an empty label would leave a control without a name.
const usable = (text: unknown): text is string => typeof text === 'string' && text.trim() !== '';

// Stands for the address while the host's translator words a message, so the finished text can be split around it.
const addressMark = '\uE000';

/**
 * The template for `key`: the host's override when it is a non-empty string, else the default text.
 * Nothing here imports the full English table, so each flow bundles only the defaults it passes in.
 */
export function templateFor(key: MessageKey, overrides: Partial<Messages> | undefined, defaults: Partial<Messages>): string {
  const override: unknown = overrides?.[key];
  if (usable(override)) return override;
  // Only a kit bug (a flow showing a message missing from its defaults) gets here; the key says which one.
  return defaults[key] ?? key;
}

/** `t` and `tParts` over `defaults` (and a locale's table), with any subset overridden; later override tables win. */
export function translatorsFor(
  defaults: Partial<Messages>,
  overrides: Array<Partial<Messages> | undefined>,
  { tag, locale, translate }: TextSources = {},
): { t: Translate; tParts: TranslateParts } {
  // So `[providerMessages, propMessages]` lets a prop beat the provider; a key a later table leaves undefined keeps
  // the earlier table's text.
  const merged: Partial<Messages> = {};
  for (const table of overrides) {
    for (const [key, text] of Object.entries(table ?? {})) if (text !== undefined) merged[key as MessageKey] = text;
  }
  const template = (key: MessageKey): string => templateFor(key, merged, { ...defaults, ...locale });
  // The host's text, unless an override names the key. i18next answers a missing key with the key itself.
  const hosted = (key: MessageKey, values: MessageValues = {}): string | undefined => {
    const text = usable(merged[key]) ? 0 : translate?.(key, values);
    return usable(text) && text !== key ? text : undefined;
  };
  return {
    t: (key, values) => hosted(key, values) ?? formatMessage(template(key), values, tag),
    tParts: (key, values) =>
      hosted(key, { ...values, address: addressMark })
        ?.split(addressMark)
        .flatMap((piece, i): MessagePart[] => (i ? [{ name: 'address', value: String(values?.address) }, piece] : [piece]))
        .filter((part) => part !== '') ?? formatParts(template(key), values, tag),
  };
}
