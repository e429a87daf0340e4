import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeHomeserver } from '../../src/testing';
import {
  accessTokenOf,
  launchChromium,
  screenshotter,
  startDemo,
  startFakeHomeserver,
  type LaunchedChromium,
  type RunningDemo,
  type RunningHomeserver,
} from './support';
import { findLeaks, openFlow, type FlowPage } from './support/flowPage';
import { collectSecrets, type SecretCollector } from './support/secrets';

const ALICE_PASSWORD = 'correct horse';

const heading = (page: Page) => page.locator('[data-threepid-part="heading"]').textContent();
const status = (page: Page) => page.locator('[data-threepid-part="status"]').textContent();
const resendButton = (page: Page) => page.locator('[data-threepid-part="resend"]');
const alertText = (page: Page) => page.locator('[data-threepid-part="alert"]').textContent();

/** The send_attempt of every requestToken the fake received, in order. */
function sendAttempts(hs: FakeHomeserver): unknown[] {
  return hs.requests
    .filter((entry) => entry.endpoint === 'requestToken')
    .map((entry) => (typeof entry.body === 'object' && entry.body !== null ? Reflect.get(entry.body, 'send_attempt') : undefined));
}

/** The person confirms with their password once the server asks, then the flow says it is done. */
async function confirmPassword(flow: FlowPage): Promise<void> {
  await flow.waitForStep('authenticating');
  await flow.page.getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
  await flow.page.getByRole('button', { name: 'Confirm' }).click();
  await flow.waitForStep('done');
}

