import { configure, render, screen, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { expect, vi } from 'vitest';
import { createThreepidClient } from '../../src/protocol';
import type { ThreepidClient } from '../../src/protocol/types';
import { ThreepidProvider } from '../../src/react';
import { createFakeHomeserver, type FakeHomeserver } from '../../src/testing';
import type { Exchange, FakeHomeserverOptions } from '../../src/testing/types';
import { ALICE } from './renderFlow';

const BASE_URL = 'http://localhost:8008';

// findBy*/waitFor give up after 1 s by default: too short for a whole flow on a busy 2-core machine.
configure({ asyncUtilTimeout: 5000 });

/** A fake homeserver, a client wired to it in memory, and every secret that went over the wire. */
export interface Harness {
  hs: FakeHomeserver;
  client: ThreepidClient;
  /** Every `client_secret` the fake received (bodies and link queries), read from its raw exchanges. */
  clientSecrets(): string[];
  /** Every emailed/texted token the fake sent. */
  sentTokens(): string[];
}

/** Options of `createHarness` that are about the client rather than the server. */
export interface HarnessClientOptions {
  /** Signed-in user's token; `null` for an anonymous client (reset flows). Default: alice's. */
  accessToken?: string | null;
  timeoutMs?: number;
}

function collectSecrets(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    if (key === 'client_secret' && typeof field === 'string') into.add(field);
    else collectSecrets(field, into);
  }
}

/** Creates a fake homeserver (rate limits off unless asked for) and a protocol client for it. */
export function createHarness(options: FakeHomeserverOptions = {}, clientOptions: HarnessClientOptions = {}): Harness {
  const secrets = new Set<string>();
  const onExchange = (exchange: Exchange): void => {
    collectSecrets(exchange.requestBody, secrets);
    const fromQuery = new URL(exchange.url).searchParams.get('client_secret');
    if (fromQuery) secrets.add(fromQuery);
    options.onExchange?.(exchange);
  };
  const hs = createFakeHomeserver({ baseUrl: BASE_URL, rateLimit: false, ...options, onExchange });
  const accessToken = clientOptions.accessToken === null ? undefined : (clientOptions.accessToken ?? ALICE.accessToken);
  const client = createThreepidClient({ baseUrl: BASE_URL, accessToken, fetch: hs.fetch, timeoutMs: clientOptions.timeoutMs });
  return {
    hs,
    client,
    clientSecrets: () => [...secrets],
    sentTokens: () => hs.inbox.all().map((message) => message.token),
  };
}

/** How to render a flow. */
export interface RenderKitOptions {
  /** Wrap in `<ThreepidProvider client>` (default) or pass nothing (the flow then needs its own `client` prop). */
  provider?: boolean;
}

/** A user-event instance that also drives Vitest's fake timers when they are on. */
export function setupUser(): ReturnType<typeof userEvent.setup> {
  return userEvent.setup({
    delay: null,
    advanceTimers: (ms) => {
      if (vi.isFakeTimers()) vi.advanceTimersByTime(ms);
    },
  });
}

/** Renders a flow (inside a provider for `client` unless told not to) and returns Testing Library's result and a user. */
export function renderKit(ui: ReactElement, client: ThreepidClient, options: RenderKitOptions = {}): RenderResult & { user: ReturnType<typeof setupUser> } {
  const user = setupUser();
  const tree = options.provider === false ? ui : <ThreepidProvider client={client}>{ui}</ThreepidProvider>;
  return { ...render(tree), user };
}

/** Waits for the step whose heading is `name`. */
export async function findStep(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole('heading', { name });
}

/** The polite live region of the flow. */
export function statusRegion(): HTMLElement {
  return screen.getByRole('status');
}

/** The alert (server error) currently shown, with its text. */
export async function findAlert(text: string): Promise<HTMLElement> {
  const alerts = await screen.findAllByRole('alert');
  const match = alerts.find((alert) => alert.textContent === text);
  expect(match, `an alert saying "${text}" (shown: ${alerts.map((a) => `"${a.textContent}"`).join(', ')})`).toBeDefined();
  return match as HTMLElement;
}

/** Checks that the page source holds none of the given secrets. */
export function expectNoSecretsInDom(secrets: readonly string[]): void {
  const html = document.body.innerHTML;
  for (const secret of secrets) {
    expect(secret.length, 'a secret to look for').toBeGreaterThan(3);
    expect(html.includes(secret), `the DOM contains a secret (${secret.slice(0, 3)}…)`).toBe(false);
  }
}

/** The secrets of a finished flow that must never be rendered: client secrets, tokens, alice's access token and password. */
export function secretsOf(harness: Harness, ...passwords: string[]): string[] {
  const secrets = [...harness.clientSecrets(), ...harness.sentTokens(), ALICE.accessToken, ...passwords];
  expect(harness.clientSecrets().length, 'at least one client_secret was sent').toBeGreaterThan(0);
  return secrets;
}

/** Picks a country in the phone input and types a national number. */
export async function enterPhone(user: ReturnType<typeof setupUser>, country: string, national: string): Promise<void> {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), country);
  const input = screen.getByRole('textbox', { name: 'Phone number' });
  await user.clear(input);
  await user.type(input, national);
}

/** The request bodies the fake logged for one endpoint (secrets redacted). */
export function bodiesOf(hs: FakeHomeserver, endpoint: 'requestToken' | 'submitToken' | 'threepidAdd' | 'password'): Array<Record<string, unknown>> {
  return hs.requests
    .filter((entry) => entry.endpoint === endpoint)
    .map((entry) => (typeof entry.body === 'object' && entry.body !== null ? (entry.body as Record<string, unknown>) : {}));
}

/** The `send_attempt` of every requestToken the fake received, in order. */
export function sendAttempts(hs: FakeHomeserver): unknown[] {
  return bodiesOf(hs, 'requestToken').map((body) => body.send_attempt);
}
