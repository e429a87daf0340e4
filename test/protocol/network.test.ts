import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol/client';
import { ThreepidNetworkError } from '../../src/protocol/errors';
import { useMockHomeserver } from '../support/mockHomeserver';
import { BASE_URL } from '../support/protocolScenarios';

const hs = useMockHomeserver();
const params = { medium: 'email', email: 'alice@example.org', clientSecret: 'secret', sendAttempt: 1 } as const;

/** A fetch that never answers and ignores its signal, like a broken polyfill. */
const deafFetch: typeof fetch = () => new Promise<Response>(() => undefined);

describe('createThreepidClient network failures', () => {
  it('should reject with reason offline when fetch fails', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL });
    hs.reply({ networkError: true });
    const err = await client.requestToken('add', params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThreepidNetworkError);
    expect(err).toMatchObject({ reason: 'offline' });
  });

  it('should reject with reason timeout when the server does not answer in time', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, timeoutMs: 20 });
    hs.reply({ hang: true });
    await expect(client.getThreepids()).rejects.toMatchObject({ name: 'ThreepidNetworkError', reason: 'timeout' });
    expect(hs.requests).toHaveLength(1);
  });

  it('should time out even with a fetch that ignores its AbortSignal', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, timeoutMs: 10, fetch: deafFetch });
    await expect(client.whoami()).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('should time out when the body stalls after the headers arrived', async () => {
    const stalled: typeof fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"sid":')) }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    const client = createThreepidClient({ baseUrl: BASE_URL, timeoutMs: 15, fetch: stalled });
    await expect(client.requestToken('add', params)).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('should reject with reason aborted when the caller aborts mid-request', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL });
    hs.reply({ hang: true });
    const controller = new AbortController();
    const pending = client.requestToken('add', params, controller.signal);
    await expect.poll(() => hs.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'ThreepidNetworkError', reason: 'aborted' });
  });

  it('should abort a fetch that ignores its signal', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, fetch: deafFetch });
    const controller = new AbortController();
    const pending = client.getCapabilities(controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ reason: 'aborted' });
  });

  it('should send nothing when the signal is already aborted', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL });
    const controller = new AbortController();
    controller.abort();
    await expect(client.addThreepid({ sid: 's', clientSecret: 'c' }, undefined, controller.signal)).rejects.toMatchObject({
      reason: 'aborted',
    });
    expect(hs.requests).toHaveLength(0);
  });

  it('should not time out a request that answers in time', async () => {
    const client = createThreepidClient({ baseUrl: BASE_URL, timeoutMs: 5_000 });
    hs.reply({ json: { user_id: '@a:hs.test' } });
    await expect(client.whoami()).resolves.toEqual({ userId: '@a:hs.test' });
  });

  it('should pass the abort on to fetch so the request is cancelled', async () => {
    let seen: AbortSignal | undefined;
    const spy: typeof fetch = (_input, init) => {
      seen = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    };
    const client = createThreepidClient({ baseUrl: BASE_URL, fetch: spy });
    const controller = new AbortController();
    const pending = client.whoami(controller.signal);
    await expect.poll(() => seen).toBeDefined();
    controller.abort();
    await pending.catch(() => undefined);
    expect(seen?.aborted).toBe(true);
  });
});

describe('createThreepidClient cleanup after each request', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const answering: typeof fetch = async () => Response.json({ user_id: '@a:hs.test' });
  const failing: typeof fetch = async () => {
    throw new TypeError('Failed to fetch');
  };

  it.each([
    ['answered', answering],
    ['failed', failing],
  ])("should leave no timer and no listener on the host's signal once a request has %s", async (_how, fetchImpl) => {
    vi.useFakeTimers();
    const client = createThreepidClient({ baseUrl: BASE_URL, fetch: fetchImpl });
    const host = new AbortController();
    await client.whoami(host.signal).catch(() => undefined);
    // A 30 s timer per request would keep a host's process or test runner alive long after the answer.
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(host.signal, 'abort')).toHaveLength(0);
  });
});
