// Reads `npm run size -- --json` (measured from the packed dist) and holds every budget and check (issues #7, #12).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, TARGETS } from '../../scripts/sizeBudgets.js';

interface SizeRow {
  name: string;
  minBytes: number | null;
  gzipBytes: number | null;
  budget: number | null;
  status: 'ok' | 'over' | 'missing' | 'error';
  ok: boolean;
  error?: string;
}
interface SizeCheck {
  name: string;
  ok: boolean;
  found: string[];
}
interface SizeReport {
  ok: boolean;
  entries: SizeRow[];
  checks: SizeCheck[];
  /** @supabase/auth-ui-react's ForgottenPassword + VerifyOtp, measured the same way (a dev dependency). */
  comparison: { name: string; minBytes: number; gzipBytes: number } | null;
}

const root = resolve(import.meta.dirname, '../..');
let report: SizeReport;

beforeAll(() => {
  // Builds and packs the package first: about a minute on a busy machine.
  const run = spawnSync(process.execPath, ['scripts/size.js', '--json'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  report = JSON.parse(run.stdout) as SizeReport;
  // The exit code must agree with the report, so CI can rely on either.
  expect(run.status).toBe(report.ok ? 0 : 1);
}, 300_000);

const row = (name: string): SizeRow | undefined => report.entries.find((r) => r.name === name);
const check = (name: string): SizeCheck | undefined => report.checks.find((c) => c.name.startsWith(name));

describe('npm run size (from the packed dist)', () => {
  it('should keep the targets issue #12 names, in KB of 1024 gzip bytes, and no ceiling more than half a KB over today', () => {
    expect(TARGETS).toEqual({ AddEmailFlow: 12 * 1024, ResetPasswordFlow: 12 * 1024, flows: 14 * 1024, protocol: 3 * 1024, css: 3 * 1024 });
    for (const [name, ceiling] of Object.entries(BUDGETS)) {
      const measured = row(name)?.gzipBytes ?? 0;
      // A ceiling is a ratchet: at most the target, or at most half a KB above what is measured today.
      expect(ceiling, name).toBeLessThanOrEqual(Math.max(TARGETS[name as keyof typeof TARGETS], measured + 512));
    }
  });

  it.each(Object.entries(BUDGETS))('should keep %s within %i bytes gzip', (name, budget) => {
    const r = row(name);
    expect(r, `${name} is not in the report`).toBeDefined();
    expect(r?.status, r?.error).not.toMatch(/missing|error/);
    expect(r?.budget).toBe(budget);
    expect(r?.gzipBytes).toBeGreaterThan(0);
    expect(r?.gzipBytes).toBeLessThanOrEqual(budget);
  });

  it.each(['AddPhoneFlow', 'all', 'testing', 'host + AddEmailFlow, ResetPasswordFlow', 'host + three flows (with phone library)'])(
    'should build and report %s',
    (name) => {
      const r = row(name);
      expect(r?.status, r?.error).toBe('ok');
      expect(r?.gzipBytes).toBeGreaterThan(0);
    },
  );

  it("should measure Supabase's ForgottenPassword + VerifyOtp the same way, for the printed comparison", () => {
    // A real bundle, not an empty stub (about 19 KB gzip when issue #7 was written).
    expect(report.comparison?.gzipBytes).toBeGreaterThan(10_000);
  });

  it.each([
    ['AddEmailFlow has no phone-number library'],
    ['ResetPasswordFlow has no phone-number library'],
    ['an email-only host bundle has no byte of libphonenumber-js or react-phone-number-input'],
    ['AddEmailFlow has no phone/addPhone/reset/register messages'],
    ['AddEmailFlow from the package is no bigger than from src'],
    ['AddEmailFlow imports react, react/jsx-runtime, @tanstack/react-query in one statement each'],
    ['ResetPasswordFlow imports react, react/jsx-runtime, @tanstack/react-query in one statement each'],
    ['flows imports react, react/jsx-runtime, @tanstack/react-query in one statement each'],
    ['all has nothing from testing'],
    ['testing does not import msw'],
    ['every React entry starts with "use client"'],
  ])('should pass the check: %s', (name) => {
    const c = check(name);
    expect(c, `no check named "${name}"`).toBeDefined();
    expect(c?.found).toEqual([]);
    expect(c?.ok).toBe(true);
  });
});
