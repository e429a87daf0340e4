import { describe, expect, it } from 'vitest';
import { requestEmailToken } from './support/flows';
import { secret, startFake } from './support/harness';

describe('requestToken rate limit', () => {
  it('should allow a burst of 5 per address, then answer 429 with retry_after_ms and Retry-After', async () => {
    const h = await startFake({ now: () => 1_700_000_000_000 });
    const clientSecret = secret();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await requestEmailToken(h, 'account/3pid', 'burst@example.org', clientSecret, attempt)).status).toBe(200);
    }
    const limited = await requestEmailToken(h, 'account/3pid', 'burst@example.org', clientSecret, 6);
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ errcode: 'M_LIMIT_EXCEEDED', error: expect.any(String), retry_after_ms: 300_000 });
    expect(limited.headers.get('retry-after')).toBe('300');
    expect(h.hs.inbox.all()).toHaveLength(5);
  });

  it('should count retries that send nothing, like Synapse', async () => {
    const h = await startFake({ rateLimit: { burst: 2, refillMs: 1_000 }, now: () => 0 });
    const clientSecret = secret();
    await requestEmailToken(h, 'account/3pid', 'same@example.org', clientSecret, 1);
    await requestEmailToken(h, 'account/3pid', 'same@example.org', clientSecret, 1);
    expect((await requestEmailToken(h, 'account/3pid', 'same@example.org', clientSecret, 1)).status).toBe(429);
  });

  it('should allow one more request per refill period', async () => {
    let now = 0;
    const h = await startFake({ rateLimit: { burst: 1, refillMs: 10_000 }, now: () => now });
    const clientSecret = secret();
    await requestEmailToken(h, 'account/3pid', 'refill@example.org', clientSecret, 1);
    now = 4_000;
    const early = await requestEmailToken(h, 'account/3pid', 'refill@example.org', clientSecret, 2);
    expect(early.status).toBe(429);
    expect(early.json.retry_after_ms).toBe(6_000);
    expect(early.headers.get('retry-after')).toBe('6');
    now = 10_000;
    expect((await requestEmailToken(h, 'account/3pid', 'refill@example.org', clientSecret, 2)).status).toBe(200);
  });

  it('should limit per client across addresses (x-forwarded-for identifies the client)', async () => {
    const h = await startFake({ rateLimit: { burst: 2, refillMs: 60_000 }, now: () => 0 });
    const send = (email: string, ip: string) =>
      h.post(
        '/account/3pid/email/requestToken',
        { client_secret: secret(), email, send_attempt: 1 },
        { headers: { 'X-Forwarded-For': ip } },
      );
    expect((await send('a@example.org', '10.0.0.1')).status).toBe(200);
    expect((await send('b@example.org', '10.0.0.1')).status).toBe(200);
    expect((await send('c@example.org', '10.0.0.1')).status).toBe(429);
    expect((await send('c@example.org', '10.0.0.2')).status).toBe(200);
  });

  it('should not limit at all with rateLimit false', async () => {
    const h = await startFake({ rateLimit: false });
    const clientSecret = secret();
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      expect((await requestEmailToken(h, 'account/3pid', 'free@example.org', clientSecret, attempt)).status).toBe(200);
    }
  });
});