describe('AddEmailFlow in Chromium against the fake homeserver over HTTP', () => {
  let browser: LaunchedChromium;
  let demo: RunningDemo;
  let homeserver: RunningHomeserver | undefined;
  let secrets: SecretCollector;

  beforeAll(async () => {
    [browser, demo] = await Promise.all([launchChromium(), startDemo()]);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  afterEach(async () => {
    await homeserver?.close();
    homeserver = undefined;
  });

  /** A fresh homeserver and the demo on AddEmailFlow; `on` is another browser (one with a fake clock). */
  async function start({ persist = false, on = browser }: { persist?: boolean; on?: LaunchedChromium } = {}) {
    secrets = collectSecrets();
    homeserver = await startFakeHomeserver({ onExchange: (exchange) => secrets.record(exchange) });
    const accessToken = accessTokenOf(homeserver.hs);
    secrets.add(accessToken, ALICE_PASSWORD);
    const flow = await openFlow(on, demo, { homeserver: homeserver.url, flow: 'add-email', accessToken, persist });
    await flow.waitForStep('enterAddress');
    return { flow, page: flow.page, hs: homeserver.hs };
  }

  /** Types the address and sends it; resolves on the "Check your email" screen. */
  async function sendTo(flow: FlowPage, address: string): Promise<void> {
    await flow.page.getByLabel('Email address').fill(address);
    await flow.page.getByRole('button', { name: 'Send verification email' }).click();
    await flow.waitForStep('awaitingLink');
  }

  /** A browser whose clock the test moves (the cooldowns are 30 s): its own context, so other tests keep real time. */
  async function withFakeClock<T>(run: (clocked: LaunchedChromium) => Promise<T>): Promise<T> {
    const clocked = await launchChromium();
    try {
      await clocked.context.clock.install();
      return await run(clocked);
    } finally {
      await clocked.close();
    }
  }

  it('should add an email once the link is opened in the browser and the password confirmed', async () => {
    const shot = screenshotter('add email by link');
    const { flow, hs } = await start();
    const { page } = flow;
    await shot(page, 'address form');

    await page.getByLabel('Email address').fill('new@example.org');
    await page.getByRole('button', { name: 'Send verification email' }).click();
    await flow.waitForStep('awaitingLink');
    await expect.poll(() => heading(page)).toBe('Check your email');
    await expect.poll(() => page.locator('[data-threepid-part="status"]').textContent()).toBe('Email sent to new@example.org.');
    await shot(page, 'check your email');

    // The person opens the emailed link: a real GET by the browser, in a tab of its own.
    const message = hs.inbox.latest('new@example.org');
    expect(message?.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const mail = await browser.newPage();
    const opened = await mail.goto(message?.link ?? 'about:blank');
    expect(opened?.status()).toBe(200);
    expect(await mail.textContent('body')).toContain('Your email has now been validated');
    await shot(mail, 'link page');
    await mail.close();

    await page.getByRole('button', { name: "I've opened the link" }).click();
    await flow.waitForStep('authenticating');
    await expect.poll(() => heading(page)).toBe("Confirm it's you");
    await shot(page, 'confirm password');

    await page.getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await flow.waitForStep('done');
    await expect.poll(() => heading(page)).toBe('Email address added');
    await expect.poll(() => page.locator('#demo-result').textContent()).toBe('Completed: add email new@example.org');
    await shot(page, 'done');

    expect(hs.users.get('@alice:localhost')?.threepids.map((t) => t.address)).toContain('new@example.org');
    // The protocol minimum: requestToken, 3pid/add without auth (UIA), 3pid/add with the password.
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);
    expect(hs.inbox.all()).toHaveLength(1);
    expect(await findLeaks(flow, secrets.all(hs))).toEqual([]);
    expect(flow.unexpectedProblems()).toEqual([]);
    await page.close();
  });

  it('should resend after the cooldown with send_attempt + 1 in the same session, and finish with the new link', async () => {
    await withFakeClock(async (clocked) => {
      const shot = screenshotter('add email resend');
      const { flow, page, hs } = await start({ on: clocked });
      await sendTo(flow, 'resend@example.org');
      await expect.poll(() => resendButton(page).textContent()).toBe('Resend in 30s');
      expect(await resendButton(page).isDisabled()).toBe(true);
      await shot(page, 'cooling down');

      await clocked.context.clock.fastForward(31_000);
      await expect.poll(() => resendButton(page).textContent()).toBe('Resend email');
      await shot(page, 'resend ready');
      await resendButton(page).click();
      await expect.poll(() => status(page)).toBe('New email sent.');
      await expect.poll(() => resendButton(page).textContent()).toBe('Resend in 30s');
      await shot(page, 'resent');

      const [first, second] = hs.inbox.all();
      expect(hs.inbox.all()).toHaveLength(2);
      expect(second?.sid).toBe(first?.sid);
      expect(sendAttempts(hs)).toEqual([1, 2]);

      // The newest link, opened by a plain HTTP GET this time (as a mail client's link preview would).
      const opened = await fetch(second?.link ?? '');
      expect(opened.status).toBe(200);
      await page.getByRole('button', { name: "I've opened the link" }).click();
      await confirmPassword(flow);
      await shot(page, 'done');
      expect(await findLeaks(flow, secrets.all(hs))).toEqual([]);
      expect(flow.unexpectedProblems()).toEqual([]);
    });
  });

  it('should count down a 429 on resend, say how long to wait, then resend with the same send_attempt', async () => {
    await withFakeClock(async (clocked) => {
      const shot = screenshotter('add email rate limit');
      const { flow, page, hs } = await start({ on: clocked });
      await sendTo(flow, 'limited@example.org');
      await clocked.context.clock.fastForward(31_000);
      await expect.poll(() => resendButton(page).textContent()).toBe('Resend email');

      // Longer than the kit's own 30 s cooldown, so the server's wait is the one shown and counted down.
      hs.faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 45_000 });
      await resendButton(page).click();
      await expect.poll(() => alertText(page)).toBe('Too many attempts. Try again in 45 seconds.');
      await expect.poll(() => resendButton(page).textContent()).toBe('Resend in 45s');
      expect(await resendButton(page).isDisabled()).toBe(true);
      await shot(page, 'rate limited');

      await clocked.context.clock.fastForward(5_000);
      await expect.poll(() => resendButton(page).textContent()).toBe('Resend in 40s');
      await shot(page, 'counting down');
      // Still cooling down: a click does nothing.
      await resendButton(page).click({ force: true });
      expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(2);

      await clocked.context.clock.fastForward(41_000);
      await expect.poll(() => resendButton(page).textContent()).toBe('Resend email');
      await resendButton(page).click();
      await expect.poll(() => status(page)).toBe('New email sent.');
      await shot(page, 'resent after the wait');

      // The refused attempt sent nothing, and its retry reused send_attempt 2: one new email, not two.
      expect(sendAttempts(hs)).toEqual([1, 2, 2]);
      expect(hs.inbox.all()).toHaveLength(2);
      expect(flow.unexpectedProblems([401, 429])).toEqual([]);
    });
  });

  it('should resume the wait after a reload (persist) and finish once the link is opened', async () => {
    const shot = screenshotter('add email reload');
    const { flow, page, hs } = await start({ persist: true });
    await sendTo(flow, 'reload@example.org');
    await shot(page, 'before reload');

    await page.reload();
    await flow.waitForStep('awaitingLink');
    await expect.poll(() => heading(page)).toBe('Check your email');
    await expect.poll(() => page.locator('[data-threepid-part="address"]').textContent()).toBe('reload@example.org');
    await shot(page, 'after reload');

    const mail = await browser.newPage();
    await mail.goto(hs.inbox.latest('reload@example.org')?.link ?? 'about:blank');
    await mail.close();
    await page.getByRole('button', { name: "I've opened the link" }).click();
    await confirmPassword(flow);
    await shot(page, 'done');

    // Resuming asked for nothing new: one requestToken, one email.
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.inbox.all()).toHaveLength(1);
    expect(hs.users.get('@alice:localhost')?.threepids.map((t) => t.address)).toContain('reload@example.org');
    // Done clears what was kept for the reload.
    expect(await page.evaluate(() => Object.keys(window.sessionStorage))).toEqual([]);
    expect(await findLeaks(flow, secrets.all(hs))).toEqual([]);
    expect(flow.unexpectedProblems()).toEqual([]);
  });
});
