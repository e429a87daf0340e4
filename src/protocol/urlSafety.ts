function protocolOf(url: string): string | undefined {
  try {
    // No base: a relative URL throws, so only absolute URLs pass.
    return new URL(url).protocol;
    // Stryker disable next-line BlockStatement: an emptied catch returns undefined all the same
  } catch {
    return undefined;
  }
}

/**
 * A submit_url may receive the token and client_secret: https only, or http when the homeserver itself is http; no
 * user:password part (fetch refuses one) and at most 2048 characters (what servers and proxies reliably accept).
 */
export function isSafeSubmitUrl(submitUrl: string, baseUrl: string): boolean {
  const p = submitUrl.length <= 2048 && !/^[^/]*\/\/[^/?#]*@/.test(submitUrl) ? protocolOf(submitUrl) : undefined;
  return p === 'https:' || (p === 'http:' && protocolOf(baseUrl) === 'http:');
}

/** next_link ends up as a link the person follows: only http(s). */
export function isValidNextLink(nextLink: string): boolean {
  const p = protocolOf(nextLink);
  return p === 'https:' || p === 'http:';
}
