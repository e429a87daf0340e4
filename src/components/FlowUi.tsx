import { createContext, useContext } from 'react';
import type { Messages } from '../i18n/en';
import type { Locale } from '../i18n/locale';
import type { Translate, TranslateParts } from '../i18n/lookup';
import type { ClassNames, PartName } from './anatomy';

/** Attributes every kit element carries. */
export interface PartAttributes {
  'data-threepid-part': PartName;
  'data-state'?: string | undefined;
  className?: string | undefined;
  /** The root's, when a locale is chosen. */
  lang?: string | undefined;
  dir?: Locale['dir'] | undefined;
}

/** The translator and part helper a flow gives its parts. */
export interface FlowUiValue {
  t: Translate;
  /** Like `t`, keeping filled placeholders apart (to wrap an address in `<bdi>`). */
  tParts: TranslateParts;
  part(name: PartName, state?: string): PartAttributes;
  /** The BCP 47 tag of the flow's language (`en` unless a locale is chosen), for `Intl` formatting. */
  lang: string;
}

/** Set by `FlowRoot`; parts are internal and only ever rendered below it. */
export const FlowUiContext = createContext<FlowUiValue | null>(null);

/** Props every flow component takes for text and styling. */
export interface FlowUiProps {
  /** Overrides for any subset of the messages (on top of the provider's). */
  messages?: Partial<Messages> | undefined;
  /** The language (e.g. `de` from `matrix-threepid-kit/locales/de`); default: the provider's, else English. */
  locale?: Locale | undefined;
  /** Extra class names per part, for utility-class styling. */
  classNames?: ClassNames | undefined;
  /** Ship no kit class names: style only through your own `classNames` and the data attributes. */
  unstyled?: boolean | undefined;
}

/** The translator and part helper of the enclosing flow. */
export function useFlowUi(): FlowUiValue {
  const value = useContext(FlowUiContext);
  // Only a kit bug gets here (parts are not exported). No `process.env` check: nothing else in the kit needs a bundler to define it.
  if (!value) throw new Error('matrix-threepid-kit: flow parts must be rendered inside a flow component.');
  return value;
}
