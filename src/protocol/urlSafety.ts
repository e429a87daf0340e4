function protocolOf(url: string): string | undefined {
  try {
    // No base: a relative URL throws, so only absolute URLs pass.
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

/** A submit_url may receive the token and client_secret: https only, or http when the homeserver itself is http. */
export function isSafeSubmitUrl(submitUrl: string, baseUrl: string): boolean {
  const p = protocolOf(submitUrl);
  return p === 'https:' || (p === 'http:' && protocolOf(baseUrl) === 'http:');
}

/** next_link ends up as a link the person follows: only http(s). */
export function isValidNextLink(nextLink: string): boolean {
  const p = protocolOf(nextLink);
  return p === 'https:' || p === 'http:';
}
