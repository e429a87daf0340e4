// `npm run size`: bundles each public entry from source the way a host's bundler would (esbuild, minified, ESM,
// browser, peers external), gzips it at level 9 and checks the budgets. `--json` prints only JSON.
// Exit code 1 when any entry is missing, fails to build, or is over budget, or a check fails.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const asJson = process.argv.includes('--json');

// libphonenumber-js is deliberately not here: a host would bundle it, so its bytes must show.
const peers = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'react-phone-number-input', 'msw', 'matrix-js-sdk'];
const external = [...peers.flatMap((p) => [p, `${p}/*`]), 'node:*'];
const PHONE_PACKAGES = ['libphonenumber-js', 'react-phone-number-input'];

/** What is measured: `source` is the file whose absence means "not written yet". */
const entries = [
  { name: 'protocol', code: "export * from './src/protocol/index'", source: 'src/protocol/index.ts', budget: 3072 },
  {
    name: 'AddEmailFlow',
    code: "export { AddEmailFlow } from './src/index'",
    source: 'src/index.ts',
    budget: 8192,
    noPhone: true,
    // Message tables (src/i18n/messages/) of other flows that must not reach this one.
    noMessages: ['phone', 'addPhone', 'reset', 'register'],
  },
  { name: 'AddPhoneFlow', code: "export { AddPhoneFlow } from './src/index'", source: 'src/index.ts', budget: null },
  { name: 'ResetPasswordFlow', code: "export { ResetPasswordFlow } from './src/index'", source: 'src/index.ts', budget: null },
  // The three components as a host mounts them (the protocol client comes from the host): held to half the comparison.
  {
    name: 'flows',
    code: "export { AddEmailFlow, AddPhoneFlow, ResetPasswordFlow } from './src/index'",
    source: 'src/index.ts',
    budget: null,
  },
  { name: 'all', code: "export * from './src/index'", source: 'src/index.ts', budget: 12288, noTesting: true },
  { name: 'testing', code: "export * from './src/testing/index'", source: 'src/testing/index.ts', budget: null },
];
const css = { name: 'css', source: 'src/styles/styles.css', budget: 3072 };

// For comparison (issue #7): Supabase's reset-password and code-entry components, measured the same way, when the
// package is installed as a dev dependency. Its React is external like ours; its own styling library is bundled.
const COMPARISON_PACKAGE = '@supabase/auth-ui-react';
const comparison = {
  name: 'supabase ForgottenPassword+VerifyOtp',
  code: `export { ForgottenPassword, VerifyOtp } from '${COMPARISON_PACKAGE}'`,
  external: ['@supabase/supabase-js', '@supabase/supabase-js/*'],
};

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function bundle(code, extraExternal = []) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, sourcefile: 'size-entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    external: [...external, ...extraExternal],
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: 'size-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // Only JavaScript counts here; CSS ships as its own file and is measured on its own.
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js'));
  const bytes = Buffer.concat(js.map((f) => Buffer.from(f.contents)));
  return { bytes, metafile: result.metafile };
}

/** Every input file of the bundle, those that left bytes in its output, and every external package it still imports. */
function dependencies(metafile) {
  const inputs = Object.keys(metafile.inputs);
  const outputs = Object.values(metafile.outputs);
  const emitted = outputs.flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path));
  const externals = outputs.flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  return { inputs, emitted, externals };
}

const fromPackage = (path, pkg) => path === pkg || path.startsWith(`${pkg}/`) || path.includes(`node_modules/${pkg}/`);

async function measure(entry) {
  const row = { name: entry.name, minBytes: null, gzipBytes: null, budget: entry.budget, status: 'ok', ok: true };
  if (!existsSync(resolve(root, entry.source))) return { row: { ...row, status: 'missing', ok: false }, checks: [] };
  let built;
  try {
    built = await bundle(entry.code);
  } catch (err) {
    const message = (err.errors ?? []).map((e) => e.text).join('; ') || String(err.message ?? err);
    return { row: { ...row, status: 'error', ok: false, error: message }, checks: [] };
  }
  row.minBytes = built.bytes.length;
  row.gzipBytes = gzipSize(built.bytes);
  if (entry.budget !== null && row.gzipBytes > entry.budget) Object.assign(row, { status: 'over', ok: false });

  const checks = [];
  const { inputs, emitted, externals } = dependencies(built.metafile);
  if (entry.noPhone) {
    const found = [...inputs, ...externals].filter((p) => PHONE_PACKAGES.some((pkg) => fromPackage(p, pkg)));
    checks.push({ name: `${entry.name} has no phone-number library`, ok: found.length === 0, found });
  }
  if (entry.noMessages) {
    const tables = entry.noMessages.map((table) => `src/i18n/messages/${table}.ts`);
    const found = emitted.filter((p) => tables.includes(p));
    checks.push({ name: `${entry.name} has no ${entry.noMessages.join('/')} messages`, ok: found.length === 0, found });
  }
  if (entry.noTesting) {
    const found = inputs.filter((p) => p.startsWith('src/testing/'));
    checks.push({ name: `${entry.name} has nothing from src/testing`, ok: found.length === 0, found });
  }
  return { row, checks };
}

