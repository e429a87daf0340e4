import { rmSync } from 'node:fs';
import { inject } from 'vitest';
import { buildDemo } from './demoBuild';
import { serveStatic, type StaticServer } from './staticServer';

/** What the demo page is asked to mount. */
export interface DemoPageOptions {
  /** The fake homeserver's origin (from `startFakeHomeserver`). */
  homeserver: string;
  flow: 'add-email' | 'add-phone' | 'reset' | 'register';
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

let ownBuild: Promise<string> | undefined;

// The e2e project's globalSetup builds once per run; a file run some other way builds once per process.
function demoDir(): Promise<string> {
  const shared = inject('threepidDemoDir');
  if (shared) return Promise.resolve(shared);
  ownBuild ??= buildDemo().then(
    (dir) => {
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    (error: unknown) => {
      ownBuild = undefined;
      throw error;
    },
  );
  return ownBuild;
}

/** Serves the built demo on a free 127.0.0.1 port (building it first if this run has no shared build). */
export async function startDemo(): Promise<RunningDemo> {
  const server = await serveStatic(await demoDir());
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
