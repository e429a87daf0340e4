import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  screenshotter,
  serveStatic,
  startFakeHomeserver,
  watchPage,
  type LaunchedChromium,
  type RunningHomeserver,
  type StaticServer,
} from './support';

// The smoke page carries the demo's own policy, so what passes here is what the demo runs under.
async function demoCsp(): Promise<string> {
  const html = await readFile(resolve(import.meta.dirname, '../../demo/index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('demo/index.html has no CSP meta tag');
  return match[1];
}

interface TokenAnswer {
  origin: string;
  status: number;
  sid: unknown;
}

describe('e2e harness', () => {
  let homeserver: RunningHomeserver;
  let site: StaticServer;
  let siteDir: string;
  let browser: LaunchedChromium;
  const shot = screenshotter('harness smoke');

  beforeAll(async () => {
    homeserver = await startFakeHomeserver();
    siteDir = await mkdtemp(join(tmpdir(), 'threepid-smoke-'));
    await writeFile(
      join(siteDir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
        `<meta http-equiv="Content-Security-Policy" content="${await demoCsp()}">` +
        `<link rel="icon" href="data:,"><title>smoke</title></head><body><h1>smoke</h1></body></html>`,
    );
    site = await serveStatic(siteDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await homeserver?.close();
    if (siteDir) await rm(siteDir, { recursive: true, force: true });
  });

  it('should deliver an email to the inbox when a page on another origin asks for a token over CORS', async () => {
    const page = await browser.newPage();
    const problems = await watchPage(page);
    await page.goto(site.url);

    const answer = await page.evaluate(async (hsUrl: string): Promise<TokenAnswer> => {
      const response = await fetch(`${hsUrl}/_matrix/client/v3/account/3pid/email/requestToken`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_secret: 'smoke-secret.1', email: 'smoke@example.org', send_attempt: 1 }),
      });
      const body: unknown = await response.json();
      const sid = typeof body === 'object' && body !== null && 'sid' in body ? body.sid : undefined;
      return { origin: window.location.origin, status: response.status, sid };
    }, homeserver.url);
    await shot(page, 'token requested');

    // A JSON POST from another origin only succeeds after a CORS preflight the server accepted.
    expect(answer.origin).not.toBe(homeserver.url);
    expect(answer.status).toBe(200);
    expect(homeserver.hs.requests.count({ method: 'OPTIONS' })).toBe(1);
    const message = homeserver.hs.inbox.latest('smoke@example.org');
    expect(message?.sid).toBe(answer.sid);
    expect(message?.link?.startsWith(`${homeserver.url}/`)).toBe(true);
    expect(homeserver.hs.requests.count({ endpoint: 'requestToken', status: 200 })).toBe(1);
    expect(problems.summary()).toEqual([]);
    await page.close();
  });

  it('should report a CSP violation when the page breaks its policy', async () => {
    const page = await browser.newPage();
    const problems = await watchPage(page);
    await page.goto(site.url);

    // img-src allows only 'self' and data:, so the browser refuses this before any request is made.
    await page.evaluate((hsUrl: string) => {
      const image = document.createElement('img');
      image.alt = '';
      image.src = `${hsUrl}/not-allowed.png`;
      document.body.append(image);
    }, homeserver.url);

    await expect.poll(() => problems.cspViolations.map((v) => v.directive)).toContain('img-src');
    await page.close();
  });
});
