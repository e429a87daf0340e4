import type { TestProjectInlineConfiguration } from 'vitest/config';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Stryker's vitest runner cannot pick projects, so it gets this config: the same `unit` and `dom` projects as
// vitest.config.ts, without the browser, e2e and React 18 ones (they are slow and test no extra core behaviour).
const mutationProjects = new Set(['unit', 'dom']);

function isMutationProject(project: unknown): project is TestProjectInlineConfiguration {
  if (typeof project !== 'object' || project === null || !('test' in project)) return false;
  const { test } = project as TestProjectInlineConfiguration;
  return typeof test?.name === 'string' && mutationProjects.has(test.name);
}

/** Vitest config for `npm run mutation`: the `unit` and `dom` projects of vitest.config.ts. */
export default defineConfig({
  ...base,
  test: { ...base.test, projects: (base.test?.projects ?? []).filter(isMutationProject) },
});
