import type { Page } from 'playwright-core';
import type { FakeHomeserver } from '../../src/testing';
import type { LaunchedChromium } from '../../test/e2e/support/chromium';
import { addressField, driveHappyPath, type BenchFlow } from './drive';
import type { BenchProbe, PaintedStep } from './probe';

/** Where the bench pages and the fake homeserver are served. */
export interface BenchSite {
  browser: LaunchedChromium;
  hs: FakeHomeserver;
  hsUrl: string;
  /** Origin of the development build (Profiler, StrictMode) and of the production build (timing). */
  devUrl: string;
  prodUrl: string;
}

const ALICE_TOKEN = 'syt_alice_fakehomeserver0000000001';

/** The endpoints each happy path needs at least, by the protocol (PROTOCOL.md), before any poll. */
export const PROTOCOL_MINIMUM: Record<BenchFlow, Record<string, number>> = {
  'add-email': { requestToken: 1, threepidAdd: 2 },
  'add-phone': { requestToken: 1, submitToken: 1, threepidAdd: 2 },
  reset: { requestToken: 1, password: 1 },
};

async function openBenchPage(site: BenchSite, origin: string, flow: BenchFlow, strict: boolean): Promise<Page> {
  const page = await site.browser.newPage();
  // A page that breaks would only show as a timeout: say why instead.
  page.on('pageerror', (error) => console.error(`bench page error (${flow}): ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) console.error(`bench page console (${flow}): ${message.text()}`);
  });
  const query = new URLSearchParams({ hs: site.hsUrl, flow, strict: strict ? '1' : '0' });
  const fragment = flow === 'reset' ? '' : `#token=${ALICE_TOKEN}`;
  await page.goto(`${origin}/?${query.toString()}${fragment}`);
  return page;
}

function readProbe(page: Page): Promise<BenchProbe> {
  return page.evaluate(() => window.__bench);
}

/** How one way of clicking through a flow went, as the fake homeserver saw it. */
export interface RequestCount {
  flow: BenchFlow;
  mode: string;
  /** Requests per endpoint, CORS preflights apart. */
  byEndpoint: Record<string, number>;
  preflights: number;
  /** Emails or SMS the fake sent. */
  messages: number;
  completed: boolean;
}

/** Runs a happy path once in `mode` and counts what reached the server. */
export async function countRequests(site: BenchSite, flow: BenchFlow, mode: { name: string; strict: boolean; doubleClick: boolean; dev: boolean }, run: number): Promise<RequestCount> {
  site.hs.reset();
  const page = await openBenchPage(site, mode.dev ? site.devUrl : site.prodUrl, flow, mode.strict);
  try {
    await driveHappyPath(page, site.hs, flow, { doubleClick: mode.doubleClick, run });
    // Anything still queued (a second click's request, a poll) has a moment to show up before counting.
    await page.waitForTimeout(300);
    const byEndpoint: Record<string, number> = {};
    let preflights = 0;
    for (const entry of site.hs.requests) {
      // The emailed link is opened by the person's browser (here, hs.followLink), not by the kit.
      if (entry.endpoint === 'link' || entry.endpoint === 'fallback') continue;
      if (entry.endpoint === 'preflight') preflights += 1;
      else byEndpoint[entry.endpoint] = (byEndpoint[entry.endpoint] ?? 0) + 1;
    }
    return { flow, mode: mode.name, byEndpoint, preflights, messages: site.hs.inbox.all().length, completed: (await readProbe(page)).completed };
  } finally {
    await page.close();
  }
}

/** What re-rendered while a person typed into the address field. */
export interface TypingRenders {
  /** Profiler commits inside the flow. */
  commits: number;
  /** Renders of the kit's own components, by name. */
  renders: Record<string, number>;
}

/** Profiler commits and component renders inside the flow while a person types `text` into its address field. */
export async function countRendersWhileTyping(site: BenchSite, flow: BenchFlow, text: string): Promise<TypingRenders> {
  site.hs.reset();
  const page = await openBenchPage(site, site.devUrl, flow, false);
  try {
    await page.locator('[data-threepid-part="root"][data-state="enterAddress"]').waitFor();
    const field = addressField(page, flow);
    await field.click();
    // Let mount-time work (capabilities, focus) settle, then count from zero.
    await page.waitForTimeout(300);
    // The counter must have seen the flow mount, or React's internals changed under it and a 0 would mean nothing.
    const mounted = (await readProbe(page)).renders;
    if (!mounted.FlowScreens) throw new Error('the render counter saw no flow mount');
    await page.evaluate(() => {
      window.__bench.commits = 0;
      window.__bench.renders = {};
    });
    await field.pressSequentially(text);
    await page.waitForTimeout(300);
    const typed = await field.inputValue();
    if (typed.replace(/\s/g, '') !== text.replace(/\s/g, '')) throw new Error(`typed "${text}" but the field holds "${typed}"`);
    const { commits, renders } = await readProbe(page);
    return { commits, renders };
  } finally {
    await page.close();
  }
}

/** Every timed screen change of one run of the flow in the production build. */
export async function paintTimings(site: BenchSite, flow: BenchFlow, run: number): Promise<PaintedStep[]> {
  site.hs.reset();
  const page = await openBenchPage(site, site.prodUrl, flow, false);
  try {
    await driveHappyPath(page, site.hs, flow, { doubleClick: false, run });
    // The last paint is reported a frame after the DOM changed.
    await page.waitForFunction(() => window.__bench.painted.some((p) => p.step === 'done'), undefined, { timeout: 5000 });
    return (await readProbe(page)).painted;
  } finally {
    await page.close();
  }
}
