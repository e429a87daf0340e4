import { describe, expect, it } from 'vitest';
import { en, type Messages } from '../../src/i18n/en';
import { createPartsTranslator, createTranslator } from '../../src/i18n/translator';

describe('createTranslator', () => {
  it('should answer English with placeholders filled when nothing is overridden', () => {
    const t = createTranslator();
    expect(t('addEmail.link.sent', { address: 'a@example.org' })).toBe('We sent a link to a@example.org.');
  });

  it('should use an override for its key only', () => {
    const t = createTranslator({ 'common.cancel': 'Annuler' });
    expect(t('common.cancel')).toBe('Annuler');
    expect(t('common.continue')).toBe(en['common.continue']);
  });

  it('should let a later table beat an earlier one, key by key', () => {
    const provider: Partial<Messages> = { 'common.cancel': 'Provider cancel', 'common.continue': 'Provider continue' };
    const prop: Partial<Messages> = { 'common.cancel': 'Prop cancel', 'common.continue': undefined };
    const t = createTranslator(provider, prop);
    expect(t('common.cancel')).toBe('Prop cancel');
    expect(t('common.continue')).toBe('Provider continue');
  });

  it('should fall back to English for an empty or non-string override', () => {
    const broken = { 'common.cancel': '  ', 'common.continue': 42 } as unknown as Partial<Messages>;
    const t = createTranslator(broken);
    expect(t('common.cancel')).toBe('Cancel');
    expect(t('common.continue')).toBe('Continue');
  });

  it('should fill placeholders in overridden messages', () => {
    const t = createTranslator({ 'common.resendIn': 'Encore {seconds} s' });
    expect(t('common.resendIn', { seconds: 12 })).toBe('Encore 12 s');
  });

  it('should give key checking to translators', () => {
    const fr = {
      'common.cancel': 'Annuler',
      // @ts-expect-error — not a message key
      'common.cancle': 'Annuler',
    } satisfies Partial<Messages>;
    expect(createTranslator(fr)('common.cancel')).toBe('Annuler');
  });
});

describe('createPartsTranslator', () => {
  it('should return the address as its own part so it can be isolated for right-to-left text', () => {
    const t = createPartsTranslator({ 'addEmail.done.description': 'تمت إضافة {address}' });
    expect(t('addEmail.done.description', { address: 'a@example.org' })).toEqual([
      'تمت إضافة ',
      { name: 'address', value: 'a@example.org' },
    ]);
  });
});
