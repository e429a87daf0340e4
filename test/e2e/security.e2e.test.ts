import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenOf,
  launchChromium,
  startDemo,
  startFakeHomeserver,
  type LaunchedChromium,
  type RunningDemo,
  type RunningHomeserver,
} from './support';
import { findLeaks, openFlow } from './support/flowPage';

// The flow tests assert "no leak" and "no CSP violation": these prove both checks do catch what they look for.
describe('e2e security checks', () => {
  let browser: LaunchedChromium;
  let demo: RunningDemo;
  let homeserver: RunningHomeserver;

  beforeAll(async () => {
    [browser, demo, homeserver] = await Promise.all([launchChromium(), startDemo(), startFakeHomeserver()]);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await homeserver?.close();
  });

  it('should find a secret put in a DOM attribute, in console output and in a requested URL', async () => {
    const flow = await openFlow(browser, demo, { homeserver: homeserver.url, flow: 'reset' });
    await flow.waitForStep('enterAddress');
    const secret = 'planted.Secret-0123456789';
    expect(await findLeaks(flow, [secret])).toEqual([]);

    await flow.page.evaluate(async ({ value, hs }) => {
      document.body.setAttribute('data-planted', value);
      console.info(`planted ${value}`);
      await fetch(`${hs}/_matrix/client/versions?client_secret=${value}`).catch(() => undefined);
    }, { value: secret, hs: homeserver.url });

    const places = await findLeaks(flow, [secret]);
    expect(places).toContain('DOM: pl…(25 chars)');
    expect(places).toContain('console: pl…(25 chars)');
    expect(places).toContain('URL /_matrix/client/versions: pl…(25 chars)');
    await flow.page.close();
  });

  it('should refuse and report an inline script on the demo page, where the kit itself caused no violation', async () => {
    const flow = await openFlow(browser, demo, { homeserver: homeserver.url, flow: 'add-email', accessToken: accessTokenOf(homeserver.hs) });
    await flow.waitForStep('enterAddress');
    expect(flow.unexpectedProblems()).toEqual([]);

    const ran = await flow.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      return Reflect.get(window, '__inlineRan') === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => flow.problems.cspViolations.map((v) => v.directive)).toContain('script-src-elem');
    await flow.page.close();
  });
});
