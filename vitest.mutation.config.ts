import type { TestProjectInlineConfiguration } from 'vitest/config';
import { defineConfig } from 'vitest/config';
import { LoadFailureReporter } from './test/support/loadFailureReporter.js';
import base from './vitest.config.js';

// Stryker's vitest runner cannot pick projects, so it gets this config: the same `unit` and `dom` projects as
// vitest.config.ts, without the browser, e2e and React 18 ones (they are slow and test no extra core behaviour).
const mutationProjects = new Set(['unit', 'dom']);

function isMutationProject(project: unknown): project is TestProjectInlineConfiguration {
  if (typeof project !== 'object' || project === null || !('test' in project)) return false;
  const { test } = project as TestProjectInlineConfiguration;
  return typeof test?.name === 'string' && mutationProjects.has(test.name);
}

/** A project's include glob as a RegExp: enough for the `{a,b}`, `**` and `*` forms vitest.config.ts uses. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]*)\}/g, (_, alternatives: string) => `(?:${alternatives.split(',').join('|')})`)
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${source}$`);
}

// `MUTATION_TESTS=a.test.ts,b.test.tsx` narrows a per-file run to the tests that exercise the file. It replaces
// Stryker's `--testFiles`, which with Stryker 9.6.1 makes the runner switch a *static* mutant (module-level code, or
// code a test file runs while Vitest collects it) on only after the test file has imported the code, so the mutant
// is never live and survives falsely (README → "Mutation testing").
const only = process.env.MUTATION_TESTS?.split(',').map((f) => f.trim()).filter(Boolean);

function narrowed(project: TestProjectInlineConfiguration): TestProjectInlineConfiguration | undefined {
  if (!only) return project;
  const globs = (project.test?.include ?? []).map(globToRegExp);
  const include = only.filter((file) => globs.some((glob) => glob.test(file)));
  return include.length > 0 ? { ...project, test: { ...project.test, include } } : undefined;
}

const projects = (base.test?.projects ?? [])
  .filter(isMutationProject)
  .map(narrowed)
  .filter((project): project is TestProjectInlineConfiguration => project !== undefined);

if (only && projects.length === 0) throw new Error(`MUTATION_TESTS names no unit or dom test file: ${only.join(', ')}`);

/** Vitest config for `npm run mutation`: the `unit` and `dom` projects of vitest.config.ts, or only `MUTATION_TESTS`. */
export default defineConfig({
  ...base,
  // A test file that fails to load counts as a failed test, so a mutant that breaks loading is killed, not survived.
  test: { ...base.test, projects, reporters: ['default', new LoadFailureReporter()] },
});