function measureCss() {
  const row = { name: css.name, minBytes: null, gzipBytes: null, budget: css.budget, status: 'ok', ok: true };
  const file = resolve(root, css.source);
  if (!existsSync(file)) return { ...row, status: 'missing', ok: false };
  // The stylesheet ships as written (copied to dist), so that is what is measured.
  const bytes = readFileSync(file);
  const gz = gzipSize(bytes);
  return { ...row, minBytes: bytes.length, gzipBytes: gz, ...(gz > css.budget ? { status: 'over', ok: false } : {}) };
}

const rows = [];
const checks = [];
for (const entry of entries) {
  const { row, checks: c } = await measure(entry);
  rows.push(row);
  checks.push(...c);
  // A check that could not run (entry missing or broken) has not passed.
  if (!row.ok && row.status !== 'over') {
    if (entry.noPhone) checks.push({ name: `${entry.name} has no phone-number library`, ok: false, found: [`entry ${row.status}`] });
    if (entry.noMessages) checks.push({ name: `${entry.name} has no ${entry.noMessages.join('/')} messages`, ok: false, found: [`entry ${row.status}`] });
    if (entry.noTesting) checks.push({ name: `${entry.name} has nothing from src/testing`, ok: false, found: [`entry ${row.status}`] });
  }
}
rows.push(measureCss());

/** The comparison's gzip size, or null when its package is not installed. */
async function measureComparison() {
  if (!existsSync(resolve(root, 'node_modules', COMPARISON_PACKAGE, 'package.json'))) return null;
  const { bytes } = await bundle(comparison.code, comparison.external);
  return { name: comparison.name, minBytes: bytes.length, gzipBytes: gzipSize(bytes) };
}
const compared = await measureComparison();
const flows = rows.find((r) => r.name === 'flows');
if (compared && flows) {
  // "Our three flows together should be at most half of it."
  flows.budget = Math.floor(compared.gzipBytes / 2);
  if (flows.gzipBytes !== null && flows.gzipBytes > flows.budget) Object.assign(flows, { status: 'over', ok: false });
}
const ok = rows.every((r) => r.ok) && checks.every((c) => c.ok);

if (asJson) {
  process.stdout.write(`${JSON.stringify({ ok, entries: rows, checks, comparison: compared }, null, 2)}\n`);
} else {
  const cells = [['entry', 'min bytes', 'gzip bytes', 'budget', 'ok']];
  for (const r of rows) {
    const state = r.status === 'ok' ? 'yes' : r.status === 'over' ? 'NO (over budget)' : r.status;
    cells.push([r.name, r.minBytes ?? '-', r.gzipBytes ?? '-', r.budget ?? 'report only', state].map(String));
  }
  const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  for (const c of cells) console.log(c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  '));
  for (const r of rows) if (r.error) console.log(`\n${r.name}: ${r.error}`);
  console.log(
    compared
      ? `\nfor comparison: ${compared.name} ${compared.minBytes} min, ${compared.gzipBytes} gzip; flows = ${((flows?.gzipBytes ?? 0) / compared.gzipBytes).toFixed(2)}× of it (budget: half)`
      : `\nfor comparison: ${COMPARISON_PACKAGE} is not installed (npm i -D ${COMPARISON_PACKAGE}) — flows has no budget`,
  );
  console.log('');
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.found.length ? `: ${c.found.join(', ')}` : ''}`);
  console.log(ok ? '\nAll budgets met.' : '\nSome budgets or checks failed.');
}
process.exit(ok ? 0 : 1);
