// Property tests: whatever a server (or a proxy in front of it) answers, every client method either resolves its
// typed result or rejects with MatrixApiError / ThreepidNetworkError — never a TypeError, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createThreepidClient } from '../../src/protocol/client';
import { MatrixApiError, ThreepidNetworkError } from '../../src/protocol/errors';
import type { ThreepidClient } from '../../src/protocol/types';

const NUM_RUNS = 200;
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** One answer of the fuzzed server, or a fetch failure. */
type FuzzReply =
  | { kind: 'response'; status: number; headers: [string, string][]; body: string }
  | { kind: 'reject'; value: unknown }
  | { kind: 'badBody'; status: number };

// Header values must be ByteStrings without CR/LF/NUL, or the Response constructor itself throws.
const headerValue = fc
  .string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 40 })
  .map((s) => s.trim());
const retryAfter = fc.oneof(
  headerValue,
  fc.nat().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.constantFrom('-1', '1.5', '1e3', 'Infinity', '99999999999999999999', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT'),
);
const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', 'application/octet-stream'),
  headerValue,
);
const headers = fc
  .record({ 'retry-after': retryAfter, 'content-type': contentType }, { requiredKeys: [] })
  .map((h) => Object.entries(h).filter(([, v]) => v !== ''));

/** Objects that look almost right: every field the client reads, with any JSON type. */
const nearMiss = fc.record(
  {
    sid: fc.oneof(fc.string(), fc.jsonValue()),
    submit_url: fc.oneof(fc.webUrl(), fc.jsonValue()),
    success: fc.oneof(fc.boolean(), fc.jsonValue()),
    errcode: fc.oneof(fc.constantFrom('M_LIMIT_EXCEEDED', 'M_FORBIDDEN', 'M_UNAUTHORIZED'), fc.jsonValue()),
    error: fc.jsonValue(),
    retry_after_ms: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
    soft_logout: fc.jsonValue(),
    flows: fc.oneof(fc.array(fc.record({ stages: fc.oneof(fc.array(fc.string()), fc.jsonValue()) })), fc.jsonValue()),
    params: fc.jsonValue(),
    session: fc.jsonValue(),
    completed: fc.jsonValue(),
    threepids: fc.oneof(
      fc.array(
        fc.oneof(
          fc.record(
          {
            medium: fc.oneof(fc.constantFrom('email', 'msisdn'), fc.jsonValue()),
            address: fc.oneof(fc.string(), fc.jsonValue()),
            validated_at: fc.oneof(fc.nat(), fc.jsonValue()),
            added_at: fc.oneof(fc.nat(), fc.jsonValue()),
          },
          { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
      ),
      fc.jsonValue(),
    ),
    capabilities: fc.oneof(
      fc.record(
        { 'm.3pid_changes': fc.oneof(fc.record({ enabled: fc.jsonValue() }), fc.jsonValue()), 'm.change_password': fc.jsonValue() },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    user_id: fc.oneof(fc.string(), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

const json = fc.oneof({ weight: 1, arbitrary: fc.json() }, { weight: 3, arbitrary: nearMiss.map((o) => JSON.stringify(o)) });
const body = fc.oneof(
  json,
  json.chain((s) => fc.nat({ max: s.length }).map((n) => s.slice(0, n))),
  fc.constantFrom('', '<html><body><h1>502 Bad Gateway</h1></body></html>', 'null', '[]', '"sid"', '{', '\u0000'),
  fc.string(),
);
const reply: fc.Arbitrary<FuzzReply> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('response' as const), status: fc.integer({ min: 200, max: 599 }), headers, body }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), value: fc.oneof(fc.constant(new TypeError('Failed to fetch')), fc.anything()) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('badBody' as const), status: fc.integer({ min: 200, max: 599 }) }) },
);

function fetchFor(r: FuzzReply): typeof fetch {
  return async () => {
    if (r.kind === 'reject') throw r.value;
    if (r.kind === 'badBody') {
      // Headers arrive, then the connection drops mid-body.
      const stream = new ReadableStream({ start: (c) => c.error(new TypeError('terminated')) });
      return new Response(NULL_BODY_STATUSES.has(r.status) ? null : stream, { status: r.status });
    }
    return new Response(NULL_BODY_STATUSES.has(r.status) ? null : r.body, { status: r.status, headers: r.headers });
  };
}

const isSafeWait = (ms: unknown): boolean => ms === undefined || (typeof ms === 'number' && Number.isSafeInteger(ms) && ms >= 0);

/** The error side of the contract: only our two classes, with well-typed fields. */
function checkRejection(err: unknown): void {
  if (err instanceof ThreepidNetworkError) {
    expect(['offline', 'timeout', 'aborted']).toContain(err.reason);
    return;
  }
  expect(err).toBeInstanceOf(MatrixApiError);
  if (!(err instanceof MatrixApiError)) return;
  expect(typeof err.status).toBe('number');
  expect(typeof err.errcode).toBe('string');
  expect(err.serverMessage === undefined || typeof err.serverMessage === 'string').toBe(true);
  expect(isSafeWait(err.retryAfterMs)).toBe(true);
  expect(typeof err.softLogout).toBe('boolean');
  if (err.uia) {
    expect(Array.isArray(err.uia.flows)).toBe(true);
    for (const f of err.uia.flows) expect(f.stages.every((s) => typeof s === 'string')).toBe(true);
    expect(err.uia.completed.every((s) => typeof s === 'string')).toBe(true);
    expect(typeof err.uia.params).toBe('object');
    expect(err.uia.session === undefined || typeof err.uia.session === 'string').toBe(true);
  }
}

interface FuzzedMethod {
  name: string;
  call(c: ThreepidClient): Promise<unknown>;
  /** Checks the resolved value has the promised type. */
  check(value: unknown): void;
}

const isVoid = (v: unknown): void => expect(v).toBeUndefined();
const secret = 'fuzz-secret';
const methods: FuzzedMethod[] = [
  {
    name: 'requestToken',
    call: (c) => c.requestToken('add', { medium: 'email', email: 'a@b.org', clientSecret: secret, sendAttempt: 1 }),
    check: (v) => {
      expect(v).toEqual({ sid: expect.any(String), ...(isRecord(v) && 'submitUrl' in v ? { submitUrl: expect.any(String) } : {}) });
      expect(isRecord(v) && v.sid !== '').toBe(true);
    },
  },
  {
    name: 'submitToken',
    call: (c) => c.submitToken('https://hs.test/submit_token', { sid: 's', clientSecret: secret, token: '1' }),
    check: isVoid,
  },
  { name: 'addThreepid', call: (c) => c.addThreepid({ sid: 's', clientSecret: secret }, { session: 'x' }), check: isVoid },
  { name: 'changePassword', call: (c) => c.changePassword({ newPassword: 'p', logoutDevices: false }), check: isVoid },
  {
    name: 'getThreepids',
    call: (c) => c.getThreepids(),
    check: (v) => {
      expect(Array.isArray(v)).toBe(true);
      for (const t of Array.isArray(v) ? v : []) {
        expect(t).toEqual({ medium: expect.stringMatching(/^(email|msisdn)$/), address: expect.any(String), validatedAt: expect.any(Number), addedAt: expect.any(Number) });
      }
    },
  },
  { name: 'deleteThreepid', call: (c) => c.deleteThreepid('email', 'a@b.org'), check: isVoid },
  {
    name: 'getCapabilities',
    call: (c) => c.getCapabilities(),
    check: (v) => expect(v).toEqual({ threepidChanges: expect.any(Boolean), changePassword: expect.any(Boolean) }),
  },
  { name: 'whoami', call: (c) => c.whoami(), check: (v) => expect(v).toEqual({ userId: expect.any(String) }) },
];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

describe('protocol client under random answers', () => {
  it.each(methods.map((m) => [m.name, m] as const))('should give %s only its typed result or a typed error', async (_name, method) => {
    await fc.assert(
      fc.asyncProperty(reply, async (r) => {
        const client = createThreepidClient({ baseUrl: 'https://hs.test', accessToken: 'tok', fetch: fetchFor(r), timeoutMs: 1_000 });
        let value: unknown;
        try {
          value = await method.call(client);
        } catch (err) {
          checkRejection(err);
          return;
        }
        method.check(value);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('should build a fallback URL that round-trips any stage and session', () => {
    const client = createThreepidClient({ baseUrl: 'https://hs.test/', prefix: '/_api/client/v3' });
    // Lone surrogates cannot be encoded: they come back as U+FFFD. "." and ".." are path syntax, not stage names.
    const wellFormed = (s: string): string => s.replace(/[\ud800-\udfff]/gu, '\ufffd');
    const stage = fc.string({ unit: 'binary' }).filter((s) => s !== '.' && s !== '..');
    fc.assert(
      fc.property(stage, fc.string({ unit: 'binary' }), (stageType, session) => {
        const url = new URL(client.fallbackAuthUrl(stageType, session));
        expect(url.origin).toBe('https://hs.test');
        expect(url.searchParams.get('session')).toBe(wellFormed(session));
        expect(decodeURIComponent(url.pathname)).toBe(`/_api/client/v3/auth/${wellFormed(stageType)}/fallback/web`);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// Issue #13: what a hostile server answers, as classes.
describe('protocol client against a hostile server', () => {
  const SECRET = 'fuzzSecret.0123456789';
  const TOKEN = 'syt_fuzz_access_token_0123';
  const PASSWORD = 'fuzz password 1';

  it('should never follow a redirect: any 3xx to any origin is a server error and nothing is re-sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(301, 302, 303, 307, 308), fc.webUrl(), fc.boolean(), async (status, location, followsAnyway) => {
        const calls: RequestInit[] = [];
        const fetchImpl: typeof fetch = async (_input, init) => {
          calls.push(init ?? {});
          // A polyfill that ignores `redirect: 'manual'` and follows: its answer comes back marked redirected.
          if (followsAnyway) {
            const followed = new Response(JSON.stringify({ sid: 'foreign' }), { status: 200 });
            Object.defineProperty(followed, 'redirected', { value: true });
            return followed;
          }
          return new Response(null, { status, headers: { location } });
        };
        const client = createThreepidClient({ baseUrl: 'https://hs.test', accessToken: TOKEN, fetch: fetchImpl });
        const err = await client.requestToken('add', { medium: 'email', email: 'a@b.org', clientSecret: SECRET, sendAttempt: 1 }).then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(MatrixApiError);
        expect(calls).toHaveLength(1);
        expect(calls[0]?.redirect).toBe('manual');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('should clamp every wait a server asks for to at most a day', async () => {
    const wait = fc.oneof(
      fc.record({ header: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString())), body: fc.constant(undefined) }),
      fc.record({ header: fc.constant(undefined), body: fc.oneof(fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(1e15, 1e300)) }),
    );
    await fc.assert(
      fc.asyncProperty(wait, async ({ header, body }) => {
        const fetchImpl: typeof fetch = async () =>
          new Response(JSON.stringify({ errcode: 'M_LIMIT_EXCEEDED', ...(body === undefined ? {} : { retry_after_ms: body }) }), {
            status: 429,
            headers: header === undefined ? {} : { 'retry-after': header },
          });
        const client = createThreepidClient({ baseUrl: 'https://hs.test', fetch: fetchImpl });
        const err = await client.whoami().then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(MatrixApiError);
        const ms = (err as MatrixApiError).retryAfterMs;
        expect(ms === undefined || (ms >= 0 && ms <= 86_400_000)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('should redact every secret a request carried from the server text and errcode, wherever it is echoed', async () => {
    const around = fc.string({ maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(SECRET, TOKEN, PASSWORD), around, around, fc.boolean(), fc.boolean(), async (secret, before, after, encoded, inErrcode) => {
        const echoed = `${before}${encoded ? encodeURIComponent(secret) : secret}${after}`;
        const fetchImpl: typeof fetch = async () =>
          new Response(JSON.stringify(inErrcode ? { errcode: echoed } : { errcode: 'M_UNKNOWN', error: echoed }), { status: 400 });
        const client = createThreepidClient({ baseUrl: 'https://hs.test', accessToken: TOKEN, fetch: fetchImpl });
        const err = await client
          .addThreepid({ sid: 's', clientSecret: SECRET }, { type: 'm.login.password', password: PASSWORD, session: 'x' })
          .then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(MatrixApiError);
        const { serverMessage, errcode, message } = err as MatrixApiError;
        for (const text of [serverMessage ?? '', errcode, message]) {
          for (const s of [SECRET, TOKEN, PASSWORD]) expect(text.includes(s) || text.includes(encodeURIComponent(s))).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('should refuse, before sending, any submit_url with credentials, of absurd length or not http(s)', async () => {
    const bad = fc.oneof(
      fc.webUrl({ withQueryParameters: true }).map((u) => u.replace(/^(https?:\/\/)/, '$1user:pass@')),
      fc.webUrl().map((u) => `${u.replace(/^http:/, 'https:')}?pad=${'a'.repeat(2100)}`),
      fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'ftp://hs.test/x', '//hs.test/x', 'https://:@hs.test/x'),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (submitUrl) => {
        let calls = 0;
        const client = createThreepidClient({ baseUrl: 'https://hs.test', fetch: async () => (calls++, new Response('{"success":true}')) });
        const err = await client.submitToken(submitUrl, { sid: 's', clientSecret: SECRET, token: '123456' }).then(() => undefined, (e: unknown) => e);
        expect(err).toMatchObject({ status: 0, errcode: 'M_INVALID_SUBMIT_URL' });
        expect(calls).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
