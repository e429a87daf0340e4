// Which links the client accepts as next_link and submit_url: refusals are in security.test.ts, acceptance here.
import { describe, expect, it } from 'vitest';
import { isSafeSubmitUrl, isValidNextLink } from '../../src/protocol/urlSafety';

describe('isValidNextLink', () => {
  it.each(['https://app.example.org/settings?added=1', 'http://localhost:8080/done'])('should accept %s', (link) => {
    expect(isValidNextLink(link)).toBe(true);
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/x', '/relative/path', ''])('should refuse %s', (link) => {
    expect(isValidNextLink(link)).toBe(false);
  });
});

describe('isSafeSubmitUrl', () => {
  it('should accept an https submit_url from an https or http homeserver', () => {
    expect(isSafeSubmitUrl('https://id.example.net/submit', 'https://hs.example.org')).toBe(true);
    expect(isSafeSubmitUrl('https://id.example.net/submit', 'http://localhost:8008')).toBe(true);
  });

  it('should accept an http submit_url only from an http homeserver', () => {
    expect(isSafeSubmitUrl('http://localhost:8008/submit', 'http://localhost:8008')).toBe(true);
    expect(isSafeSubmitUrl('http://localhost:8008/submit', 'https://hs.example.org')).toBe(false);
    expect(isSafeSubmitUrl('http://localhost:8008/submit', 'not a url')).toBe(false);
  });

  it('should refuse a submit_url that is not an absolute http(s) URL', () => {
    expect(isSafeSubmitUrl('/_matrix/submit', 'https://hs.example.org')).toBe(false);
    expect(isSafeSubmitUrl('data:text/html,x', 'http://localhost:8008')).toBe(false);
  });
});

describe('isSafeSubmitUrl limits', () => {
  const HS = 'https://hs.example.org';
  const ofLength = (n: number): string => {
    const base = 'https://id.example.net/submit?pad=';
    return base + 'a'.repeat(n - base.length);
  };

  it('should accept a submit_url of 2048 characters and refuse one of 2049', () => {
    expect(isSafeSubmitUrl(ofLength(2048), HS)).toBe(true);
    expect(isSafeSubmitUrl(ofLength(2049), HS)).toBe(false);
  });

  it.each(['https://user@id.example.net/submit', 'https://user:pass@id.example.net/submit', 'https://a@id.example.net/'])(
    'should refuse %s, which carries credentials',
    (url) => {
      expect(isSafeSubmitUrl(url, HS)).toBe(false);
    },
  );

  it.each(['https://id.example.net/submit?email=alice@example.org', 'https://id.example.net/submit?next=https://user@example.org'])(
    'should accept %s: an @ after the host is no credential',
    (url) => {
      expect(isSafeSubmitUrl(url, HS)).toBe(true);
    },
  );
});
