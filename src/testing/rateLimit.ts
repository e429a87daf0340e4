/** Rate limit settings: `burst` requests at once, then one more every `refillMs`. */
export interface RateLimitConfig {
  burst: number;
  refillMs: number;
}

/** The outcome of taking one action from a bucket. */
export type RateLimitOutcome = { ok: true } | { ok: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets per key, refilled continuously like Synapse's leaky-bucket rate limiter. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: RateLimitConfig | false,
    private readonly now: () => number,
  ) {}

  /** Takes one action for `key`; when none is left, says how long until one is. */
  take(key: string): RateLimitOutcome {
    if (this.config === false) return { ok: true };
    const { burst, refillMs } = this.config;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) / refillMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) * refillMs) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { ok: true };
  }

  clear(): void {
    this.buckets.clear();
  }
}
