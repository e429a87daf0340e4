import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DEMO_CONFIG = resolve(import.meta.dirname, '../../../demo/vite.config.ts');

/** Builds demo/ with Vite's JS API into a new temp folder and returns it (no dev server, so no inline scripts). */
export async function buildDemo(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'threepid-demo-'));
  const { build } = await import('vite');
  try {
    // The demo bundles the whole kit into one file on purpose; the chunk-size hint is noise here.
    await build({ configFile: DEMO_CONFIG, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  return outDir;
}
