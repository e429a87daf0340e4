import type { Page } from 'playwright-core';

/** One Content-Security-Policy violation the page reported. */
export interface CspViolation {
  directive: string;
  blockedUri: string;
  sample: string;
}

/** What went wrong on a page while it was watched. */
export interface PageProblems {
  cspViolations: CspViolation[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Every problem as one line each; empty when the page behaved. */
  summary(): string[];
}

const BINDING = '__threepidE2eCsp';

function isViolation(value: unknown): value is CspViolation {
  if (typeof value !== 'object' || value === null) return false;
  const { directive, blockedUri, sample } = value as Record<string, unknown>;
  return typeof directive === 'string' && typeof blockedUri === 'string' && typeof sample === 'string';
}

/**
 * Starts collecting CSP violations (the `securitypolicyviolation` event, reported through a Playwright binding so it
 * works under the strictest policy), console errors and uncaught exceptions. Call before the first `goto`.
 */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = {
    cspViolations: [],
    consoleErrors: [],
    pageErrors: [],
    summary: () => [
      ...problems.cspViolations.map((v) => `CSP ${v.directive} blocked ${v.blockedUri || '(inline)'} ${v.sample}`.trim()),
      ...problems.consoleErrors.map((text) => `console.error: ${text}`),
      ...problems.pageErrors.map((text) => `uncaught: ${text}`),
    ],
  };
  await page.exposeBinding(BINDING, (_source, violation: unknown) => {
    if (isViolation(violation)) problems.cspViolations.push(violation);
  });
  await page.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report: unknown = Reflect.get(window, binding);
      if (typeof report === 'function') {
        report({ directive: event.effectiveDirective, blockedUri: event.blockedURI, sample: event.sample });
      }
    });
  }, BINDING);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  return problems;
}
