import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Messages } from '../i18n/en';
import type { HostTranslate, Locale } from '../i18n/locale';
import type { ThreepidClient } from '../protocol/types';

interface ThreepidContextValue {
  client: ThreepidClient;
  messages: Partial<Messages> | undefined;
  locale?: Locale | undefined;
  translate?: HostTranslate | undefined;
}

const ThreepidContext = createContext<ThreepidContextValue | null>(null);

/** Props of `<ThreepidProvider>`. */
export interface ThreepidProviderProps {
  /** The protocol client every flow below uses (`createThreepidClient` or `fromMatrixClient`). */
  client: ThreepidClient;
  /** A react-query client; default: the host's `QueryClientProvider`, else one of our own. */
  queryClient?: QueryClient | undefined;
  /** Overrides for any subset of the English messages. */
  messages?: Partial<Messages> | undefined;
  /** The flows' language (e.g. `de` from `matrix-threepid-kit/locales/de`): messages, plurals, numbers, country names. */
  locale?: Locale | undefined;
  /** The host's translator as the message source (i18next, react-intl, Lingui…); `messages` still win over it. */
  translate?: HostTranslate | undefined;
  children?: ReactNode | undefined;
}

/** Gives every flow below it a protocol client, messages, and a react-query client. */
export function ThreepidProvider({ client, queryClient, messages, locale, translate, children }: ThreepidProviderProps): ReactNode {
  const hostQueryClient = useContext(QueryClientContext);
  // Made even when unused (never mounted, so it holds nothing), so a host that stops passing its client midway keeps
  // working flows. No defaults: the kit's query and mutations set retry themselves (useThreepidFlow).
  const [ownQueryClient] = useState(() => new QueryClient());
  const value = useMemo(() => ({ client, messages, locale, translate }), [client, messages, locale, translate]);
  const inner = <ThreepidContext.Provider value={value}>{children}</ThreepidContext.Provider>;
  const chosen = queryClient ?? (hostQueryClient ? undefined : ownQueryClient);
  return chosen ? <QueryClientProvider client={chosen}>{inner}</QueryClientProvider> : inner;
}

/** The nearest provider's client, messages and language, or null outside any provider. */
export function useThreepidContext(): ThreepidContextValue | null {
  return useContext(ThreepidContext);
}

/** The protocol client: the explicit one if given, else the provider's. Throws a clear error when neither exists. */
export function useThreepidClient(client?: ThreepidClient): ThreepidClient {
  const context = useContext(ThreepidContext);
  const chosen = client ?? context?.client;
  if (!chosen) {
    throw new Error('matrix-threepid-kit: wrap the flow in <ThreepidProvider client={…}> or pass a `client` prop.');
  }
  return chosen;
}
