// `npm run size`: measures what a host ships. Packs the package (`npm pack`, see scripts/pack.js), unpacks it into a
// scratch host's node_modules and bundles each entry from that `dist` the way a host's bundler would (esbuild,
// minified ESM for the browser, peers external), gzip level 9; then the same inside a host bundle that includes
// React. Checks the budgets of scripts/sizeBudgets.js. `--json` prints only JSON; `--tarball <file>` measures an existing tarball.
// Exit code 1 when any entry is missing, fails to build, is over budget, or a check fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { packTarball } from './pack.js';
import { BUDGETS, TARGETS } from './sizeBudgets.js';

/** How far module order alone moves a gzip figure (seen: 6 bytes on 11.5 KB). */
const ORDER_NOISE_BYTES = 32;

const root = resolve(import.meta.dirname, '..');
const asJson = process.argv.includes('--json');
const tarballArg = process.argv.includes('--tarball') ? process.argv[process.argv.indexOf('--tarball') + 1] : undefined;

const PEERS = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'msw', 'matrix-js-sdk'];
const PHONE_PACKAGES = ['react-phone-number-input', 'libphonenumber-js'];
const KIT = 'matrix-threepid-kit';
const asExternal = (packages) => [...packages.flatMap((p) => [p, `${p}/*`]), 'node:*'];

/**
 * What is measured. `phone: 'external'` leaves the phone library out (as a host that has it would share it);
 * otherwise it is bundled, so any byte of it shows. `code` imports the package as a host does.
 */
const entries = [
  { name: 'protocol', code: `export * from '${KIT}/protocol'` },
  {
    name: 'AddEmailFlow',
    code: `export { AddEmailFlow } from '${KIT}'`,
    noPhone: true,
    // Message tables (src/i18n/messages/) of other flows that must not reach this one.
    noMessages: ['phone', 'addPhone', 'reset', 'register'],
  },
  { name: 'ResetPasswordFlow', code: `export { ResetPasswordFlow } from '${KIT}'`, noPhone: true },
  { name: 'AddPhoneFlow', code: `export { AddPhoneFlow } from '${KIT}/phone'`, phone: 'external' },
  {
    name: 'flows',
    code: `export { AddEmailFlow, ResetPasswordFlow } from '${KIT}'; export { AddPhoneFlow, phoneForm } from '${KIT}/phone'`,
    phone: 'external',
  },
  { name: 'all', code: `export * from '${KIT}'; export * from '${KIT}/phone'`, phone: 'external', noTesting: true },
  { name: 'testing', code: `export * from '${KIT}/testing'`, noMsw: true },
];

/** Host apps that include React: what the kit adds to a React app's bundle (React itself subtracted). */
const HOST_BASE = `import { createElement as h } from 'react'; import { createRoot } from 'react-dom/client';`;
const hosts = [
  {
    name: 'host + AddEmailFlow, ResetPasswordFlow',
    code: `${HOST_BASE} import { AddEmailFlow, ResetPasswordFlow, ThreepidProvider, createThreepidClient } from '${KIT}';
      const client = createThreepidClient({ baseUrl: location.origin });
      createRoot(document.body).render(h(ThreepidProvider, { client }, h(AddEmailFlow), h(ResetPasswordFlow)));`,
    emailOnly: true,
  },
  {
    name: 'host + three flows (with phone library)',
    code: `${HOST_BASE} import { AddEmailFlow, ResetPasswordFlow, ThreepidProvider, createThreepidClient } from '${KIT}';
      import { AddPhoneFlow, phoneForm } from '${KIT}/phone';
      const client = createThreepidClient({ baseUrl: location.origin });
      createRoot(document.body).render(h(ThreepidProvider, { client }, h(AddEmailFlow), h(AddPhoneFlow), h(ResetPasswordFlow, { media: ['email', 'msisdn'], phoneForm })));`,
  },
];
const hostBaseline = `${HOST_BASE} createRoot(document.body).render(h('p'));`;

