// Starts fake homeservers on 127.0.0.1 for a test file, checks every exchange against the Matrix spec,
// and closes them after each test. A non-conforming exchange fails the test that caused it.
import { afterEach, expect } from 'vitest';
import { createFakeHomeserver, type Exchange, type FakeHomeserver, type FakeHomeserverOptions } from '../../../src/testing';
import { specSkipReason, validateRequest, validateResponse } from '../../support/spec';

/** A JSON object answer, loosely typed for assertions. */
export type Json = Record<string, unknown>;

/** An answer as a test sees it. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON object ({} when the body is not a JSON object). */
  json: Json;
}

/** Options of one request. */
export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A fake homeserver listening on loopback, with request helpers. */
export interface Harness {
  hs: FakeHomeserver;
  /** Listening origin. */
  url: string;
  /** Listening origin + API prefix. */
  api: string;
  /** Every spec violation seen so far. */
  violations: string[];
  /** Lets this test send deliberately invalid requests (responses are still checked). */
  allowInvalidRequests(): void;
  call(method: string, url: string, options?: CallOptions): Promise<Answer>;
  /** POST a JSON body to a path under the API prefix. */
  post(path: string, body: unknown, options?: Omit<CallOptions, 'body'>): Promise<Answer>;
  /** GET a path under the API prefix. */
  get(path: string, options?: Omit<CallOptions, 'body'>): Promise<Answer>;
}

const running: Array<{ close(): Promise<void>; harness: Harness }> = [];
let invalidRequestsAllowed = false;

function isJson(contentType: string | undefined): boolean {
  return contentType?.includes('application/json') ?? false;
}

function check(exchange: Exchange, violations: string[]): void {
  if (specSkipReason !== undefined) return;
  if (!invalidRequestsAllowed && isJson(exchange.requestContentType)) {
    violations.push(...validateRequest(exchange.method, exchange.url, exchange.requestBody));
  }
  // Injected faults answer off-spec on purpose (HTML 502, truncated JSON).
  if (exchange.fault === undefined && isJson(exchange.responseContentType)) {
    violations.push(...validateResponse(exchange.method, exchange.url, exchange.status, exchange.responseBody));
  }
}

/** Starts a fake on 127.0.0.1:0 whose exchanges are validated against the spec. */
export async function startFake(options: FakeHomeserverOptions = {}): Promise<Harness> {
  const violations: string[] = [];
  const hs = createFakeHomeserver({
    ...options,
    onExchange: (exchange) => {
      check(exchange, violations);
      options.onExchange?.(exchange);
    },
  });
  const server = await hs.listen();
  const call = async (method: string, url: string, o: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token !== undefined) headers.Authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(url, { method, headers, body, signal: o.signal, redirect: 'manual' });
    const text = await res.text();
    let json: Json = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) json = parsed as Json;
    } catch {
      // Not JSON: tests read `text`.
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  const api = server.url + hs.prefix;
  const harness: Harness = {
    hs,
    url: server.url,
    api,
    violations,
    allowInvalidRequests: () => {
      invalidRequestsAllowed = true;
    },
    call,
    post: (path, body, o) => call('POST', api + path, { ...o, body }),
    get: (path, o) => call('GET', api + path, o),
  };
  running.push({ close: server.close, harness });
  return harness;
}

afterEach(async () => {
  const done = running.splice(0);
  invalidRequestsAllowed = false;
  await Promise.all(done.map((r) => r.close()));
  expect(done.flatMap((r) => r.harness.violations)).toEqual([]);
});

let counter = 0;
/** A fresh valid client_secret. */
export function secret(): string {
  counter += 1;
  return `test-secret.${counter}_${Math.random().toString(36).slice(2)}`;
}
