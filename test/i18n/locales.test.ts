import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../src/i18n/en';
import { formatMessage } from '../../src/i18n/format';
import type { Locale } from '../../src/i18n/locale';
import { messageShape } from './support/messageShape';

// Every file in src/i18n/locales is a locale: a new one is held to the same rules without being listed here.
const modules = import.meta.glob<{ default: Locale } & Record<string, Locale>>('../../src/i18n/locales/*.ts', { eager: true });
const locales = Object.entries(modules).map(([path, module]) => ({ file: path.replace(/^.*\/|\.ts$/g, ''), module }));

/** The languages issue #14 asks for, at least. */
const required = ['de', 'fr', 'es', 'it', 'nl', 'pl', 'pt-BR', 'ru', 'uk', 'cs', 'sv', 'zh-Hans', 'ja', 'ko', 'ar', 'he'];
const rightToLeft = new Set(['ar', 'he']);

/**
 * Messages a locale may leave exactly as in English, and why. Anything else equal to English is an untranslated
 * message and fails.
 */
const sameAsEnglish: Partial<Record<MessageKey, { locales: string[]; why: string }>> = {
  'email.placeholder': {
    locales: ['*'],
    why: 'example.com is reserved for examples (RFC 2606); a localized domain could be someone’s real one',
  },
  'phone.international': { locales: ['de', 'fr'], why: 'the same word, "International", in German and French' },
  'auth.password.label': { locales: ['it'], why: 'Italian interfaces say "password", the English loanword' },
};

const root = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(resolve(root, path), 'utf8');
const englishKeys = Object.keys(en).sort() as MessageKey[];
// Numbers that land on every plural category of every language here (0, 1, 2, 3–4, 5–20, 21, 22, 100, 101, 102, 111).
const counts = [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 102, 111];

describe('locales', () => {
  it('should include every language the kit promises, each once', () => {
    expect(locales.map(({ module }) => module.default.tag).sort()).toEqual([...required].sort());
  });

  it('should build and export every locale file as its own entry, `matrix-threepid-kit/locales/<tag>`', () => {
    const pkg = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };
    expect(pkg.exports['./locales/*']).toEqual({ types: './dist/i18n/locales/*.d.ts', import: './dist/locales/*.js' });
    expect(read('vite.config.ts')).toContain('src/i18n/locales');
  });
});

describe.each(locales)('locale $file', ({ file, module }) => {
  const locale = module.default;
  const messages = locale.messages as Record<string, unknown>;
  const text = (key: MessageKey): string => String(messages[key]);

  it('should be named for its tag, exported by name and by default', () => {
    expect(locale.tag).toBe(file);
    expect(Intl.getCanonicalLocales(locale.tag)).toEqual([locale.tag]);
    expect(Object.values(module).every((value) => value === locale)).toBe(true);
  });

  it('should write in the direction of its language', () => {
    expect(locale.dir).toBe(rightToLeft.has(locale.tag) ? 'rtl' : 'ltr');
  });

  it('should have every English key and no other (a new English key fails here, by name)', () => {
    const keys = Object.keys(messages);
    const missing = englishKeys.filter((key) => !keys.includes(key)).map((key) => `${file}: missing ${key}`);
    const extra = keys.filter((key) => !Object.hasOwn(en, key)).map((key) => `${file}: unknown ${key}`);
    expect([...missing, ...extra]).toEqual([]);
  });

  it('should give every message a non-empty text without markup', () => {
    const bad = englishKeys.filter((key) => typeof messages[key] !== 'string' || text(key).trim() === '' || /[<>]/.test(text(key)));
    expect(bad.filter((key) => Object.hasOwn(messages, key))).toEqual([]);
  });

  it('should use the same placeholders as English in every message', () => {
    const differ = englishKeys
      .filter((key) => Object.hasOwn(messages, key))
      .filter((key) => messageShape(text(key)).placeholders.join() !== messageShape(en[key]).placeholders.join())
      .map((key) => `${file} ${key}: ${messageShape(text(key)).placeholders.join()} ≠ ${messageShape(en[key]).placeholders.join()}`);
    expect(differ).toEqual([]);
  });

  it("should count with every plural category the language has, wherever English counts", () => {
    const categories = new Intl.PluralRules(locale.tag).resolvedOptions().pluralCategories;
    const problems = englishKeys
      .filter((key) => Object.hasOwn(messages, key))
      .flatMap((key) => {
        const shape = messageShape(text(key));
        if (shape.malformed) return [`${file} ${key}: malformed braces`];
        const counted = Object.keys(messageShape(en[key]).plurals);
        const uncounted = counted.filter((name) => !shape.plurals[name]).map((name) => `${file} ${key}: {${name}} is not counted with plural`);
        const lacking = Object.entries(shape.plurals).flatMap(([name, forms]) =>
          categories.filter((category) => !forms.includes(category)).map((category) => `${file} ${key}: {${name}} lacks "${category}"`),
        );
        return [...uncounted, ...lacking];
      });
    expect(problems).toEqual([]);
  });

  it('should come out whole for every count, with no ICU syntax left', () => {
    const leftovers = englishKeys
      .filter((key) => Object.hasOwn(messages, key) && Object.keys(messageShape(text(key)).plurals).length > 0)
      .flatMap((key) =>
        counts.map((n) => [key, formatMessage(text(key), { seconds: n, minutes: n, hours: n, min: n, address: 'a@example.org', reason: 'r' }, locale.tag)]),
      )
      .filter(([, out]) => /[{}#]|plural/.test(out ?? ''));
    expect(leftovers).toEqual([]);
  });

  it('should leave no English behind, beyond the allowed and explained exceptions', () => {
    const allowed = (key: MessageKey): boolean => {
      const exception = sameAsEnglish[key];
      return !!exception && (exception.locales.includes('*') || exception.locales.includes(locale.tag));
    };
    const english = englishKeys.filter((key) => messages[key] === en[key] && !allowed(key)).map((key) => `${file}: ${key}`);
    expect(english).toEqual([]);
  });
});
