import type { Decorator } from '@storybook/react-vite';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
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
 * The event `scripts/screenshot.js --steps` sends (detail: a tag) once a story's play function has run, to show the
 * same screen in another language. Storybook's own globals would run the story's loaders again (a fresh fake).
 */
export const STORY_LOCALE_EVENT = 'threepid-story-locale';

/** The toolbar's locale, or the one the screenshot script switched to, for everything inside. */
function StoryLocaleRoot({ chosen, children }: { chosen: string; children: ReactNode }): ReactNode {
  const [switched, setSwitched] = useState<string>();
  useEffect(() => {
    const onSwitch = (event: Event): void => setSwitched(event instanceof CustomEvent ? String(event.detail) : undefined);
    window.addEventListener(STORY_LOCALE_EVENT, onSwitch);
    return () => window.removeEventListener(STORY_LOCALE_EVENT, onSwitch);
  }, []);
  const locale = storyLocales[switched ?? chosen];
  // Always the same element, so a switch re-renders the story instead of mounting it afresh.
  return (
    <StoryLocaleContext.Provider value={locale}>
      <div lang={locale?.tag} dir={locale?.dir}>
        {children}
      </div>
    </StoryLocaleContext.Provider>
  );
}

/**
 * Hands the toolbar's locale to the story's provider, and lays the whole story (inbox and notes too) out in the
 * language's direction, as a host page in that language would.
 */
export const withStoryLocale: Decorator = (Story, context) => (
  <StoryLocaleRoot chosen={String(context.globals.locale)}>
    <Story />
  </StoryLocaleRoot>
);
