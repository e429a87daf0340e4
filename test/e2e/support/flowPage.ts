import type { Locator, Page } from 'playwright-core';
import type { LaunchedChromium } from './chromium';
import type { DemoPageOptions, RunningDemo } from './demo';
import { watchPage, type PageProblems } from './pageWatch';
import { leakedIn } from './secrets';

// Chromium's console line for an HTTP error answer, e.g. "… with a status of 401 (Unauthorized)".
const NETWORK_LOG = /^Failed to load resource: the server responded with a status of (\d+)/;

/** A demo page opened on one flow, with everything it did recorded for the security checks. */
export interface FlowPage {
  page: Page;
  problems: PageProblems;
  /** Every console message of any level, as `level: text`. */
  consoleLines: string[];
  /** The URL of every request the page made (navigation, scripts, API calls). */
  requestUrls: string[];
  /** The flow's root element (`data-threepid-part="root"`). */
  root: Locator;
  /** Waits until the flow root shows this machine step (its `data-state`). */
  waitForStep(step: string): Promise<void>;
  /**
   * CSP violations, uncaught errors and console errors, less Chromium's own "Failed to load resource" line for
   * answers the protocol expects (by default the UIA 401): the browser logs those, not the kit.
   */
  unexpectedProblems(expectedStatuses?: readonly number[]): string[];
}

/** Opens the demo on a flow in a new tab of `browser`, watching CSP, console and requests from the first byte. */
export async function openFlow(browser: LaunchedChromium, demo: RunningDemo, options: DemoPageOptions): Promise<FlowPage> {
  const page = await browser.newPage();
  const problems = await watchPage(page);
  const consoleLines: string[] = [];
  const requestUrls: string[] = [];
  const failedLoads: string[] = [];
  page.on('console', (message) => {
    consoleLines.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error' && NETWORK_LOG.test(message.text())) failedLoads.push(message.text());
  });
  page.on('request', (request) => requestUrls.push(request.url()));
  await page.goto(demo.pageUrl(options));
  const root = page.locator('[data-threepid-part="root"]');
  return {
    page,
    problems,
    consoleLines,
    requestUrls,
    root,
    async waitForStep(step) {
      await page.locator(`[data-threepid-part="root"][data-state="${step}"]`).waitFor();
    },
    unexpectedProblems(expectedStatuses = [401]) {
      const unexpectedLoads = failedLoads.filter((line) => !expectedStatuses.includes(Number(NETWORK_LOG.exec(line)?.[1])));
      const others = problems.summary().filter((line) => !NETWORK_LOG.test(line.replace(/^console\.error: /, '')));
      return [...others, ...unexpectedLoads.map((line) => `console.error: ${line}`)];
    },
  };
}

/**
 * Every place a secret shows up: the serialised DOM now (every attribute and text node), console output so far, and
 * the URLs of every request the page made. What a person is typing into a field is theirs, not a leak, so field
 * values are left out. The demo's own address is left out too: the harness built it, and its token rides in the
 * fragment, which is never sent.
 */
export async function findLeaks(flow: FlowPage, secrets: readonly string[]): Promise<string[]> {
  const dom = await flow.page.evaluate(() => document.documentElement.outerHTML);
  const demoPage = flow.page.url().split('#')[0];
  const places: string[] = [];
  for (const secret of leakedIn(dom, secrets)) places.push(`DOM: ${mask(secret)}`);
  for (const line of flow.consoleLines) for (const secret of leakedIn(line, secrets)) places.push(`console: ${mask(secret)}`);
  for (const url of flow.requestUrls) {
    if (url.split('#')[0] === demoPage) continue;
    for (const secret of leakedIn(url, secrets)) places.push(`URL ${new URL(url).pathname}: ${mask(secret)}`);
  }
  return places;
}

// Reports say which secret leaked without printing it whole.
function mask(secret: string): string {
  return secret.length <= 4 ? '****' : `${secret.slice(0, 2)}…(${secret.length} chars)`;
}
