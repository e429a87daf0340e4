import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/**
 * A test file that failed to load, as one failed test: the name a mutation report gives the load error.
 * Exported for its own test.
 */
export const LOAD_FAILURE_TEST = 'the test file loads';

/**
 * Gives every test file that failed before any of its tests ran (an import or a `describe` body threw) one failed test
 * carrying the error. Stryker's vitest runner (9.6.1, and 10.0.0 alike) builds a mutant's verdict from the tests it
 * finds in vitest's state, and a file that failed to load holds none: a mutant that breaks the module at load time was
 * scored "survived" though the suite plainly catches it (stryker-js issue 6150). Only vitest.mutation.config.ts uses it.
 */
export function markLoadFailures(files: readonly RunnerTestFile[]): number {
  let marked = 0;
  for (const file of files) {
    if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
    const failed: Omit<RunnerTestCase, 'context'> = {
      type: 'test',
      id: `${file.id}_load`,
      name: LOAD_FAILURE_TEST,
      fullName: `${file.name} > ${LOAD_FAILURE_TEST}`,
      fullTestName: LOAD_FAILURE_TEST,
      mode: 'run',
      meta: {},
      file,
      suite: file,
      timeout: 0,
      annotations: [],
      artifacts: [],
      result: { state: 'fail', errors: file.result.errors ?? [{ name: 'Error', message: `${file.name} failed to load` }] },
    };
    // Vitest's test context exists only inside a run; nothing reads it once the run is over, so none is built here.
    file.tasks.push(failed as RunnerTestCase);
    marked += 1;
  }
  return marked;
}

/** The vitest reporter for mutation runs: see `markLoadFailures`. */
export class LoadFailureReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    if (this.vitest) markLoadFailures(this.vitest.state.getFiles());
  }
}
