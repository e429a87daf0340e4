/**
 * How long to wait before retrying, in ms. The `Retry-After` header (delta seconds or HTTP-date) wins over the
 * body's `retry_after_ms`; garbage in either is ignored rather than turned into a bogus wait.
 */
export function retryAfterMs(header: string | null, bodyMs: unknown, now = Date.now()): number | undefined {
  const h = header?.trim();
  if (h) {
    const ms = /^\d+$/.test(h) ? Number(h) * 1000 : Date.parse(h) - now;
    if (Number.isSafeInteger(ms)) return Math.max(0, ms);
  }
  return typeof bodyMs === 'number' && Number.isSafeInteger(bodyMs) && bodyMs >= 0 ? bodyMs : undefined;
}
