import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.js';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.js';

/** A running Chromium with its own throwaway profile. */
export interface LaunchedChromium {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** Starts Chromium on a fresh temporary profile (no state shared between runs). */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedChromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'threepid-e2e-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: options.viewport ?? { width: 1024, height: 768 },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
