import { describe, expect, it } from 'vitest';
import { formatMessage, formatParts } from '../../src/i18n/format';

describe('formatMessage', () => {
  it('should fill every known placeholder, including repeated ones', () => {
    expect(formatMessage('{address} and {address} in {seconds}s', { address: 'a@example.org', seconds: 5 })).toBe(
      'a@example.org and a@example.org in 5s',
    );
  });

  it('should leave unknown placeholders as they are', () => {
    expect(formatMessage('Hi {name}, wait {seconds}s', { seconds: 3 })).toBe('Hi {name}, wait 3s');
    expect(formatMessage('Hi {name}')).toBe('Hi {name}');
  });

  it('should render zero, not drop it', () => {
    expect(formatMessage('{seconds}s', { seconds: 0 })).toBe('0s');
  });

  it('should not expand placeholders that appear inside a value', () => {
    expect(formatMessage('{address}', { address: '{seconds}', seconds: 9 })).toBe('{seconds}');
  });

  it('should keep markup in values as plain text', () => {
    expect(formatMessage('Sent to {address}', { address: '<b>x</b>' })).toBe('Sent to <b>x</b>');
  });

  it('should not treat braces that are not a name as a placeholder', () => {
    expect(formatMessage('{ } {} {a-b}', { a: 1 })).toBe('{ } {} {a-b}');
  });

  it('should not read placeholder names from the prototype', () => {
    expect(formatMessage('{toString}', {})).toBe('{toString}');
  });
});

describe('formatParts', () => {
  it('should keep filled placeholders apart from the text around them', () => {
    expect(formatParts('We sent a link to {address}.', { address: 'a@example.org' })).toEqual([
      'We sent a link to ',
      { name: 'address', value: 'a@example.org' },
      '.',
    ]);
  });

  it('should keep unknown placeholders inside the text', () => {
    expect(formatParts('{address} {other}', { address: 'x' })).toEqual([{ name: 'address', value: 'x' }, ' {other}']);
  });
});

describe('plural blocks', () => {
  const seconds = '{seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}';

  it('should pick the form the language’s plural rules call for', () => {
    expect([1, 2, 5, 21, 22, 25, 111].map((n) => formatMessage(seconds, { seconds: n }, 'ru'))).toEqual([
      '1 секунду',
      '2 секунды',
      '5 секунд',
      '21 секунду',
      '22 секунды',
      '25 секунд',
      '111 секунд',
    ]);
  });

  it('should know Arabic’s six forms', () => {
    const days = '{n, plural, zero {لا أيام} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => formatMessage(days, { n }, 'ar'))).toEqual([
      'لا أيام',
      'يوم واحد',
      'يومان',
      '3 أيام',
      '11 يومًا',
      '100 يوم',
    ]);
  });

  it('should prefer an exact `=N` form to the category', () => {
    expect(formatMessage('{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 })).toBe('none');
    expect(formatMessage('{n, plural, =0 {none} one {# item} other {# items}}', { n: 1 })).toBe('1 item');
  });

  it('should fall back to `other` when the language’s category has no form', () => {
    expect(formatMessage('{n, plural, other {# Zeichen}}', { n: 1 }, 'de')).toBe('1 Zeichen');
  });

  it('should write numbers, counted or not, the way the language does', () => {
    expect(formatMessage('{n} / {n, plural, one {# Minute} other {# Minuten}}', { n: 1234 }, 'de')).toBe('1.234 / 1.234 Minuten');
    expect(formatMessage('{n}', { n: 1234 })).toBe('1,234');
  });

  it('should fill plain placeholders beside a block, and keep them apart as parts', () => {
    expect(formatParts('{n, plural, one {# link} other {# links}} to {address}', { n: 2, address: 'a@b.c' })).toEqual([
      '2 links to ',
      { name: 'address', value: 'a@b.c' },
    ]);
  });

  it('should leave a block as typed when its number is not given', () => {
    expect(formatMessage('{n, plural, one {# item} other {# items}}', {})).toBe('{n, plural, one {# item} other {# items}}');
  });
});
