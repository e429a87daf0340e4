import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotter, startDemo, startFakeHomeserver, type LaunchedChromium, type RunningDemo, type RunningHomeserver } from './support';
import { findLeaks, openFlow } from './support/flowPage';
import { collectSecrets } from './support/secrets';

const PASSWORD = 'a long new password';
const EMAIL = 'newcomer@example.org';

describe('RegistrationThreepidStage in Chromium against the fake homeserver over HTTP', () => {
  let browser: LaunchedChromium;
  let demo: RunningDemo;
  let homeserver: RunningHomeserver;

  beforeAll(async () => {
    [browser, demo] = await Promise.all([launchChromium(), startDemo()]);
  });
  afterAll(async () => {
    await Promise.allSettled([browser?.close(), demo?.close(), homeserver?.close()]);
  });

  it('should sign up through a host form: the stage sends the email and finishes by itself once the link is opened', async () => {
    const shot = screenshotter('register by link');
    const secrets = collectSecrets();
    homeserver = await startFakeHomeserver({ registration: { require3pid: ['email'] }, onExchange: (exchange) => secrets.record(exchange) });
    const { hs } = homeserver;
    secrets.add(PASSWORD);
    const flow = await openFlow(browser, demo, { homeserver: homeserver.url, flow: 'register' });
    const { page } = flow;

    await page.getByLabel('Username').fill('newcomer');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Email').fill(EMAIL);
    await shot(page, 'sign-up form');
    await page.getByRole('button', { name: 'Create account' }).click();

    await flow.waitForStep('awaitingLink');
    await expect.poll(() => page.locator('[data-threepid-part="heading"]').textContent()).toBe('Check your email');
    await expect.poll(() => page.locator('[data-threepid-part="status"]').textContent()).toBe(`Email sent to ${EMAIL}.`);
    await shot(page, 'check your email');

    // The person opens the emailed link in a tab of its own: a real GET validates it, like Synapse's.
    const link = hs.inbox.latest(EMAIL)?.link ?? 'about:blank';
    expect(new URL(link).pathname).toBe('/_matrix/client/unstable/registration/email/submit_token');
    const mail = await browser.newPage();
    expect((await mail.goto(link))?.status()).toBe(200);
    expect(await mail.textContent('body')).toContain('Your email has now been validated');
    await mail.close();

    // No click: the stage notices by itself (it polls /register every few seconds).
    await expect.poll(() => page.locator('#demo-result').textContent(), { timeout: 20_000 }).toBe('Completed: register @newcomer:localhost');
    await shot(page, 'signed up');

    expect(hs.users.get('newcomer')?.threepids.map((t) => t.address)).toEqual([EMAIL]);
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.requests.filter((r) => r.endpoint === 'register').at(-1)?.status).toBe(200);
    expect(await findLeaks(flow, secrets.all(hs))).toEqual([]);
    // A legacy server answers the OAuth-era discovery (auth_metadata, stable and unstable) 404 M_UNRECOGNIZED,
    // which Chromium logs as a failed load: expected, like the UIA 401s.
    expect(flow.unexpectedProblems([401, 404])).toEqual([]);
    await page.close();
  });
});
