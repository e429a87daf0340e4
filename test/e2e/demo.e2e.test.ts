import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenOf,
  launchChromium,
  screenshotter,
  startDemo,
  startFakeHomeserver,
  watchPage,
  type LaunchedChromium,
  type RunningDemo,
  type RunningHomeserver,
} from './support';

const FLOWS = ['add-email', 'add-phone', 'reset'] as const;

describe('demo app', () => {
  let homeserver: RunningHomeserver;
  let demo: RunningDemo;
  let browser: LaunchedChromium;

  beforeAll(async () => {
    [homeserver, demo, browser] = await Promise.all([startFakeHomeserver(), startDemo(), launchChromium()]);
  });

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), demo?.close(), homeserver?.close()]);
  });

  it.each(FLOWS)('should mount the %s flow under the strict CSP without errors', async (flow) => {
    const page = await browser.newPage();
    const problems = await watchPage(page);
    // A reset asks the server whether it is OAuth-era at once; this legacy fake answers the discovery 404
    // M_UNRECOGNIZED, as Synapse does, and Chromium logs each as a failed load. Any other 404 is a problem.
    const other404s: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404 && !/\/auth_metadata$/.test(new URL(response.url()).pathname)) other404s.push(response.url());
    });
    const accessToken = flow === 'reset' ? undefined : accessTokenOf(homeserver.hs);
    await page.goto(demo.pageUrl({ homeserver: homeserver.url, flow, accessToken }));

    const root = page.locator('[data-threepid-part="root"]');
    await expect.poll(() => root.getAttribute('data-state')).toBe('enterAddress');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).isVisible()).toBe(true);
    await screenshotter(`demo mount ${flow}`)(page, 'address step');

    expect(other404s).toEqual([]);
    expect(problems.summary().filter((line) => !line.includes('status of 404'))).toEqual([]);
    await page.close();
  });

  it('should say what is missing instead of mounting a flow when no homeserver is given', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/?flow=add-email`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('?hs=');
    expect(await page.locator('[data-threepid-part="root"]').count()).toBe(0);
    await page.close();
  });
});
