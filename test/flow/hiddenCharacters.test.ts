// What the screen shows must be what is sent: an address holding a character that renders as nothing (or changes how
// the rest reads) is refused at the flow, with the typed text kept; ordinary text, plain spaces included, goes out.
import { describe, expect, it } from 'vitest';
import { transition } from '../../src/flow/machine';
import { EMAIL, flowConfig, NOW, PHONE, SECRET, started } from './fixtures';

const addEmail = started(flowConfig());
const addPhone = started(flowConfig({ medium: 'msisdn' }));

const hidden: [string, string][] = [
  ['a right-to-left override', '\u202e'],
  ['a zero-width space', '\u200b'],
  ['a NUL', '\u0000'],
  ['a private-use character', '\ue000'],
  ['an unassigned code point', '\u0378'],
  ['a no-break space', '\u00a0'],
  ['a line separator', '\u2028'],
  ['an ideographic space', '\u3000'],
  ['a combining grapheme joiner', '\u034f'],
  ['a Hangul choseong filler', '\u115f'],
  ['a Hangul jungseong filler', '\u1160'],
  ['a Khmer inherent vowel aq', '\u17b4'],
  ['a Khmer inherent vowel aa', '\u17b5'],
  ['the first Mongolian variation selector', '\u180b'],
  ['a Mongolian vowel separator', '\u180e'],
  ['the last Mongolian free variation selector', '\u180f'],
  ['a blank braille pattern', '\u2800'],
  ['a Hangul filler', '\u3164'],
  ['the first variation selector', '\ufe00'],
  ['the last variation selector', '\ufe0f'],
  ['a halfwidth Hangul filler', '\uffa0'],
];

describe('hidden characters in what the person typed', () => {
  it.each(hidden)('should refuse an email address holding %s, keep it and send nothing', (_name, char) => {
    const address = `alice${char}@example.org`;
    const next = transition(addEmail, { type: 'ADDRESS.SUBMIT', address, clientSecret: SECRET, now: NOW });
    expect(next).toMatchObject({ step: 'enterAddress', error: { kind: 'hiddenCharacters' }, draft: { address } });
  });

  it.each(hidden)('should refuse a phone number holding %s', (_name, char) => {
    const phoneNumber = `7700${char}900123`;
    const next = transition(addPhone, { type: 'ADDRESS.SUBMIT', ...PHONE, phoneNumber, clientSecret: SECRET, now: NOW });
    expect(next).toMatchObject({ step: 'enterAddress', error: { kind: 'hiddenCharacters' }, draft: { phoneNumber } });
  });

  it.each([
    ['a plain address', EMAIL],
    ['accented letters', 'josé@exämple.org'],
    ['a non-Latin script', 'алиса@пример.рф'],
    ['an emoji', 'alice😀@example.org'],
    ['a plain space', 'alice @example.org'],
  ])('should send %s as typed', (_name, address) => {
    const next = transition(addEmail, { type: 'ADDRESS.SUBMIT', address, clientSecret: SECRET, now: NOW });
    expect(next).toMatchObject({ step: 'requesting', draft: { address } });
    expect(next.error).toBeUndefined();
  });

  it('should send a phone number written with plain spaces', () => {
    const next = transition(addPhone, { type: 'ADDRESS.SUBMIT', ...PHONE, phoneNumber: '7700 900 123', clientSecret: SECRET, now: NOW });
    expect(next).toMatchObject({ step: 'requesting', draft: { phoneNumber: '7700 900 123' } });
  });
});
