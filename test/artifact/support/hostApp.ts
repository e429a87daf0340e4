import { join } from 'node:path';
import type { DemoPageOptions, RunningDemo } from '../../e2e/support/demo';
import { serveStatic } from '../../e2e/support/staticServer';
import type { PreparedHost } from './hostInstall';
import { run, runOk, type RunResult } from './run';

/** `tsc --noEmit` with one of the host's two configs (`tsconfig.bundler.json`, `tsconfig.node16.json`). */
export function typecheck(host: PreparedHost, resolution: 'bundler' | 'node16'): Promise<RunResult> {
  // Incremental, its state kept in node_modules (so in the cache): a warm run re-checks only what changed.
  const state = `node_modules/.cache/tsc-${resolution}.tsbuildinfo`;
  const args = ['node_modules/typescript/bin/tsc', '--noEmit', '-p', `tsconfig.${resolution}.json`, '--incremental', '--tsBuildInfoFile', state];
  return run(process.execPath, args, { cwd: host.dir });
}

/** `vite build` of the host app with its own Vite; resolves the output folder. */
export async function viteBuild(host: PreparedHost): Promise<string> {
  await runOk(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { cwd: host.dir });
  return join(host.dir, 'dist');
}

/** One component's server render, as `ssr.mjs` printed it. */
export interface ServerRender {
  name: string;
  html?: string;
  error?: string;
}

/** Runs the host's `ssr.mjs` in plain Node and reads one render per component from its output. */
export async function serverRender(host: PreparedHost): Promise<{ renders: ServerRender[]; result: RunResult }> {
  const result = await run(process.execPath, ['ssr.mjs', ...(host.spec.phone ? ['--phone'] : [])], { cwd: host.dir });
  const renders = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line): ServerRender => {
      const parsed: unknown = JSON.parse(line);
      const field = (key: string): string | undefined => {
        const value: unknown = Reflect.get(Object(parsed), key);
        return typeof value === 'string' ? value : undefined;
      };
      return { name: field('name') ?? '', html: field('html'), error: field('error') };
    });
  return { renders, result };
}

/**
 * Serves a built host on 127.0.0.1, shaped like the e2e demo (same `?hs=&flow=#token=` address), so the e2e page
 * helpers drive it unchanged.
 */
export async function serveHost(distDir: string): Promise<RunningDemo> {
  const server = await serveStatic(distDir);
  return {
    ...server,
    pageUrl({ homeserver, flow, accessToken }: DemoPageOptions): string {
      const fragment = accessToken ? `#${new URLSearchParams({ token: accessToken }).toString()}` : '';
      return `${server.url}/?${new URLSearchParams({ hs: homeserver, flow }).toString()}${fragment}`;
    },
  };
}
