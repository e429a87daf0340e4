import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

/** The bench page built one way: a folder to serve. */
export interface BuiltPage {
  dir: string;
  mode: 'development' | 'production';
}

// The demo's own policy, so timings are taken under the same strict CSP the e2e tests check.
async function demoCsp(): Promise<string> {
  const html = await readFile(join(root, 'demo/index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  return match?.[1] ?? "default-src 'self'; connect-src 'self' http://127.0.0.1:*";
}

/** Bundles scripts/bench/page.tsx with React in `mode` (development: Profiler and StrictMode are live). */
export async function buildBenchPage(mode: BuiltPage['mode']): Promise<BuiltPage> {
  const dir = await mkdtemp(join(tmpdir(), `threepid-bench-${mode}-`));
  await build({
    entryPoints: { page: join(root, 'scripts/bench/page.tsx') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: mode === 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    outdir: dir,
    logLevel: 'error',
  });
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${await demoCsp()}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/page.css">
<title>matrix-threepid-kit bench (${mode})</title>
</head>
<body>
<main id="root"></main>
<script type="module" src="/page.js"></script>
</body>
</html>
`;
  await writeFile(join(dir, 'index.html'), html);
  return { dir, mode };
}
