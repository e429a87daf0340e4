import { describe, expect, it } from 'vitest';
import { en, placeholders, type MessageKey } from '../../src/i18n/en';
import { messageShape } from './support/messageShape';

const entries = Object.entries(en) as Array<[MessageKey, string]>;
const placeholdersIn = (text: string): string[] => messageShape(text).placeholders;

describe('the English table', () => {
  it('should have no empty message', () => {
    const empty = entries.filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('should group every key under a screen, as `screen.name`', () => {
    const screens = new Set(['common', 'checking', 'email', 'phone', 'code', 'addEmail', 'addPhone', 'auth', 'reset', 'registerEmail', 'registerPhone', 'register', 'unavailable', 'errors']);
    const stray = entries.map(([key]) => key).filter((key) => !screens.has(key.split('.')[0] ?? '') || !key.includes('.'));
    expect(stray).toEqual([]);
  });

  it('should only use documented placeholders', () => {
    const undocumented = entries.flatMap(([key, text]) =>
      placeholdersIn(text)
        .filter((name) => !Object.hasOwn(placeholders, name))
        .map((name) => `${key}: {${name}}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('should use every documented placeholder somewhere', () => {
    const used = new Set(entries.flatMap(([, text]) => placeholdersIn(text)));
    expect(Object.keys(placeholders).filter((name) => !used.has(name))).toEqual([]);
  });

  it('should contain no markup, so no message needs to be rendered as HTML', () => {
    expect(entries.filter(([, text]) => /[<>]/.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('should never promise that an account exists in the reset messages that follow sending', () => {
    for (const key of ['reset.link.sent', 'reset.phoneLink.sent', 'reset.code.description'] as const) {
      expect(en[key]).toMatch(/^If an account uses \{address\}/);
    }
  });

  it('should say the page a link opens is not the last step', () => {
    for (const key of ['addEmail.link.instructions', 'addPhone.link.instructions', 'reset.link.instructions'] as const) {
      expect(en[key]).toMatch(/not the last step/);
      expect(en[key]).toMatch(/come back here/);
    }
  });

  it('should name the address the message went to on every screen that waits for it', () => {
    const waiting: MessageKey[] = [
      'addEmail.link.sent',
      'addEmail.code.description',
      'addPhone.link.sent',
      'addPhone.code.description',
      'reset.link.sent',
      'reset.phoneLink.sent',
      'reset.code.description',
      'common.emailSent',
      'common.codeSent',
    ];
    expect(waiting.filter((key) => !en[key].includes('{address}'))).toEqual([]);
  });
});
