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
