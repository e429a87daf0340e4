import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Messages } from '../i18n/en';
import { translatorsFor, type Translate, type TranslateParts } from '../i18n/lookup';
import { useThreepidContext } from '../react/ThreepidProvider';
import { partProps, type ClassNames, type PartName } from './anatomy';

/** Attributes every kit element carries. */
export interface PartAttributes {
  'data-threepid-part': PartName;
  'data-state'?: string;
  className?: string;
}

interface FlowUiValue {
  t: Translate;
  /** Like `t`, keeping filled placeholders apart (to wrap an address in `<bdi>`). */
  tParts: TranslateParts;
  part(name: PartName, state?: string): PartAttributes;
}

const FlowUiContext = createContext<FlowUiValue | null>(null);

/** Props every flow component takes for text and styling. */
export interface FlowUiProps {
  /** Overrides for any subset of the messages (on top of the provider's). */
  messages?: Partial<Messages>;
  /** Extra class names per part, for utility-class styling. */
  classNames?: ClassNames;
  /** Ship no kit class names: style only through your own `classNames` and the data attributes. */
  unstyled?: boolean;
}

/** What a flow component gives its parts besides the host's props. */
export interface FlowDefaults {
  /** The English this flow can show (only its own messages, so it bundles no other flow's text). */
  defaults: Partial<Messages>;
}

/** Gives the parts of one flow its translator and part attributes. */
export function FlowUiProvider({ defaults, messages, classNames, unstyled, children }: FlowUiProps & FlowDefaults & { children: ReactNode }): ReactNode {
  const providerMessages = useThreepidContext()?.messages;
  const value = useMemo<FlowUiValue>(() => {
    return {
      ...translatorsFor(defaults, [providerMessages, messages]),
      part: (name, state) => ({ ...partProps(name, classNames, unstyled), ...(state ? { 'data-state': state } : {}) }),
    };
  }, [defaults, providerMessages, messages, classNames, unstyled]);
  return <FlowUiContext.Provider value={value}>{children}</FlowUiContext.Provider>;
}

/** The translator and part helper of the enclosing flow. */
export function useFlowUi(): FlowUiValue {
  const value = useContext(FlowUiContext);
  if (!value) throw new Error('matrix-threepid-kit: flow parts must be rendered inside a flow component.');
  return value;
}
