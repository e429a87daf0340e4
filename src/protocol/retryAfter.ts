/**
 * How long to wait before retrying, in ms. The `Retry-After` header (delta seconds or HTTP-date) wins over the
 * body's `retry_after_ms`; garbage in either is ignored rather than turned into a bogus wait.
 */
export function retryAfterMs(header: string | null, bodyMs: unknown, now = Date.now()): number | undefined {
  const h = header?.trim();
  if (h) {
    // Date.parse accepts nearly anything ("-5", "1.5"): only a string with an hh:mm:ss time counts as an HTTP-date.
    const ms = /^\d+$/.test(h) ? Number(h) * 1000 : /\d\d:\d\d:\d\d/.test(h) ? Date.parse(h) - now : NaN;
    if (Number.isSafeInteger(ms)) return Math.max(0, ms);
  }
  return typeof bodyMs === 'number' && Number.isSafeInteger(bodyMs) && bodyMs >= 0 ? bodyMs : undefined;
}
