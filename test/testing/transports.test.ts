import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHomeserver } from '../../src/testing';
import { createMswHandlers } from '../../src/testing/msw';

const requestTokenBody = (email: string): string => JSON.stringify({ client_secret: 'abc', email, send_attempt: 1 });

describe('fetch mode', () => {
  it('should serve requests through hs.fetch without any network', async () => {
    const hs = createFakeHomeserver();
    const res = await hs.fetch('http://localhost:8008/_matrix/client/v3/account/3pid/email/requestToken', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: requestTokenBody('fetch@example.org'),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sid: expect.any(String) });
    expect(hs.inbox.latest('fetch@example.org')?.link?.startsWith('http://localhost:8008/')).toBe(true);
  });

  it('should reject with a TypeError on networkError, like a failed fetch', async () => {
    const hs = createFakeHomeserver();
    hs.faults.inject({ endpoint: 'whoami', kind: 'networkError' });
    await expect(hs.fetch('http://localhost:8008/_matrix/client/v3/account/whoami')).rejects.toBeInstanceOf(TypeError);
  });

  it('should reject when the signal aborts a hanging request', async () => {
    const hs = createFakeHomeserver();
    hs.faults.inject({ endpoint: 'whoami', kind: 'hang' });
    const controller = new AbortController();
    const pending = hs.fetch('http://localhost:8008/_matrix/client/v3/account/whoami', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('should report every exchange to onExchange, raw', async () => {
    const exchanges: unknown[] = [];
    const hs = createFakeHomeserver({ onExchange: (e) => exchanges.push(e) });
    await hs.fetch('http://localhost:8008/_matrix/client/v3/login');
    expect(exchanges).toEqual([
      {
        method: 'GET',
        url: 'http://localhost:8008/_matrix/client/v3/login',
        endpoint: 'login',
        requestContentType: undefined,
        requestBody: undefined,
        status: 200,
        responseContentType: 'application/json',
        responseBody: { flows: [{ type: 'm.login.password' }] },
      },
    ]);
  });

  it('should apply latencyMs to every answer', async () => {
    const hs = createFakeHomeserver({ latencyMs: 60 });
    const started = performance.now();
    await hs.fetch('http://localhost:8008/_matrix/client/v3/login');
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
  });
});

describe('msw handlers', () => {
  const hs = createFakeHomeserver({ baseUrl: 'https://hs.example.test' });
  const server = setupServer(...createMswHandlers(hs));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => hs.reset());
  afterAll(() => server.close());

  it('should answer requests under baseUrl through the global fetch', async () => {
    const res = await fetch('https://hs.example.test/_matrix/client/v3/account/3pid/email/requestToken', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: requestTokenBody('msw@example.org'),
    });
    expect(res.status).toBe(200);
    expect(hs.inbox.latest('msw@example.org')?.link?.startsWith('https://hs.example.test/')).toBe(true);
  });

  it('should answer unknown paths under baseUrl like Synapse', async () => {
    const res = await fetch('https://hs.example.test/_matrix/client/v3/nope');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errcode: 'M_UNRECOGNIZED' });
  });

  it('should turn networkError into a failed fetch', async () => {
    hs.faults.inject({ endpoint: 'whoami', kind: 'networkError' });
    await expect(fetch('https://hs.example.test/_matrix/client/v3/account/whoami')).rejects.toBeInstanceOf(TypeError);
  });
});
