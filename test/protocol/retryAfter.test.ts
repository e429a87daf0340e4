import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/protocol/retryAfter';

const now = Date.parse('2026-01-01T12:00:00Z');

describe('retryAfterMs', () => {
  it('should read delta seconds', () => {
    expect(retryAfterMs('120', undefined, now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', 5, now)).toBe(0);
  });

  it('should keep a retry_after_ms of 0 as no wait, not as no answer', () => {
    expect(retryAfterMs(null, 0, now)).toBe(0);
  });

  it('should read an HTTP-date relative to now', () => {
    expect(retryAfterMs('Thu, 01 Jan 2026 12:01:30 GMT', undefined, now)).toBe(90_000);
  });

  it('should clamp a date in the past to 0', () => {
    expect(retryAfterMs('Thu, 01 Jan 2026 11:00:00 GMT', 5000, now)).toBe(0);
  });

  it('should prefer the header over retry_after_ms', () => {
    expect(retryAfterMs('3', 9000, now)).toBe(3000);
  });

  it('should use retry_after_ms without a header', () => {
    expect(retryAfterMs(null, 9000, now)).toBe(9000);
  });

  it.each(['', 'soon', '-5', '1.5', '9'.repeat(400)])('should ignore the garbage header %j and use the body', (h) => {
    expect(retryAfterMs(h, 1234, now)).toBe(1234);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '100', null, {}])('should ignore the garbage body value %j', (v) => {
    expect(retryAfterMs(null, v, now)).toBeUndefined();
  });
});
