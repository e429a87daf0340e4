import { describe, expect, it } from 'vitest';
import type { RunnerTestFile } from 'vitest';
import { LOAD_FAILURE_TEST, markLoadFailures } from '../support/loadFailureReporter';

/** A test file as vitest's state holds it after a run: only the fields the reporter and Stryker read. */
function fileTask(name: string, result: RunnerTestFile['result'], tasks: RunnerTestFile['tasks'] = []): RunnerTestFile {
  const file = { type: 'suite', id: `id-${name}`, name, fullName: name, filepath: `/repo/${name}`, mode: 'run', meta: {}, tasks, result } as Partial<RunnerTestFile>;
  return file as RunnerTestFile;
}

describe('loadFailureReporter', () => {
  it('should give a test file that failed to load one failed test carrying its load error', () => {
    const broken = fileTask('broken.test.ts', { state: 'fail', errors: [{ name: 'TypeError', message: "Cannot read properties of undefined (reading 'step')" }] });

    expect(markLoadFailures([broken])).toBe(1);

    expect(broken.tasks).toHaveLength(1);
    const [test] = broken.tasks;
    expect(test).toMatchObject({ type: 'test', name: LOAD_FAILURE_TEST, mode: 'run', file: broken, suite: broken });
    expect(test?.result?.state).toBe('fail');
    expect(test?.result?.errors?.[0]?.message).toBe("Cannot read properties of undefined (reading 'step')");
  });

  it('should still fail a file that failed to load without saying why', () => {
    const broken = fileTask('silent.test.ts', { state: 'fail' });

    markLoadFailures([broken]);

    expect(broken.tasks[0]?.result?.errors?.[0]?.message).toBe('silent.test.ts failed to load');
  });

  it('should leave files that loaded alone, whether their tests passed or failed', () => {
    const passed = fileTask('passed.test.ts', { state: 'pass' });
    const loaded = fileTask('loaded.test.ts', { state: 'fail' });
    // A file whose tests ran and failed: it holds them (a suite here).
    loaded.tasks.push(fileTask('a failing describe', { state: 'fail' }, []));

    expect(markLoadFailures([passed, loaded])).toBe(0);
    expect(passed.tasks).toHaveLength(0);
    expect(loaded.tasks.map((task) => task.name)).toEqual(['a failing describe']);
  });
});
