import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where e2e screenshots go (git-ignored through `test-results/`). */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/e2e');

/** Saves numbered full-page screenshots of one scenario: `test-results/e2e/<scenario>/01-<step>.png`. */
export function screenshotter(scenario: string): (page: Page, step: string) => Promise<string> {
  const folder = join(SCREENSHOT_DIR, slug(scenario));
  let count = 0;
  return async (page, step) => {
    count += 1;
    await mkdir(folder, { recursive: true });
    const file = join(folder, `${String(count).padStart(2, '0')}-${slug(step)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
