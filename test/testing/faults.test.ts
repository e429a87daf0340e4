import { describe, expect, it } from 'vitest';
import { field, requestEmailToken } from './support/flows';
import { secret, startFake } from './support/harness';

describe('fault injection', () => {
  it('should delay the answer with latency', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'latency', ms: 120 });
    const started = performance.now();
    const res = await requestEmailToken(h, 'account/3pid', 'slow@example.org', secret());
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('should answer 500 M_UNKNOWN like an SMTP failure, and let a retry with the same send_attempt deliver', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'status500' });
    const clientSecret = secret();
    const failed = await requestEmailToken(h, 'account/3pid', 'smtp@example.org', clientSecret, 1);
    expect(failed.status).toBe(500);
    expect(failed.json.errcode).toBe('M_UNKNOWN');
    expect(h.hs.inbox.all()).toEqual([]);
    const retried = await requestEmailToken(h, 'account/3pid', 'smtp@example.org', clientSecret, 1);
    expect(retried.status).toBe(200);
    expect(h.hs.inbox.latest('smtp@example.org')?.sid).toBe(field(retried, 'sid'));
  });

  it('should answer a 502 HTML page', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'capabilities', kind: 'html502' });
    const res = await h.get('/capabilities', { token: h.hs.users.get('alice')?.accessToken ?? '' });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('502 Bad Gateway');
  });

  it('should answer malformed JSON', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'whoami', kind: 'malformedJson' });
    const res = await h.get('/account/whoami', { token: h.hs.users.get('alice')?.accessToken ?? '' });
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text)).toThrow();
  });

  it('should fail the connection with networkError', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'submitToken', kind: 'networkError' });
    await expect(h.call('POST', `${h.url}/_matrix/client/unstable/add_threepid/msisdn/submit_token`, {
      body: { sid: 'abc', client_secret: 'def', token: '123456' },
    })).rejects.toThrow(TypeError);
    expect(h.hs.requests.at(-1)).toMatchObject({ endpoint: 'submitToken', status: 0, fault: 'networkError' });
  });

  it('should hang until the client aborts, then keep serving', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'threepidAdd', kind: 'hang' });
    const controller = new AbortController();
    const pending = h.post('/account/3pid/add', { sid: 'abc', client_secret: 'def' }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => h.hs.requests.count({ endpoint: 'threepidAdd', status: 0 })).toBe(1);
    const after = await h.post('/account/3pid/add', { sid: 'abc', client_secret: 'def' });
    expect(after.status).toBe(401);
  });

  it('should answer 429 with Retry-After and retry_after_ms with rateLimit', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'password', kind: 'rateLimit', retryAfterMs: 2_500 });
    const res = await h.post('/account/password', { new_password: 'a long new password' });
    expect(res.status).toBe(429);
    expect(res.json).toMatchObject({ errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 2_500 });
    expect(res.headers.get('retry-after')).toBe('3');
  });

  it('should answer any Matrix error with matrixError', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'matrixError', status: 400, errcode: 'M_THREEPID_MEDIUM_NOT_SUPPORTED' });
    const res = await requestEmailToken(h, 'account/3pid', 'x@example.org', secret());
    expect(res.status).toBe(400);
    expect(res.json.errcode).toBe('M_THREEPID_MEDIUM_NOT_SUPPORTED');
  });

  it('should hit the next N calls only, then answer normally', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'status500', times: 2 });
    const clientSecret = secret();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await requestEmailToken(h, 'account/3pid', 'n@example.org', clientSecret)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('should hit every call with times Infinity until cleared, and only the targeted endpoint', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: 'requestToken', kind: 'status500', times: Infinity });
    const clientSecret = secret();
    for (let i = 0; i < 3; i += 1) {
      expect((await requestEmailToken(h, 'account/3pid', 'inf@example.org', clientSecret)).status).toBe(500);
    }
    expect((await h.get('/login')).status).toBe(200);
    h.hs.faults.clear();
    expect((await requestEmailToken(h, 'account/3pid', 'inf@example.org', clientSecret)).status).toBe(200);
  });

  it('should hit any endpoint with *, and stop when the returned remover is called', async () => {
    const h = await startFake();
    const remove = h.hs.faults.inject({ endpoint: '*', kind: 'status500', times: Infinity });
    expect((await h.get('/login')).status).toBe(500);
    expect(h.hs.requests.at(-1)?.fault).toBe('status500');
    remove();
    expect((await h.get('/login')).status).toBe(200);
  });

  it('should not let a preflight use up a fault meant for the request after it', async () => {
    const h = await startFake();
    h.hs.faults.inject({ endpoint: '*', kind: 'status500' });
    expect((await h.call('OPTIONS', `${h.api}/login`)).status).toBe(204);
    expect((await h.get('/login')).status).toBe(500);
  });
});
