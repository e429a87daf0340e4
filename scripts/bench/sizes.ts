import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

/** One entry of `node scripts/size.js --json`. */
export interface SizeEntry {
  name: string;
  minBytes: number | null;
  gzipBytes: number | null;
  budget: number | null;
  status: string;
  ok: boolean;
}

/** What `npm run size` measured, or why it could not. */
export type SizeReport = { entries: SizeEntry[]; checks: { name: string; ok: boolean }[] } | { error: string };

/** Runs `node scripts/size.js --json`; its exit code says "over budget", which the bench reports rather than stops on. */
export function readSizes(): SizeReport {
  const run = spawnSync(process.execPath, [resolve(root, 'scripts/size.js'), '--json'], { cwd: root, encoding: 'utf8' });
  try {
    const parsed: unknown = JSON.parse(run.stdout);
    if (typeof parsed === 'object' && parsed !== null && 'entries' in parsed && Array.isArray(parsed.entries)) {
      const checks = 'checks' in parsed && Array.isArray(parsed.checks) ? (parsed.checks as { name: string; ok: boolean }[]) : [];
      return { entries: parsed.entries as SizeEntry[], checks };
    }
    return { error: 'size.js printed no entries' };
  } catch {
    return { error: (run.stderr || run.stdout || `size.js exited ${String(run.status)}`).trim().split('\n')[0] ?? 'size.js failed' };
  }
}

const SUPABASE = '@supabase/auth-ui-react';

/**
 * The same measure (esbuild, minified, peers external, gzip -9) for `ForgottenPassword` + `VerifyOtp` of
 * `@supabase/auth-ui-react`, when that package is installed; undefined when it is not.
 */
export async function supabaseComparison(): Promise<{ gzipBytes: number } | { error: string } | undefined> {
  try {
    createRequire(resolve(root, 'package.json')).resolve(SUPABASE);
  } catch {
    return undefined;
  }
  try {
    const result = await build({
      stdin: { contents: `export { ForgottenPassword, VerifyOtp } from '${SUPABASE}';`, resolveDir: root, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      external: ['react', 'react-dom', 'react/*', 'react-dom/*', '@supabase/supabase-js'],
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      logLevel: 'silent',
    });
    const bytes = Buffer.concat(result.outputFiles.filter((file) => file.path.endsWith('.js') || file.path === '<stdout>').map((file) => Buffer.from(file.contents)));
    return { gzipBytes: gzipSync(bytes, { level: 9 }).length };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] ?? 'build failed' : String(error) };
  }
}
