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
