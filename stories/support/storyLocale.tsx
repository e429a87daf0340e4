import type { Decorator } from '@storybook/react-vite';
import { createContext, useContext } from 'react';
import type { Locale } from '../../src';

// Every shipped locale, found by file: a new one shows up in the toolbar without being listed here.
const modules = import.meta.glob<{ default: Locale }>('../../src/i18n/locales/*.ts', { eager: true });

/** The kit's locales by tag (`de`, `pt-BR`…); English is the kit's default, no locale at all. */
export const storyLocales: Record<string, Locale> = Object.fromEntries(
  Object.values(modules).map(({ default: locale }) => [locale.tag, locale]),
);

/** The toolbar's locale switch: each language named in itself (Deutsch, العربية…), from `Intl.DisplayNames`. */
export const localeGlobalType = {
  description: 'Language of the flows (sets the provider’s `locale`; ar and he lay out right to left)',
  toolbar: {
    title: 'Locale',
    icon: 'globe',
    dynamicTitle: true,
    items: [
      { value: 'en', title: 'English' },
      ...Object.keys(storyLocales)
        .sort()
        .map((tag) => ({ value: tag, title: new Intl.DisplayNames(tag, { type: 'language' }).of(tag) ?? tag, right: tag })),
    ],
  },
};

const StoryLocaleContext = createContext<Locale | undefined>(undefined);

/** The locale the toolbar chose, for the story's `ThreepidProvider` (undefined: English). */
export function useStoryLocale(): Locale | undefined {
  return useContext(StoryLocaleContext);
}

/**
 * Hands the toolbar's locale to the story's provider, and lays the whole story (inbox and notes too) out in the
 * language's direction, as a host page in that language would.
 */
export const withStoryLocale: Decorator = (Story, context) => {
  const locale = storyLocales[String(context.globals.locale)];
  return (
    <StoryLocaleContext.Provider value={locale}>
      {locale ? (
        <div lang={locale.tag} dir={locale.dir}>
          <Story />
        </div>
      ) : (
        <Story />
      )}
    </StoryLocaleContext.Provider>
  );
};
