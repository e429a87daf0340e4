import { describe, expect, it } from 'vitest';
import { generateClientSecret, isValidClientSecret } from '../../src/protocol/clientSecret';

describe('generateClientSecret', () => {
  it('should produce at least 32 characters from the spec alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const s = generateClientSecret();
      expect(s.length).toBeGreaterThanOrEqual(32);
      expect(s).toMatch(/^[0-9a-zA-Z.=_-]+$/);
      expect(isValidClientSecret(s)).toBe(true);
    }
  });

  it('should never repeat over 10,000 calls', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(generateClientSecret());
    expect(seen.size).toBe(10_000);
  });

  it('should use the whole alphabet it draws from, roughly evenly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) for (const ch of generateClientSecret()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    // 64 000 draws over 64 symbols: 1 000 each on average; a biased or truncated mapping shows up here.
    expect(counts.size).toBe(64);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(800);
      expect(n).toBeLessThan(1_200);
    }
  });
});

describe('isValidClientSecret', () => {
  it.each(['a', 'monkeys_are_GREAT', '0123456789.=_-', 'x'.repeat(255)])('should accept %s', (s) => {
    expect(isValidClientSecret(s)).toBe(true);
  });

  it.each(['', 'x'.repeat(256), 'has space', 'slash/', 'plus+', 'émoji', 'new\nline', 'tab\t'])('should reject %j', (s) => {
    expect(isValidClientSecret(s)).toBe(false);
  });

  it.each([undefined, null, 42, {}])('should reject the non-string %j', (v) => {
    expect(isValidClientSecret(v)).toBe(false);
  });
});
