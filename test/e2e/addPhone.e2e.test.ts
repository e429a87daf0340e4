import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { findLeaks, openFlow } from './support/flowPage';
import { collectSecrets } from './support/secrets';

const ALICE_PASSWORD = 'correct horse';

describe('AddPhoneFlow in Chromium against the fake homeserver over HTTP', () => {
  let browser: LaunchedChromium;
  let demo: RunningDemo;
  let homeserver: RunningHomeserver | undefined;

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

  it('should add a phone number with the code from the SMS and the password', async () => {
    const shot = screenshotter('add phone by code');
    const secrets = collectSecrets();
    homeserver = await startFakeHomeserver({ onExchange: (exchange) => secrets.record(exchange) });
    const { hs } = homeserver;
    const accessToken = accessTokenOf(hs);
    secrets.add(accessToken, ALICE_PASSWORD);
    const flow = await openFlow(browser, demo, { homeserver: homeserver.url, flow: 'add-phone', accessToken });
    const { page } = flow;
    await flow.waitForStep('enterAddress');
    await shot(page, 'phone form');

    await page.getByLabel('Country').selectOption('GB');
    await page.getByLabel('Phone number').pressSequentially('07400 123456');
    await shot(page, 'number typed');
    await page.getByRole('button', { name: 'Send code' }).click();
    await flow.waitForStep('awaitingCode');
    await expect.poll(() => page.locator('[data-threepid-part="status"]').textContent()).toBe('Code sent to +44 7400 123456.');
    await shot(page, 'code screen');

    // The spec's wire format: the dialling country and the national number, not the display form.
    const sent = hs.requests.find((entry) => entry.endpoint === 'requestToken');
    expect(sent?.body).toMatchObject({ country: 'GB', phone_number: '7400123456', send_attempt: 1 });
    const sms = hs.inbox.latest('+447400123456');
    expect(sms?.medium).toBe('msisdn');
    expect(sms?.token).toMatch(/^\d{6}$/);

    // Typed the way people copy codes from a message: with a space in the middle.
    const code = sms?.token ?? '';
    await page.getByLabel('Verification code').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await shot(page, 'code typed');
    // A whole code sends itself (the spaces typed with it are ignored).
    await flow.waitForStep('authenticating');
    await shot(page, 'confirm password');
    await page.getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await flow.waitForStep('done');
    await expect.poll(() => page.locator('[data-threepid-part="heading"]').textContent()).toBe('Phone number added');
    await shot(page, 'done');

    expect(hs.users.get('@alice:localhost')?.threepids).toContainEqual(expect.objectContaining({ medium: 'msisdn', address: '447400123456' }));
    // The protocol minimum: requestToken, submit_url, 3pid/add without auth, 3pid/add with the password.
    expect(hs.requests.count({ endpoint: 'requestToken' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'submitToken', method: 'POST' })).toBe(1);
    expect(hs.requests.count({ endpoint: 'threepidAdd' })).toBe(2);
    expect(hs.inbox.all()).toHaveLength(1);
    expect(await findLeaks(flow, secrets.all(hs))).toEqual([]);
    expect(flow.unexpectedProblems()).toEqual([]);
    await page.close();
  });
});
