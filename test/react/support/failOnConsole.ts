// Any console.error/warn during a hook test is a failure: React reports act() problems, updates after unmount
// and key/effect mistakes there, and the kit itself must never log. So is a promise the kit leaves rejected with no
// handler: a browser prints it as "Uncaught (in promise)" in the host's console.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

/** Makes every test in the calling file fail when something writes to console.error or console.warn. */
export function failOnConsole(): void {
  let error: MockInstance<typeof console.error>;
  let warn: MockInstance<typeof console.warn>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  beforeEach(() => {
    error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    // Unmount first, so warnings from tearing down (updates after unmount, leaked effects) count too.
    cleanup();
    process.off('unhandledRejection', onUnhandled);
    const calls = [
      ...error.mock.calls.map((c) => ['error', ...c]),
      ...warn.mock.calls.map((c) => ['warn', ...c]),
      ...unhandled.map((reason) => ['unhandled rejection', reason]),
    ];
    error.mockRestore();
    warn.mockRestore();
    if (calls.length > 0) {
      throw new Error(`Unexpected console output:\n${calls.map((c) => c.map(String).join(' ')).join('\n')}`);
    }
  });
}
