import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../../e2e/support/chromium';
import type { RunningDemo } from '../../e2e/support/demo';
import { openFlow, type FlowPage } from '../../e2e/support/flowPage';
import { bundledPackages } from './bundle';
import { startCli, type RunningCli } from './fakeHomeserverCli';
import { serveHost, serverRender, typecheck, viteBuild } from './hostApp';
import type { HostSpec } from './hosts';
import { prepareHost, type PreparedHost } from './hostInstall';
import { REPO_ROOT } from './pack';
import { readmeSnippets } from './readmeSnippets';

const ALICE = '@alice:localhost';
const ALICE_PASSWORD = 'correct horse';
const NEW_PASSWORD = 'a much longer new passphrase';

/** What a finished flow wrote on the host page. */
const resultLine = (flow: FlowPage) => flow.page.locator('#demo-result').textContent();

/** The person confirms with their password once the server asks; resolves on the done screen. */
async function confirmPassword(flow: FlowPage): Promise<void> {
  await flow.waitForStep('authenticating');
  await flow.page.getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
  await flow.page.getByRole('button', { name: 'Confirm' }).click();
  await flow.waitForStep('done');
}

/**
 * The checks every scratch host gets: install the tarball (cached), type-check its app and README snippets under
 * both module resolutions, build it with Vite, render each component in plain Node, and drive its flows to done in
 * Chromium against the tarball's own fake-homeserver CLI. `more` adds host-specific checks.
 */
export function describeHost(spec: HostSpec, more?: (host: () => PreparedHost, built: () => Promise<string>) => void): void {
  describe(spec.title, () => {
    let host: PreparedHost;
    let build: Promise<string> | undefined;
    const built = (): Promise<string> => (build ??= viteBuild(host));

    beforeAll(async () => {
      const readme = readmeSnippets(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
      host = await prepareHost(spec, inject('threepidTarball'), readme);
    });
    afterAll(async () => {
      await host?.release();
    });

    it.each(['bundler', 'node16'] as const)('should type-check the app and the README snippets under moduleResolution %s', async (resolution) => {
      const result = await typecheck(host, resolution);
      expect(`${result.stdout}${result.stderr}`).toBe('');
      expect(result.code).toBe(0);
    });

    it('should build the app with Vite', async () => {
      const dist = await built();
      expect((await bundledPackages(dist)).has('matrix-threepid-kit')).toBe(true);
    });

    it('should render every component to a string in plain Node, without a DOM', async () => {
      const { renders, result } = await serverRender(host);
      expect(result.stderr).toBe('');
      const expected = ['AddEmailFlow', 'ResetPasswordFlow email', ...(spec.phone ? ['AddPhoneFlow', 'ResetPasswordFlow email+phone'] : [])];
      expect(renders.map((render) => render.name)).toEqual(expected);
      for (const render of renders) {
        expect(render.error, render.name).toBeUndefined();
        expect(render.html, render.name).toContain('data-threepid-part="root"');
      }
    });

    more?.(() => host, built);

    describe('in Chromium, against the fake homeserver CLI from the tarball', () => {
      let browser: LaunchedChromium;
      let site: RunningDemo;
      let cli: RunningCli | undefined;

      beforeAll(async () => {
        const dist = await built();
        [browser, site] = await Promise.all([launchChromium(), serveHost(dist)]);
      });
      afterAll(async () => {
        await browser?.close();
        await site?.close();
      });
      afterEach(async () => {
        await cli?.close();
        cli = undefined;
      });

      it('should add an email address through the emailed link and the password', async () => {
        cli = await startCli(host.dir);
        const flow = await openFlow(browser, site, { homeserver: cli.url, flow: 'add-email', accessToken: await cli.accessTokenOf(ALICE) });
        await flow.waitForStep('enterAddress');
        await flow.page.getByLabel('Email address').fill('new@example.org');
        await flow.page.getByRole('button', { name: 'Send verification email' }).click();
        await flow.waitForStep('awaitingLink');

        // The person opens the link the CLI printed as emailed, in a tab of its own.
        const mail = await cli.nextMessage('new@example.org');
        const tab = await browser.newPage();
        expect((await tab.goto(mail.link ?? 'about:blank'))?.status()).toBe(200);
        await tab.close();

        await flow.page.getByRole('button', { name: "I've opened the link" }).click();
        await confirmPassword(flow);
        await expect.poll(() => resultLine(flow)).toBe('Completed: add email new@example.org');
        expect(flow.unexpectedProblems()).toEqual([]);
        await flow.page.close();
      });

      it('should reset the password through the emailed link', async () => {
        cli = await startCli(host.dir);
        const flow = await openFlow(browser, site, { homeserver: cli.url, flow: 'reset' });
        await flow.waitForStep('enterAddress');
        await flow.page.getByLabel('Email address').fill('alice@example.org');
        await flow.page.getByRole('button', { name: 'Send reset link' }).click();
        await flow.waitForStep('choosePassword');
        await flow.page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
        await flow.page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
        await flow.page.getByRole('button', { name: 'Continue' }).click();
        await flow.waitForStep('awaitingLink');

        // The link opens a confirmation page; its button validates, and the flow notices by itself.
        const mail = await cli.nextMessage('alice@example.org');
        const tab = await browser.newPage();
        await tab.goto(mail.link ?? 'about:blank');
        await Promise.all([tab.waitForNavigation(), tab.getByRole('button', { name: 'Confirm changing my password' }).click()]);
        await tab.close();

        await flow.waitForStep('done');
        await expect.poll(() => resultLine(flow)).toBe('Completed: reset email alice@example.org');
        // A legacy server answers the OAuth-era discovery (auth_metadata, stable and unstable) 404 M_UNRECOGNIZED,
        // which Chromium logs as a failed load: expected, like the UIA 401s.
        expect(flow.unexpectedProblems([401, 404])).toEqual([]);
        await flow.page.close();
      });

      if (spec.phone) {
        it('should add a phone number with the code from the SMS and the password', async () => {
          cli = await startCli(host.dir);
          const flow = await openFlow(browser, site, { homeserver: cli.url, flow: 'add-phone', accessToken: await cli.accessTokenOf(ALICE) });
          await flow.waitForStep('enterAddress');
          await flow.page.getByLabel('Country').selectOption('GB');
          await flow.page.getByLabel('Phone number').pressSequentially('07400 123456');
          await flow.page.getByRole('button', { name: 'Send code' }).click();
          await flow.waitForStep('awaitingCode');

          const sms = await cli.nextMessage('447400123456');
          expect(sms.code).toMatch(/^\d{6}$/);
          // A whole code sends itself.
          await flow.page.getByLabel('Verification code').fill(sms.code ?? '');
          await confirmPassword(flow);
          // However the kit formats the number for people, it is the one typed.
          const added = async () => /^Completed: add msisdn (.+)$/.exec((await resultLine(flow)) ?? '')?.[1]?.replace(/\D/g, '');
          await expect.poll(added).toBe('447400123456');
          expect(flow.unexpectedProblems()).toEqual([]);
          await flow.page.close();
        });
      }
    });
  });
}