// For comparison (issue #7): Supabase's reset-password and code-entry components, measured the same way, when the
// package is installed as a dev dependency. Its React is external like ours; its own styling library is bundled.
const COMPARISON_PACKAGE = '@supabase/auth-ui-react';
const comparison = {
  name: 'supabase ForgottenPassword+VerifyOtp',
  code: `export { ForgottenPassword, VerifyOtp } from '${COMPARISON_PACKAGE}'`,
  external: ['@supabase/supabase-js', '@supabase/supabase-js/*'],
};

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** The unpacked package inside a scratch host whose node_modules lookups reach the repo's (React and the peers). */
function unpack(tarball, dir) {
  const host = join(dir, 'host');
  const target = join(host, 'node_modules', KIT);
  rmSync(host, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // Its own package.json, so the kit's name resolves to node_modules and not to the repo (a package's self-reference).
  writeFileSync(join(host, 'package.json'), '{ "name": "size-host", "private": true, "type": "module" }\n');
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  if (untar.status !== 0) throw new Error(`tar failed on ${tarball}: ${untar.stderr}`);
  return { host, kit: target };
}

async function bundle(code, resolveDir, external) {
  const result = await build({
    stdin: { contents: code, resolveDir, sourcefile: 'size-entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
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
const kitFile = (path) => /node_modules\/matrix-threepid-kit\/dist\/(.*)$/.exec(path)?.[1];
const errorText = (err) => (err.errors ?? []).map((e) => e.text).join('; ') || String(err.message ?? err);
const rowOf = (name, budget = BUDGETS[name] ?? null) => ({ name, minBytes: null, gzipBytes: null, budget, target: TARGETS[name] ?? null, status: 'ok', ok: true });
const overBudget = (row) => (row.budget !== null && row.gzipBytes > row.budget ? { status: 'over', ok: false } : {});

const SHARED_PEERS = ['react', 'react/jsx-runtime', '@tanstack/react-query'];
const onceCheck = (entry) => `${entry.name} imports ${SHARED_PEERS.join(', ')} in one statement each`;

async function measure(entry, host) {
  const row = rowOf(entry.name);
  const checks = [];
  const expected = [
    entry.noPhone && `${entry.name} has no phone-number library`,
    entry.noMessages && `${entry.name} has no ${entry.noMessages.join('/')} messages`,
    entry.noTesting && `${entry.name} has nothing from testing`,
    entry.noMsw && `${entry.name} does not import msw`,
    onceCheck(entry),
  ].filter(Boolean);
  let built;
  try {
    built = await bundle(entry.code, host, asExternal(entry.phone === 'external' ? [...PEERS, ...PHONE_PACKAGES] : PEERS));
  } catch (err) {
    // A check that could not run has not passed.
    return { row: { ...row, status: 'error', ok: false, error: errorText(err) }, checks: expected.map((name) => ({ name, ok: false, found: ['entry error'] })) };
  }
  Object.assign(row, { minBytes: built.bytes.length, gzipBytes: gzipSize(built.bytes) });
  Object.assign(row, overBudget(row));
  const { inputs, emitted, externals } = dependencies(built.metafile);
  const check = (name, found) => checks.push({ name, ok: found.length === 0, found });
  if (entry.noPhone) check(expected[0], [...inputs, ...externals].filter((p) => PHONE_PACKAGES.some((pkg) => fromPackage(p, pkg))));
  if (entry.noMessages) {
    const tables = entry.noMessages.map((table) => `i18n/messages/${table}.js`);
    check(`${entry.name} has no ${entry.noMessages.join('/')} messages`, emitted.filter((p) => tables.includes(kitFile(p))));
  }
  if (entry.noTesting) check(`${entry.name} has nothing from testing`, inputs.filter((p) => kitFile(p)?.startsWith('testing/')));
  if (entry.noMsw) check(`${entry.name} does not import msw`, [...inputs, ...externals].filter((p) => fromPackage(p, 'msw')));
  // The build routes the kit's React, JSX-runtime and react-query imports through one module (vite.config.ts), so
  // the host's bundle imports each of them in one statement, not once per kit module (about 0.3 KB gzip a flow).
  const text = built.bytes.toString('utf8');
  const statements = [...text.matchAll(/import\s*\{[^}]*\}\s*from\s*"([^"]+)"/g)].map((m) => m[1]).filter((peer) => SHARED_PEERS.includes(peer));
  check(onceCheck(entry), [...new Set(statements.filter((peer, i) => statements.indexOf(peer) !== i))]);
  return { row, checks, inputs };
}

/** What the kit adds to a host bundle that has React in it, and the phone-library bytes in that bundle. */
async function measureHost(hostEntry, host, baseline) {
  const row = rowOf(hostEntry.name, null);
  const checks = [];
  const name = 'an email-only host bundle has no byte of libphonenumber-js or react-phone-number-input';
  try {
    const built = await bundle(hostEntry.code, host, ['node:*']);
    Object.assign(row, { minBytes: built.bytes.length - baseline.minBytes, gzipBytes: gzipSize(built.bytes) - baseline.gzipBytes });
    if (hostEntry.emailOnly) {
      const found = dependencies(built.metafile).inputs.filter((p) => PHONE_PACKAGES.some((pkg) => fromPackage(p, pkg)));
      checks.push({ name, ok: found.length === 0, found });
    }
  } catch (err) {
    Object.assign(row, { status: 'error', ok: false, error: errorText(err) });
    if (hostEntry.emailOnly) checks.push({ name, ok: false, found: ['entry error'] });
  }
  return { row, checks };
}

function measureCss(kit) {
  const row = rowOf('css');
  const file = join(kit, 'dist/styles.css');
  if (!existsSync(file)) return { ...row, status: 'missing', ok: false };
  // The stylesheet ships as written, so that is what is measured.
  const bytes = readFileSync(file);
  Object.assign(row, { minBytes: bytes.length, gzipBytes: gzipSize(bytes) });
  return { ...row, ...overBudget(row) };
}

/** AddEmailFlow bundled from src/: the package must not cost a host more than the source does. */
async function measureFromSource() {
  const { bytes } = await bundle(`export { AddEmailFlow } from './src/index.ts'`, root, asExternal([...PEERS, ...PHONE_PACKAGES]));
  return gzipSize(bytes);
}

/** The comparison's gzip size, or null when its package is not installed. */
async function measureComparison() {
  if (!existsSync(resolve(root, 'node_modules', COMPARISON_PACKAGE, 'package.json'))) return null;
  const { bytes } = await bundle(comparison.code, root, [...asExternal(['react', 'react-dom']), ...comparison.external]);
  return { name: comparison.name, minBytes: bytes.length, gzipBytes: gzipSize(bytes) };
}

let packed;
let report;
try {
  packed = tarballArg ? { tarball: resolve(tarballArg), dir: undefined } : packTarball();
  const scratch = packed.dir ?? join(root, '.cache/size');
  const { host, kit } = unpack(packed.tarball, scratch);
  const rows = [];
  const checks = [];
  for (const entry of entries) {
    const measured = await measure(entry, host);
    rows.push(measured.row);
    checks.push(...measured.checks);
  }
  rows.push(measureCss(kit));
  // Next.js and other RSC hosts: the React entries are client modules; the protocol client stays usable on a server.
  const startsClient = (file) => existsSync(join(kit, 'dist', file)) && readFileSync(join(kit, 'dist', file), 'utf8').startsWith('"use client"');
  const clientEntries = ['index.js', 'phone.js'];
  checks.push({ name: 'every React entry starts with "use client"', ok: clientEntries.every(startsClient), found: clientEntries.filter((f) => !startsClient(f)) });

  const { bytes: baseBytes } = await bundle(hostBaseline, host, ['node:*']);
  const baseline = { minBytes: baseBytes.length, gzipBytes: gzipSize(baseBytes) };
  for (const hostEntry of hosts) {
    const measured = await measureHost(hostEntry, host, baseline);
    rows.push(measured.row);
    checks.push(...measured.checks);
  }

  // The same code in another module order (the build's barrels are flattened) gzips a few bytes either way: that
  // much is noise, while a message table kept by a module-level merge costs hundreds.
  const fromSource = await measureFromSource();
  const email = rows.find((r) => r.name === 'AddEmailFlow')?.gzipBytes;
  const sameAsSource = email != null && email <= fromSource + ORDER_NOISE_BYTES;
  checks.push({
    name: `AddEmailFlow from the package is no bigger than from src (${fromSource} bytes gzip, ±${ORDER_NOISE_BYTES} for module order)`,
    ok: sameAsSource,
    found: sameAsSource ? [] : [`${email ?? 'no'} bytes from dist`],
  });

  const compared = await measureComparison();
  const ok = rows.every((r) => r.ok) && checks.every((c) => c.ok);
  report = { ok, entries: rows, checks, comparison: compared, fromSource: { AddEmailFlow: fromSource }, tarball: packed.tarball };
} finally {
  // Only a folder this run made is removed; a tarball given with --tarball stays where it is.
  if (packed?.dir) rmSync(packed.dir, { recursive: true, force: true });
}

const kb = (bytes) => (bytes == null ? '-' : `${(bytes / 1024).toFixed(1)} KB`);
if (asJson) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const cells = [['measured from the packed dist', 'min bytes', 'gzip bytes', 'gzip', 'ceiling', 'ok', 'issue #12 target']];
  for (const r of report.entries) {
    const state = r.status === 'ok' ? 'yes' : r.status === 'over' ? 'NO (over budget)' : r.status;
    const target = r.target === null ? '' : r.gzipBytes > r.target ? `${kb(r.target)}: NOT MET, ${r.gzipBytes - r.target} B over` : `${kb(r.target)}: met`;
    cells.push([r.name, r.minBytes ?? '-', r.gzipBytes ?? '-', kb(r.gzipBytes), r.budget === null ? 'report only' : kb(r.budget), state, target].map(String));
  }
  const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  for (const c of cells) console.log(c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  '));
  console.log('(host rows: what the kit adds to a React app bundle: the app with React and react-dom alone subtracted)');
  for (const r of report.entries) if (r.error) console.log(`\n${r.name}: ${r.error}`);
  const flows = report.entries.find((r) => r.name === 'flows');
  const { comparison: compared } = report;
  console.log(
    compared
      ? `\nfor comparison: ${compared.name} ${compared.minBytes} min, ${compared.gzipBytes} gzip; the three flows = ${((flows?.gzipBytes ?? 0) / compared.gzipBytes).toFixed(2)}× of it`
      : `\nfor comparison: ${COMPARISON_PACKAGE} is not installed (npm i -D ${COMPARISON_PACKAGE})`,
  );
  console.log('');
  for (const c of report.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.found.length ? `: ${c.found.join(', ')}` : ''}`);
  console.log(report.ok ? '\nAll budgets met.' : '\nSome budgets or checks failed.');
}
process.exit(report.ok ? 0 : 1);
