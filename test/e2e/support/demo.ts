import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic, type StaticServer } from './staticServer';

const DEMO_CONFIG = resolve(import.meta.dirname, '../../../demo/vite.config.ts');

/** What the demo page is asked to mount. */
export interface DemoPageOptions {
  /** The fake homeserver's origin (from `startFakeHomeserver`). */
  homeserver: string;
  flow: 'add-email' | 'add-phone' | 'reset';
  /** Access token for the add flows. */
  accessToken?: string;
  /** Keep the waiting session in sessionStorage so a reload resumes it. */
  persist?: boolean;
}

/** The built demo, served on 127.0.0.1. */
export interface RunningDemo extends StaticServer {
  /** Address of the demo page for these options. The token rides in the fragment, which no server ever sees. */
  pageUrl(options: DemoPageOptions): string;
}

let built: Promise<string> | undefined;

// One build per test process: Vite's JS API into a temp folder, so no dev server (and its inline scripts) is involved.
async function buildDemo(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'threepid-demo-'));
  const { build } = await import('vite');
  try {
    await build({ configFile: DEMO_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  return outDir;
}

/** Builds the demo (once per process) and serves the build on a free 127.0.0.1 port. */
export async function startDemo(): Promise<RunningDemo> {
  built ??= buildDemo().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  const server = await serveStatic(await built);
  return {
    ...server,
    pageUrl({ homeserver, flow, accessToken, persist }: DemoPageOptions): string {
      const query = new URLSearchParams({ hs: homeserver, flow });
      if (persist) query.set('persist', '1');
      const fragment = accessToken ? `#${new URLSearchParams({ token: accessToken }).toString()}` : '';
      return `${server.url}/?${query.toString()}${fragment}`;
    },
  };
}
