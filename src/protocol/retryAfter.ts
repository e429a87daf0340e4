/** The longest wait a server can impose (a day): beyond it, a wait is the server's mistake, not a plan. */
export const MAX_WAIT_MS = 86_400_000;

/**
 * How long to wait before retrying, in ms, at most a day. The `Retry-After` header (delta seconds or HTTP-date) wins
 * over the body's `retry_after_ms`; garbage in either is ignored rather than turned into a bogus wait.
 */
export function retryAfterMs(header: string | null, bodyMs: unknown, now = Date.now()): number | undefined {
  const h = header?.trim();
  // Date.parse accepts nearly anything ("-5", "1.5"): only a string with an hh:mm:ss time counts as an HTTP-date.
  const fromHeader = !h ? NaN : /^\d+$/.test(h) ? Number(h) * 1000 : /\d\d:\d\d:\d\d/.test(h) ? Date.parse(h) - now : NaN;
  const ms = Number.isFinite(fromHeader) ? Math.max(0, fromHeader) : Number.isInteger(bodyMs) && (bodyMs as number) >= 0 ? (bodyMs as number) : NaN;
  return Number.isFinite(ms) ? Math.min(ms, MAX_WAIT_MS) : undefined;
}
