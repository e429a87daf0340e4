// Runs every test project (unit, dom, react18, e2e, storybook) once and ends with the plain line
// `N passed, N failed` that CI reads. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

// The React 18 project has its own node_modules (React 18 cannot sit beside the root's React 19). It is installed
// here rather than by a lifecycle script, which would also run in every host that installs the package.
if (!existsSync('test/react18/node_modules/react/package.json')) {
  console.log('Installing React 18 for test/react18 (npm ci --prefix test/react18)…');
  const install = spawnSync('npm', ['ci', '--prefix', 'test/react18', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  if (install.status !== 0) console.error('npm ci --prefix test/react18 failed: the react18 project will fail.');
}

const out = '.vitest-results.json';
rmSync(out, { force: true });
const args = ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // Vitest counts a file that failed to load as a failed suite with no failed test in it: count such a file once,
  // and a suite whose tests failed only through those tests.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  failed = (report.numFailedTests ?? 0) + brokenFiles;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
